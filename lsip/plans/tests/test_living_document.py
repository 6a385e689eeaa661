"""The plan as a living document: numbered revisions, comparison, frozen snapshots, the
lost-update refusal (on SQLite and PostgreSQL, sequentially and with two real concurrent
connections), carrying forward, and the pages with their permissions."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from lsip.areas.models import Area, Cycle
from lsip.plans import revisions, services
from lsip.plans.locking import ConflictError
from lsip.plans.models import Action, Activity, Aim, Plan, Priority, Revision, Snapshot


@pytest.fixture
def cycle(marches):
    return Cycle.objects.create(area=marches, start_year=2022, end_year=2025)


@pytest.fixture
def next_cycle(marches, cycle):
    return Cycle.objects.create(area=marches, start_year=2025, end_year=2028, previous=cycle)


@pytest.fixture
def editor(people):
    return people["erb_editor"]


@pytest.fixture
def plan(cycle, editor):
    return services.create_plan(cycle=cycle, title="The Marches LSIP 2022-2025", actor=editor)


def add_priority(plan, title, actor, **values):
    return services.save(Priority(plan=plan, title=title, **values), actor=actor)


def add_action(priority, title, actor, aims=(Aim.OFFER,)):
    return services.save(Action(priority=priority, title=title, aims=list(aims)), actor=actor)


def add_activity(action, title, actor, lead, status=Activity.Status.PLANNED):
    activity = Activity(
        action=action,
        title=title,
        start=datetime.date(2025, 4, 1),
        end=datetime.date(2026, 3, 31),
        status=status,
    )
    return services.save(activity, actor=actor, links={"leads": [lead]})


class TestRevisions:
    def test_changes_made_in_one_revision_are_one_version(self, cycle, editor):
        with revisions.one_revision(editor, "Plan loaded"):
            plan = services.create_plan(cycle=cycle, title="The Marches LSIP", actor=editor)
            add_action(add_priority(plan, "Engineering skills", editor), "CNC bootcamp", editor)
        (only,) = plan.revisions.all()
        assert (only.number, only.summary, only.actor) == (1, "Plan loaded", editor)
        assert "CNC bootcamp" in str(only.document["actions"])
        add_priority(plan, "Care", editor)  # after the block, each change is a version again
        assert plan.revisions.first().number == 2

    def test_a_failed_block_records_no_revision(self, plan, editor):
        def load():
            with revisions.one_revision(editor, "Half loaded"):
                add_action(add_priority(plan, "Engineering skills", editor), "No aims", editor, ())

        with pytest.raises(ValidationError):
            load()
        assert plan.revisions.filter(summary="Half loaded").count() == 0

    def test_each_change_makes_a_revision_numbered_in_order_with_actor_and_summary(
        self, plan, editor, people
    ):
        admin = people["erb_admin"]
        priority = add_priority(plan, "Engineering skills", editor)
        priority.description = "Machining and maintenance"
        services.save(priority, actor=admin, expected_version=priority.version)
        add_action(priority, "CNC bootcamp", admin)
        listed = list(plan.revisions.order_by("number"))
        assert [r.number for r in listed] == [1, 2, 3, 4]
        assert [r.actor for r in listed] == [editor, editor, admin, admin]
        assert listed[0].summary == "Plan 'The Marches LSIP 2022-2025' opened"
        assert listed[1].summary == "Priority 'Engineering skills' added"
        assert listed[2].summary == "Priority 'Engineering skills' changed"
        assert listed[3].summary == "Action 'CNC bootcamp' added"
        assert "Engineering skills" in str(listed[3].document["actions"])
        assert plan.revisions.first().number == 4  # newest first

    def test_compare_shows_added_changed_and_removed_items(self, plan, editor):
        first = add_priority(plan, "Digital skills", editor, soc_codes=["2134"])
        second = add_priority(plan, "Care workforce", editor)
        before = plan.revisions.first().document
        first.soc_codes = ["2134", "3132"]
        services.save(first, actor=editor, expected_version=first.version)
        services.delete(second, actor=editor, expected_version=second.version)
        add_priority(plan, "Construction and retrofit", editor)
        after = plan.revisions.first().document
        changes = revisions.diff(before, after)
        kinds = {(c.section, c.item, c.kind, c.field) for c in changes}
        assert ("Priority", "Construction and retrofit", "added", "") in kinds
        assert ("Priority", "Care workforce", "removed", "") in kinds
        assert ("Priority", "Digital skills", "changed", "soc_codes") in kinds
        (changed,) = [c for c in changes if c.kind == "changed"]
        assert (changed.before, changed.after) == (["2134"], ["2134", "3132"])

    def test_a_revision_is_never_changed(self, plan):
        revision = plan.revisions.first()
        revision.summary = "Rewritten history"
        with pytest.raises(ValidationError):
            revision.save()
        assert Revision.objects.get(pk=revision.pk).summary != "Rewritten history"


class TestSnapshots:
    def test_a_snapshots_document_does_not_change_when_the_plan_is_edited(self, plan, editor):
        priority = add_priority(plan, "Engineering skills", editor)
        snapshot = revisions.freeze(plan, "Substantive draft submitted 31 March", editor)
        frozen = Snapshot.objects.get(pk=snapshot.pk).revision.document
        priority.title = "Engineering and manufacturing skills"
        services.save(priority, actor=editor, expected_version=priority.version)
        add_priority(plan, "Digital skills", editor)
        plan.title = "The Marches LSIP (revised)"
        services.save(plan, actor=editor, expected_version=plan.version)
        again = Snapshot.objects.get(pk=snapshot.pk)
        assert again.revision.document == frozen
        assert [p["title"] for p in frozen["priorities"].values()] == ["Engineering skills"]
        assert frozen["plan"]["title"] == "The Marches LSIP 2022-2025"
        assert again.frozen_by == editor
        assert plan.revisions.first().number > again.revision.number

    def test_a_snapshot_cannot_be_changed_or_deleted(self, plan, editor):
        snapshot = revisions.freeze(plan, "Draft for the board", editor)
        snapshot.name = "Something else"
        with pytest.raises(ValidationError):
            snapshot.save()
        with pytest.raises(ValidationError):
            Snapshot.objects.get(pk=snapshot.pk).delete()
        assert Snapshot.objects.get(pk=snapshot.pk).name == "Draft for the board"

    def test_two_snapshots_of_a_plan_cannot_share_a_name(self, plan, editor):
        revisions.freeze(plan, "Final", editor)
        with pytest.raises(ValidationError):
            revisions.freeze(plan, "Final", editor)


def assert_second_save_refused(priority_id, first_user, second_user):
    """Two copies of one priority read at the same version: the first save wins, the second
    is refused naming the first person, and nothing of the second is saved."""
    mine = Priority.objects.get(pk=priority_id)
    theirs = Priority.objects.get(pk=priority_id)
    read = mine.version
    plan = mine.plan
    count = plan.revisions.count()
    mine.title = "First editor's title"
    services.save(mine, actor=first_user, expected_version=read)
    theirs.title = "Second editor's title"
    theirs.description = "Second editor's description"
    with pytest.raises(ConflictError) as refused:
        services.save(theirs, actor=second_user, expected_version=read)
    assert first_user.get_username() in str(refused.value)
    assert refused.value.current.title == "First editor's title"
    stored = Priority.objects.get(pk=priority_id)
    assert (stored.title, stored.description) == ("First editor's title", "")
    assert stored.version == read + 1
    assert plan.revisions.count() == count + 1


@pytest.mark.django_db
def test_the_second_of_two_edits_of_one_item_is_refused_with_the_others_change(plan, people):
    priority = add_priority(plan, "Health and care workforce", people["erb_editor"])
    assert_second_save_refused(priority.pk, people["erb_editor"], people["erb_admin"])


@pytest.mark.django_db
def test_an_edit_must_say_which_version_it_changes(plan, editor):
    priority = add_priority(plan, "Digital skills", editor)
    priority.title = "Changed without reading"
    with pytest.raises(ValidationError):
        services.save(priority, actor=editor)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_connections_cannot_overwrite_each_other(people):
    """Two threads, each with its own database connection, save the same priority read at
    the same version at the same moment: exactly one is saved, the other is refused."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database cannot take two concurrent writers")
    area = Area.objects.get(slug="the-marches")
    cycle = Cycle.objects.create(area=area, start_year=2022, end_year=2025)
    editor, admin = people["erb_editor"], people["erb_admin"]
    plan = services.create_plan(cycle=cycle, title="Concurrent plan", actor=editor)
    priority = add_priority(plan, "Engineering skills", editor)
    read = priority.version
    barrier = threading.Barrier(2)
    outcomes = {}

    def edit(user, title):
        from django.db import connection as own

        try:
            copy = Priority.objects.get(pk=priority.pk)
            copy.title = title
            barrier.wait(timeout=10)
            services.save(copy, actor=user, expected_version=read)
            outcomes[title] = "saved"
        except ConflictError as error:
            outcomes[title] = error
        finally:
            own.close()

    threads = [
        threading.Thread(target=edit, args=(editor, "Editor's title")),
        threading.Thread(target=edit, args=(admin, "Admin's title")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(type(o).__name__ for o in outcomes.values()) == ["ConflictError", "str"]
    (winner,) = [t for t, o in outcomes.items() if o == "saved"]
    (loser,) = [o for o in outcomes.values() if o != "saved"]
    stored = Priority.objects.get(pk=priority.pk)
    assert stored.title == winner
    assert stored.version == read + 1
    who = editor if winner == "Editor's title" else admin
    assert who.get_username() in str(loser)
    assert plan.revisions.count() == 3  # opened, priority added, one change
    # and the sequential refusal on this database too
    assert_second_save_refused(priority.pk, admin, editor)


class TestCarryForward:
    def test_chosen_priorities_and_actions_are_carried_and_others_left(
        self, plan, editor, next_cycle, college
    ):
        engineering = add_priority(plan, "Engineering skills", editor, soc_codes=["5221"])
        care = add_priority(plan, "Care workforce", editor)
        add_priority(plan, "Finished priority", editor)
        bootcamp = add_action(engineering, "CNC bootcamp", editor, [Aim.OFFER, Aim.EMPLOYERS])
        done = add_action(engineering, "Done action", editor)
        add_activity(done, "Finished work", editor, college, Activity.Status.COMPLETE)
        add_activity(bootcamp, "Running", editor, college, Activity.Status.ON_TRACK)
        recruit = add_action(care, "Care recruitment campaign", editor, [Aim.AWARENESS])
        unfinished = services.unfinished_actions(plan)
        assert {a.title for a in unfinished} == {"CNC bootcamp", "Care recruitment campaign"}
        new = services.carry_forward(
            plan=plan,
            cycle=next_cycle,
            title="The Marches LSIP 2025-2028",
            priorities=[engineering],
            actions=[bootcamp, recruit],  # recruit's priority is not carried: left
            actor=editor,
        )
        assert new.carried_from == plan
        (carried,) = new.priorities.all()
        assert (carried.title, carried.carried_from, carried.soc_codes) == (
            "Engineering skills",
            engineering,
            ["5221"],
        )
        (action,) = carried.actions.all()
        assert (action.title, action.carried_from, action.aims) == (
            "CNC bootcamp",
            bootcamp,
            ["offer", "employers"],
        )
        assert not action.activities.exists()  # activities are planned afresh
        assert plan.priorities.count() == 3  # the old plan is untouched
        assert new.revisions.count() == 1


def url(name, plan_or_snapshot, **kwargs):
    area = plan_or_snapshot.plan.area if isinstance(plan_or_snapshot, Snapshot) else None
    area = area or plan_or_snapshot.area
    return reverse(name, kwargs={"area_slug": area.slug, "pk": plan_or_snapshot.pk, **kwargs})


class TestPages:
    def test_the_versions_list_shows_who_when_what_and_snapshots(self, client, plan, editor):
        add_priority(plan, "Engineering skills", editor)
        revisions.freeze(plan, "Substantive draft submitted 31 March", editor)
        client.force_login(editor)
        page = client.get(url("plans:revision-list", plan))
        assert page.status_code == 200
        text = page.content.decode()
        assert "Priority &#x27;Engineering skills&#x27; added" in text
        assert "Version 2" in text
        assert editor.get_username() in text
        assert "Snapshot: Substantive draft submitted 31 March" in text

    def test_compare_shows_the_two_versions_side_by_side(self, client, plan, editor):
        priority = add_priority(plan, "Digital skills", editor, levels=["3", "4"])
        priority.levels = ["3", "4", "6"]
        priority.description = "Across every sector"
        services.save(priority, actor=editor, expected_version=priority.version)
        client.force_login(editor)
        page = client.get(url("plans:revision-compare", plan) + "?a=2&b=3")
        text = page.content.decode()
        assert page.status_code == 200
        assert "Version 2 and version 3" in text
        assert "Level 3, Level 4, Level 6" in text  # lists joined, levels by label
        assert "Across every sector" in text
        assert "Changed" in text
        page = client.get(url("plans:revision-compare", plan) + "?a=1&b=3")
        assert "Added" in page.content.decode()
        assert client.get(url("plans:revision-compare", plan) + "?a=1&b=99").status_code == 404

    def test_a_revision_is_shown_as_the_plan_then_stood(self, client, plan, editor, college):
        priority = add_priority(plan, "Engineering skills", editor)
        action = add_action(priority, "CNC bootcamp", editor, [Aim.JOIN_UP])
        add_activity(action, "Bootcamp cohort 1", editor, college)
        priority.title = "Renamed later"
        services.save(priority, actor=editor, expected_version=priority.version)
        client.force_login(editor)
        text = client.get(url("plans:revision-detail", plan, number=4)).content.decode()
        assert "Engineering skills" in text
        assert "Renamed later" not in text
        assert "CNC bootcamp" in text
        assert "Bootcamp cohort 1" in text
        assert "Join up with the wider skills system" in text  # aims by label
        assert "Telford College" in text
        assert client.get(url("plans:revision-detail", plan, number=40)).status_code == 404

    def test_an_editor_freezes_a_snapshot_and_anyone_in_the_area_reads_it(
        self, client, plan, editor, people
    ):
        add_priority(plan, "Engineering skills", editor)
        client.force_login(editor)
        response = client.post(url("plans:snapshot-create", plan), {"name": "  Board draft "})
        snapshot = Snapshot.objects.get(plan=plan)
        assert response.status_code == 302
        assert response["Location"] == url("plans:snapshot-detail", snapshot)
        assert (snapshot.name, snapshot.revision.number, snapshot.frozen_by) == (
            "Board draft",
            2,
            editor,
        )
        again = client.post(url("plans:snapshot-create", plan), {"name": "board draft"})
        assert "already has a snapshot called" in again.content.decode()
        add_priority(plan, "Later priority", editor)
        client.force_login(people["board_member"])
        page = client.get(url("plans:snapshot-detail", snapshot))
        text = page.content.decode()
        assert page.status_code == 200
        assert "Board draft" in text
        assert editor.get_username() in text
        assert "Engineering skills" in text
        assert "Later priority" not in text
        assert "?a=2&amp;b=3" in text  # compare with the current version

    def test_a_board_member_reads_but_cannot_freeze_or_carry_forward(
        self, client, plan, people, next_cycle
    ):
        client.force_login(people["board_member"])
        assert client.get(url("plans:revision-list", plan)).status_code == 200
        assert client.get(url("plans:revision-compare", plan)).status_code == 200
        assert client.get(url("plans:snapshot-create", plan)).status_code == 403
        assert client.post(url("plans:snapshot-create", plan), {"name": "x"}).status_code == 403
        assert client.get(url("plans:carry-forward", plan)).status_code == 403
        assert not Snapshot.objects.exists()
        client.force_login(people["other_area_admin"])
        assert client.get(url("plans:revision-list", plan)).status_code == 403

    def test_carry_forward_page_opens_the_next_plan(self, client, plan, editor, next_cycle):
        keep = add_priority(plan, "Engineering skills", editor)
        add_priority(plan, "Left behind", editor)
        action = add_action(keep, "CNC bootcamp", editor)
        client.force_login(editor)
        form = client.get(url("plans:carry-forward", plan))
        text = form.content.decode()
        assert form.status_code == 200
        assert "2025-2028" in text
        assert "CNC bootcamp" in text
        refused = client.post(
            url("plans:carry-forward", plan),
            {"cycle": next_cycle.pk, "title": "Next", "actions": [action.pk]},
        )
        assert "An action is carried with its priority" in refused.content.decode()
        assert not Plan.objects.filter(cycle=next_cycle).exists()
        response = client.post(
            url("plans:carry-forward", plan),
            {
                "cycle": next_cycle.pk,
                "title": "The Marches LSIP 2025-2028",
                "priorities": [keep.pk],
                "actions": [action.pk],
            },
        )
        assert response.status_code == 302
        new = Plan.objects.get(cycle=next_cycle)
        assert [p.title for p in new.priorities.all()] == ["Engineering skills"]
        assert new.priorities.get().actions.get().carried_from == action
        assert client.get(url("plans:carry-forward", new)).status_code == 200  # no later cycle

    def test_another_areas_plan_is_not_found(self, client, plan, people):
        client.force_login(people["other_area_admin"])
        west = Area.objects.get(slug="west-midlands")
        response = client.get(
            reverse("plans:revision-list", kwargs={"area_slug": west.slug, "pk": plan.pk})
        )
        assert response.status_code == 404


def test_a_closed_cycles_plan_is_not_opened(marches):
    from django.core.exceptions import ValidationError

    from lsip.areas.models import Cycle
    from lsip.plans import services

    closed = Cycle.objects.create(area=marches, start_year=2019, end_year=2022, status="closed")
    assert closed not in services.open_cycles(marches)
    with pytest.raises(ValidationError, match="cycle is closed"):
        services.create_plan(cycle=closed, title="Too late", actor=None)

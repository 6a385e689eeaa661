"""The plan's core pages: plans, priorities, actions, Annex B activities (SG 2.2, 3.4, Annex A),
through the pages, with the roles, the lost-update refusal and the revisions they keep."""

import datetime

import pytest
from django.urls import reverse

from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.areas.models import Area, Cycle
from lsip.classification.models import SocGroup
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Contact, Organisation
from lsip.plans import services
from lsip.plans.models import Action, Activity, Plan, Priority, Revision
from lsip.sectors.models import Sector

AREA = "the-marches"


def url(name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"area_slug": AREA, **kwargs})


@pytest.fixture
def cycle(marches):
    return Cycle.objects.create(area=marches, start_year=2026, end_year=2029)


@pytest.fixture
def plan(cycle, people):
    return services.create_plan(
        cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=people["erb_admin"]
    )


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


@pytest.fixture
def soc_units(db):
    major = SocGroup.objects.create(code="6", level="major", title="Caring occupations")
    for code, title in [("6135", "Care workers and home carers"), ("5241", "Electricians")]:
        SocGroup.objects.create(code=code, level="unit", title=title, parent=major)


def add_priority(plan, title, actor, **fields):
    return services.save(Priority(plan=plan, title=title, **fields), actor=actor)


def add_action(priority, actor, title="Recruit more carers"):
    return services.save(Action(priority=priority, title=title, aims=["offer"]), actor=actor)


def add_activity(action, lead, actor, title="Care academy"):
    activity = Activity(
        action=action,
        title=title,
        start=datetime.date(2026, 9, 1),
        end=datetime.date(2027, 7, 31),
    )
    return services.save(activity, actor=actor, links={"leads": [lead]})


def activity_data(lead, **overrides):
    data = {
        "title": "Care academy",
        "leads": [str(lead.pk)],
        "start_day": "1",
        "start_month": "9",
        "start_year": "2026",
        "end_day": "31",
        "end_month": "7",
        "end_year": "2027",
        "milestones": "Dec 2026: first cohort",
        "expected_outcomes": "60 new carers",
        "measures": "Starts and completions",
        "status": "planned",
        "percent_complete": "0",
    }
    data.update(overrides)
    return data


class TestPlans:
    def test_an_editor_opens_the_plan_of_a_cycle(self, editor, cycle, people):
        listing = editor.get(url("plan-list"))
        assert "Open the plan of 2026 to 2029" in listing.text or cycle.label in listing.text
        assert f"?cycle={cycle.pk}" in listing.text
        form = editor.get(url("plan-create") + f"?cycle={cycle.pk}")
        assert form.status_code == 200
        response = editor.post(
            url("plan-create"), {"cycle": str(cycle.pk), "title": "Our plan", "summary": ""}
        )
        plan = Plan.objects.get(cycle=cycle)
        assert response.status_code == 302
        assert response["Location"] == plan.get_absolute_url()
        assert plan.title == "Our plan"
        revision = plan.revisions.get()
        assert revision.actor == people["erb_editor"]
        assert "Our plan" in editor.get(url("plan-list")).text

    def test_a_cycle_with_a_plan_is_not_offered_again(self, editor, plan, cycle):
        response = editor.post(url("plan-create"), {"cycle": str(cycle.pk), "title": "Again"})
        assert response.status_code == 200
        assert "Every cycle of The Marches has its plan" in response.text
        assert Plan.objects.count() == 1

    def test_the_title_is_required(self, editor, cycle):
        response = editor.post(url("plan-create"), {"cycle": str(cycle.pk), "title": ""})
        assert "Enter the plan&#x27;s title" in response.text
        assert "govuk-error-summary" in response.text

    def test_the_plan_page_warns_outside_four_to_six_priorities(self, editor, plan, people):
        for n in range(3):
            add_priority(plan, f"Priority {n}", people["erb_admin"])
        page = editor.get(url("plan-detail", pk=plan.pk))
        assert "govuk-warning-text" in page.text
        assert "The plan has 3 priorities" in page.text
        add_priority(plan, "Priority 3", people["erb_admin"])
        page = editor.get(url("plan-detail", pk=plan.pk))
        assert "priority-count-warning" not in page.text
        for n in range(4, 7):
            add_priority(plan, f"Priority {n}", people["erb_admin"])
        page = editor.get(url("plan-detail", pk=plan.pk))
        assert "The plan has 7 priorities" in page.text
        assert "priority-count-warning" in page.text

    def test_the_plan_page_lists_priorities_in_order_with_actions_and_counts(
        self, editor, plan, people, college
    ):
        admin = people["erb_admin"]
        first = add_priority(plan, "Care workforce", admin)
        add_priority(plan, "Green construction", admin)
        action = add_action(first, admin)
        add_activity(action, college, admin)
        add_activity(action, college, admin, title="Second")
        page = editor.get(url("plan-detail", pk=plan.pk)).text
        assert page.index("Care workforce") < page.index("Green construction")
        assert "Recruit more carers" in page
        assert 'govuk-table__cell--numeric">2<' in page
        assert url("priority-create", pk=plan.pk) in page
        assert url("activity-table", pk=plan.pk) in page

    def test_the_title_and_summary_change_with_the_version_read(self, editor, plan, people):
        form = editor.get(url("plan-update", pk=plan.pk))
        assert 'name="version" value="1"' in form.text
        response = editor.post(
            url("plan-update", pk=plan.pk), {"title": "New title", "summary": "S", "version": "1"}
        )
        assert response.status_code == 302
        plan.refresh_from_db()
        assert (plan.title, plan.version) == ("New title", 2)


class TestPriorities:
    def test_adding_a_priority_with_what_it_covers(
        self, editor, plan, people, soc_units, marches, college
    ):
        sector = Sector.objects.create(area=marches, name="Care", kind="area", sic_codes=["88.10"])
        engagement = Engagement.objects.create(
            area=marches, type="interview", date=datetime.date(2025, 11, 3)
        )
        need = SkillsNeed.objects.create(
            area=marches,
            engagement=engagement,
            organisation=college,
            words="Carer",
            soc_code="6135",
            need_type="shortage",
        )
        form = editor.get(url("priority-create", pk=plan.pk))
        assert form.status_code == 200
        assert "“Carer”: Telford College (SOC 6135)" in form.text
        response = editor.post(
            url("priority-create", pk=plan.pk),
            {
                "title": "Care workforce",
                "description": "Enough carers",
                "sectors": [str(sector.pk)],
                "soc_codes": "6135, 5241",
                "sic_codes": "",
                "levels": ["2", "3"],
                "skills_needs": [str(need.pk)],
                "evidence_note": "Employers cannot recruit",
            },
        )
        priority = Priority.objects.get()
        assert response.status_code == 302
        assert response["Location"] == priority.get_absolute_url()
        assert priority.soc_codes == ["6135", "5241"]
        assert priority.levels == ["2", "3"]
        assert list(priority.sectors.all()) == [sector]
        assert list(priority.skills_needs.all()) == [need]
        assert priority.plan.revisions.first().actor == people["erb_editor"]
        page = editor.get(priority.get_absolute_url()).text
        assert 'id="sector-figures-missing"' in page  # SIC 2007 is not installed here
        assert "Care workers and home carers" in page
        assert "Level 2, Level 3" in page

    def test_an_unknown_soc_code_is_named(self, editor, plan, soc_units):
        response = editor.post(
            url("priority-create", pk=plan.pk), {"title": "Care", "soc_codes": "6135, 9999, 61"}
        )
        assert response.status_code == 200
        assert "SOC 2020 has no unit group 9999" in response.text
        assert "“61” is not a SOC 2020 unit group" in response.text
        assert not Priority.objects.exists()

    def test_an_unknown_sic_code_is_named(self, editor, plan):
        from lsip.classification.models import SicItem

        SicItem.objects.create(code="Q", level="section", title="Health", position=1)
        SicItem.objects.create(code="88", level="division", title="Social work", position=2)
        response = editor.post(
            url("priority-create", pk=plan.pk), {"title": "Care", "sic_codes": "88, 99.99"}
        )
        assert response.status_code == 200
        assert "99.99" in response.text
        assert not Priority.objects.exists()

    def test_many_needs_are_narrowed_to_those_under_the_priority(
        self, editor, plan, people, marches, college
    ):
        engagement = Engagement.objects.create(
            area=marches, type="survey", date=datetime.date(2025, 11, 3)
        )
        SkillsNeed.objects.bulk_create(
            SkillsNeed(
                area=marches,
                engagement=engagement,
                organisation=college,
                words=f"Role {n}",
                soc_code="5241" if n == 0 else "1111",
                need_type="shortage",
            )
            for n in range(80)
        )
        priority = add_priority(plan, "Electrical", people["erb_admin"], soc_codes=["5241"])
        form = editor.get(url("priority-update", pk=priority.pk)).text
        assert "“Role 0”" in form
        assert "“Role 1”" not in form
        assert "?needs=all" in form
        everything = editor.get(url("priority-update", pk=priority.pk) + "?needs=all").text
        assert "“Role 79”" in everything

    def test_the_priority_page_shows_its_evidence(
        self, editor, plan, people, marches, college, soc_units
    ):
        employer = Organisation.objects.create(area=marches, name="Acme Care", type="employer")
        Contact.objects.create(organisation=employer, name="Pat Secret")
        engagement = Engagement.objects.create(
            area=marches, type="interview", date=datetime.date(2025, 11, 3)
        )
        linked = SkillsNeed.objects.create(
            area=marches,
            engagement=engagement,
            organisation=employer,
            words="Night carer",
            soc_code="6135",
            need_type="shortage",
        )
        SkillsNeed.objects.create(
            area=marches,
            engagement=engagement,
            organisation=college,
            words="Home carer",
            soc_code="6135",
            need_type="provision",
        )
        priority = add_priority(plan, "Care workforce", people["erb_admin"], soc_codes=["6135"])
        priority.skills_needs.add(linked)
        action = add_action(priority, people["erb_admin"])
        add_activity(action, college, people["erb_admin"])
        page = editor.get(url("priority-detail", pk=priority.pk)).text
        assert "Night carer" in page
        assert "Acme Care" in page
        assert "Care workers and home carers" in page
        assert "Home carer" in page  # a related need under its SOC code
        assert "<strong>2</strong> employers reported <strong>2</strong> skills needs" in page
        assert "Pat Secret" not in page
        assert "Improve the skills offer and simplify access" in page
        assert "Care academy" in page

    def test_removing_a_priority_confirms_first_and_needs_the_version(self, editor, plan, people):
        priority = add_priority(plan, "Care", people["erb_admin"])
        page = editor.get(url("priority-delete", pk=priority.pk))
        assert "Remove priority “Care”?" in page.text
        assert Priority.objects.exists()
        response = editor.post(url("priority-delete", pk=priority.pk), {"version": "1"})
        assert response.status_code == 302
        assert not Priority.objects.exists()
        assert plan.revisions.first().summary == "Priority 'Care' removed"
        assert plan.revisions.first().actor == people["erb_editor"]

    def test_removing_a_priority_changed_since_is_refused(self, editor, plan, people):
        priority = add_priority(plan, "Care", people["erb_admin"])
        editor.get(url("priority-delete", pk=priority.pk))
        priority.title = "Care and support"
        services.save(priority, actor=people["erb_admin"], expected_version=1)
        response = editor.post(url("priority-delete", pk=priority.pk), {"version": "1"})
        assert response.status_code == 409
        assert "erb_admin@example.org changed this priority" in response.text
        assert 'name="version" value="2"' in response.text
        assert Priority.objects.exists()


class TestActionsAndActivities:
    def test_an_action_needs_an_aim(self, editor, plan, people):
        priority = add_priority(plan, "Care", people["erb_admin"])
        response = editor.post(url("action-create", pk=priority.pk), {"title": "Recruit"})
        assert response.status_code == 200
        assert "Choose at least one of the four aims" in response.text
        assert not Action.objects.exists()
        response = editor.post(
            url("action-create", pk=priority.pk),
            {"title": "Recruit", "aims": ["offer", "join_up"], "measures": "Starts"},
        )
        action = Action.objects.get()
        assert response.status_code == 302
        assert response["Location"].endswith(f"#action-{action.pk}")
        assert action.aims == ["offer", "join_up"]

    def test_an_activity_with_leads_partners_and_dates(self, editor, plan, people, college):
        partner = Organisation.objects.create(
            area=college.area, name="Jobcentre Telford", type="jobcentre"
        )
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        response = editor.post(
            url("activity-create", pk=action.pk),
            activity_data(college, partners=[str(partner.pk)]),
        )
        assert response.status_code == 302
        activity = Activity.objects.get()
        assert activity.start == datetime.date(2026, 9, 1)
        assert list(activity.leads.all()) == [college]
        assert list(activity.partners.all()) == [partner]
        table = editor.get(url("activity-table", pk=plan.pk)).text
        assert "Care academy" in table
        assert "Jobcentre Telford" in table
        assert "1 Sep 2026 to 31 Jul 2027" in table

    def test_an_activity_needs_a_lead(self, editor, plan, people, college):
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        response = editor.post(
            url("activity-create", pk=action.pk), activity_data(college, leads=[])
        )
        assert "Select at least one lead organisation" in response.text
        assert not Activity.objects.exists()

    def test_an_organisation_is_a_lead_or_a_partner_not_both(self, editor, plan, people, college):
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        response = editor.post(
            url("activity-create", pk=action.pk),
            activity_data(college, partners=[str(college.pk)]),
        )
        assert response.status_code == 200
        assert "Telford College is already a lead: choose it once" in response.text
        assert not Activity.objects.exists()

    def test_an_activity_ending_before_it_starts_is_refused(self, editor, plan, people, college):
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        response = editor.post(
            url("activity-create", pk=action.pk), activity_data(college, end_year="2025")
        )
        assert response.status_code == 200
        assert "The end date must be on or after the start date" in response.text
        assert not Activity.objects.exists()

    def test_an_archived_or_other_areas_organisation_cannot_lead(
        self, editor, plan, people, college, other_area_employer
    ):
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        response = editor.post(
            url("activity-create", pk=action.pk),
            activity_data(other_area_employer),
        )
        assert "Select a valid choice" in response.text
        assert not Activity.objects.exists()

    def test_removing_an_action_removes_its_activities(self, editor, plan, people, college):
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        add_activity(action, college, people["erb_admin"])
        assert "Its 1 activity" in editor.get(url("action-delete", pk=action.pk)).text
        response = editor.post(url("action-delete", pk=action.pk), {"version": "1"})
        assert response.status_code == 302
        assert not Activity.objects.exists()


class TestLostUpdates:
    def test_the_second_of_two_edits_of_one_read_is_refused_and_shown(self, client, people, plan):
        priority = add_priority(plan, "Care", people["erb_admin"])
        action = add_action(priority, people["erb_admin"])
        first, second = client, type(client)()
        first.force_login(people["erb_admin"])
        second.force_login(people["erb_editor"])
        edit = url("action-update", pk=action.pk)
        for c in (first, second):
            assert 'name="version" value="1"' in c.get(edit).text
        saved = first.post(
            edit, {"title": "Recruit carers", "aims": ["offer"], "measures": "A", "version": "1"}
        )
        assert saved.status_code == 302
        refused = second.post(
            edit,
            {"title": "Train carers", "aims": ["employers"], "measures": "B", "version": "1"},
        )
        assert refused.status_code == 409
        action.refresh_from_db()
        assert (action.title, action.aims, action.measures, action.version) == (
            "Recruit carers",
            ["offer"],
            "A",
            2,
        )
        assert "erb_admin@example.org changed this action" in refused.text
        assert "govuk-error-summary" in refused.text
        assert "Recruit carers" in refused.text  # the other's change, as it now stands
        assert "Train carers" in refused.text  # what this editor typed, kept in the form
        assert 'name="version" value="2"' in refused.text
        assert Revision.objects.filter(plan=plan, summary__contains="Train").count() == 0
        # A deliberate second save, having seen theirs, goes through.
        again = second.post(
            edit,
            {"title": "Train carers", "aims": ["employers"], "measures": "B", "version": "2"},
        )
        assert again.status_code == 302
        action.refresh_from_db()
        assert action.title == "Train carers"

    def test_a_refused_activity_edit_keeps_what_was_typed(self, client, people, plan, college):
        action = add_action(add_priority(plan, "Care", people["erb_admin"]), people["erb_admin"])
        activity = add_activity(action, college, people["erb_admin"])
        client.force_login(people["erb_editor"])
        edit = url("activity-update", pk=activity.pk)
        client.get(edit)
        activity.percent_complete = 50
        services.save(activity, actor=people["erb_admin"], expected_version=1)
        refused = client.post(
            edit, activity_data(college, title="Renamed", percent_complete="10", version="1")
        )
        assert refused.status_code == 409
        activity.refresh_from_db()
        assert (activity.title, activity.percent_complete) == ("Care academy", 50)
        assert 'value="Renamed"' in refused.text
        assert 'id="conflict-table"' in refused.text

    def test_a_refused_priority_edit_shows_both_versions(self, client, people, plan, marches):
        sector = Sector.objects.create(area=marches, name="Care", kind="area", sic_codes=["88"])
        priority = add_priority(plan, "Care", people["erb_admin"], levels=["2"])
        client.force_login(people["erb_editor"])
        edit = url("priority-update", pk=priority.pk)
        client.get(edit)
        priority.levels = ["3"]
        services.save(priority, actor=people["erb_admin"], expected_version=1, links={})
        refused = client.post(
            edit, {"title": "Care", "levels": ["4"], "sectors": [str(sector.pk)], "version": "1"}
        )
        assert refused.status_code == 409
        table = refused.text[refused.text.index('id="conflict-table"') :]
        assert "Level 3" in table
        assert "<strong>Level 4</strong>" in table
        assert "<strong>Care</strong>" in table  # the sector typed, not stored
        priority.refresh_from_db()
        assert priority.levels == ["3"]
        assert not priority.sectors.exists()


class TestWhoMay:
    def test_a_board_member_reads_but_does_not_edit(self, client, people, plan, college):
        priority = add_priority(plan, "Care", people["erb_admin"])
        action = add_action(priority, people["erb_admin"])
        client.force_login(people["board_member"])
        assert client.get(url("plan-detail", pk=plan.pk)).status_code == 200
        page = client.get(url("priority-detail", pk=priority.pk))
        assert page.status_code == 200
        assert url("action-create", pk=priority.pk) not in page.text
        assert client.get(url("priority-create", pk=plan.pk)).status_code == 403
        response = client.post(url("priority-create", pk=plan.pk), {"title": "Sneaky"})
        assert response.status_code == 403
        response = client.post(url("action-delete", pk=action.pk), {"version": "1"})
        assert response.status_code == 403
        assert Priority.objects.count() == 1
        assert Action.objects.exists()

    def test_a_strategic_authority_partner_edits_only_in_a_devolved_area(
        self, client, people, plan
    ):
        client.force_login(people["sa_partner"])  # The Marches is not devolved
        assert client.get(url("priority-create", pk=plan.pk)).status_code == 403
        area = Area.objects.get(slug="west-midlands")
        assert area.is_devolved
        user = User.objects.create_user(username="wmca@example.org", password="x")
        RoleAssignment.objects.create(user=user, role=Role.STRATEGIC_AUTHORITY_PARTNER, area=area)
        cycle = Cycle.objects.create(area=area, start_year=2026, end_year=2029)
        client.force_login(user)
        create = reverse("plans:plan-create", kwargs={"area_slug": area.slug})
        response = client.post(create, {"cycle": str(cycle.pk), "title": "West Midlands LSIP"})
        assert response.status_code == 302
        wm_plan = Plan.objects.get(area=area)
        response = client.post(
            reverse("plans:priority-create", kwargs={"area_slug": area.slug, "pk": wm_plan.pk}),
            {"title": "Advanced manufacturing"},
        )
        assert response.status_code == 302
        assert wm_plan.revisions.first().actor == user

    def test_another_areas_ids_are_not_found(self, client, people, plan, college):
        priority = add_priority(plan, "Care", people["erb_admin"])
        action = add_action(priority, people["erb_admin"])
        activity = add_activity(action, college, people["erb_admin"])
        other = people["other_area_admin"]
        client.force_login(other)
        wm = "west-midlands"
        for name, pk in [
            ("plan-detail", plan.pk),
            ("plan-update", plan.pk),
            ("activity-table", plan.pk),
            ("priority-create", plan.pk),
            ("priority-detail", priority.pk),
            ("priority-update", priority.pk),
            ("priority-delete", priority.pk),
            ("action-create", priority.pk),
            ("action-update", action.pk),
            ("action-delete", action.pk),
            ("activity-create", action.pk),
            ("activity-update", activity.pk),
            ("activity-delete", activity.pk),
        ]:
            response = client.get(reverse(f"plans:{name}", kwargs={"area_slug": wm, "pk": pk}))
            assert response.status_code == 404, name

    def test_each_change_makes_a_revision_with_its_actor(self, editor, plan, people, college):
        before = plan.revisions.count()
        editor.post(url("priority-create", pk=plan.pk), {"title": "Care"})
        priority = Priority.objects.get()
        editor.post(url("action-create", pk=priority.pk), {"title": "Recruit", "aims": ["offer"]})
        action = Action.objects.get()
        editor.post(url("activity-create", pk=action.pk), activity_data(college))
        editor.post(
            url("priority-update", pk=priority.pk), {"title": "Care and support", "version": "1"}
        )
        revisions = list(plan.revisions.order_by("number"))[before:]
        assert [r.summary for r in revisions] == [
            "Priority 'Care' added",
            "Action 'Recruit' added",
            "Activity 'Care academy' added",
            "Priority 'Care and support' changed",
        ]
        assert {r.actor for r in revisions} == {people["erb_editor"]}

    def test_the_area_menu_has_the_plan_for_readers(self, client, people):
        client.force_login(people["board_member"])
        page = client.get(reverse("areas:area-detail", kwargs={"area_slug": AREA})).text
        assert url("plan-list") in page


@pytest.mark.django_db(transaction=False)
def test_the_priority_cites_real_figures_with_their_sources(editor, plan, people, refdata_folder):
    """On the real ONS and Nomis files: the form offers the area's figures, the priority page
    shows the cited ones and its sectors' figures, each with its source line."""
    from lsip.economy.imports import import_dataset
    from lsip.economy.tests.conftest import GEOGRAPHY, SIC, labour_market_files
    from lsip.plans.forms import indicator_choices
    from lsip.refdata.install import install

    install(source_dir=refdata_folder, keys=GEOGRAPHY + SIC)
    for path in labour_market_files(refdata_folder):
        import_dataset(path)
    choices = dict(indicator_choices(plan.area))
    rate = next(value for value in choices if value.startswith("employment_rate|"))
    industry = next(value for value in choices if value.startswith("industry|"))
    form = editor.get(url("priority-create", pk=plan.pk)).text
    assert "Employment rate, aged 16-64" in form
    construction = Sector.objects.get(area=None, name="Construction")
    response = editor.post(
        url("priority-create", pk=plan.pk),
        {
            "title": "Construction",
            "sectors": [str(construction.pk)],
            "indicators": [rate, industry],
        },
    )
    assert response.status_code == 302
    priority = Priority.objects.get()
    assert priority.indicators[0] == {"indicator": "employment_rate", "breakdown": None}
    page = editor.get(priority.get_absolute_url()).text
    assert 'id="cited-figures"' in page
    assert "Employment rate, aged 16-64" in page
    assert "Nomis" in page  # the source lines of the cited figures and the sector table
    assert 'id="sector-figures"' in page
    assert "Construction</th>" in page

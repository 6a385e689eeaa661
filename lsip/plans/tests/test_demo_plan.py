"""The Marches demo's illustrative plan: built from the demo's evidence through the plan's
services, with revisions and a frozen snapshot, and unchanged when loaded again."""

import pytest

from lsip.audit.models import AuditEntry
from lsip.demo import marches
from lsip.demo.marches_plan import SNAPSHOT, load_marches_plan
from lsip.plans import services
from lsip.plans.models import Action, Activity, Aim, ContextLink, Duty, OutcomeArea, Plan


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The Marches demo loaded once for the module (it makes 300 illustrative employers),
    rolled back afterwards."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        area = marches.load()
        plan = load_marches_plan(area)
        yield area, plan
        transaction.set_rollback(True)


@pytest.fixture
def plan(demo, db):
    return Plan.objects.get(pk=demo[1].pk)


def test_the_demo_plan_has_five_priorities_and_no_warning(plan):
    assert (plan.cycle.start_year, plan.cycle.end_year) == (2026, 2029)  # SG 2
    assert "2026 to 2029" in plan.title
    assert "illustrative" in plan.title.lower()
    assert "Illustrative" in plan.summary
    assert plan.priorities.count() == 5
    assert services.priority_count_warning(plan) is None


def test_each_priority_is_linked_to_its_evidence_sector_and_codes(plan):
    for priority in plan.priorities.all():
        assert priority.soc_codes
        assert priority.sic_codes
        assert priority.levels
        assert priority.sectors.filter(area=plan.area).exists()
        needs = list(priority.skills_needs.all())
        assert needs, priority.title
        assert all(n.soc_code in priority.soc_codes or not n.soc_code or n.words for n in needs)


def test_every_action_has_an_aim_and_an_activity_led_by_a_demo_organisation(plan):
    actions = Action.objects.filter(priority__plan=plan)
    assert actions.count() >= 10
    for action in actions:
        assert action.aims
        assert set(action.aims) <= set(Aim.values)
        assert action.activities.exists()
    for activity in Activity.objects.filter(action__priority__plan=plan):
        assert activity.leads.exists()
        assert all(lead.area_id == plan.area_id for lead in activity.leads.all())


def test_annex_outcomes_context_and_duties_are_complete(plan):
    emerging = plan.occupations.filter(soc_codes=[])
    (role,) = emerging
    assert role.definition
    assert role.rationale
    assert plan.occupations.exclude(soc_codes=[]).count() >= 10
    assert {o.area_of_outcome for o in plan.outcomes.all()} == set(OutcomeArea.values)
    for outcome in plan.outcomes.all():
        assert None not in (outcome.baseline, outcome.target, outcome.milestone_year1)
    links = plan.context_links.filter(kind=ContextLink.Kind.INDUSTRIAL_STRATEGY)
    assert links.count() == 10
    assert all(link.statement for link in links)
    assert links.filter(reflected=False).exists()
    assert all(link.priorities.exists() for link in links.filter(reflected=True))
    assert {d.kind for d in plan.duties.all()} == set(Duty.Kind.values)


def test_the_plan_opens_at_version_1_with_a_frozen_snapshot(plan):
    (latest,) = plan.revisions.all()  # loaded as one revision, not one per item
    assert latest.number == 1
    assert len(latest.document["priorities"]) == 5
    assert (
        len(latest.document["activities"])
        == Activity.objects.filter(action__priority__plan=plan).count()
    )
    snapshot = plan.snapshots.get(name=SNAPSHOT)
    assert snapshot.name == SNAPSHOT
    assert snapshot.revision == latest
    entry = AuditEntry.objects.filter(model="plans.Priority").first()
    assert entry.actor_label.startswith("lsip demo")


def test_loading_the_demo_again_changes_nothing(demo, plan):
    area, _ = demo
    counts = (
        Plan.objects.count(),
        plan.revisions.count(),
        Action.objects.count(),
        plan.snapshots.count(),
        AuditEntry.objects.count(),
    )
    marches.load()
    assert load_marches_plan(area) == plan
    assert counts == (
        Plan.objects.count(),
        plan.revisions.count(),
        Action.objects.count(),
        plan.snapshots.count(),
        AuditEntry.objects.count(),
    )


def test_the_demo_plans_versions_and_snapshot_pages_render(client, plan):
    from django.urls import reverse

    from lsip.accounts.models import RoleAssignment, User
    from lsip.accounts.roles import Role

    reader = User.objects.create_user(username="reader@example.org")
    RoleAssignment.objects.create(user=reader, role=Role.BOARD_MEMBER, area=plan.area)
    client.force_login(reader)
    kwargs = {"area_slug": plan.area.slug, "pk": plan.pk}
    listing = client.get(reverse("plans:revision-list", kwargs=kwargs))
    assert SNAPSHOT in listing.content.decode()
    version = client.get(reverse("plans:revision-detail", kwargs={**kwargs, "number": 1}))
    assert "Retrofit coordinator" in version.content.decode()
    snapshot = plan.snapshots.get(name=SNAPSHOT)
    page = client.get(
        reverse("plans:snapshot-detail", kwargs={"area_slug": plan.area.slug, "pk": snapshot.pk})
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Digital skills across every sector" in text
    assert "Improve the skills offer and simplify access" in text


def test_a_demo_database_made_before_keeps_its_2025_cycle(west_midlands):
    from lsip.areas.models import Cycle

    area = west_midlands  # an area the module's demo did not load
    Cycle.objects.create(area=area, start_year=2025, end_year=2028)
    marches._cycles(area)  # no overlapping 2026-2029 cycle is forced in
    assert sorted(area.cycles.values_list("start_year", flat=True)) == [2022, 2025]
    assert load_marches_plan(area) is None

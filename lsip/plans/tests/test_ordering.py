"""Priorities are put in order with move up / move down buttons that work without JavaScript;
a move is audited, versions the priorities it moves and makes a revision of the plan."""

import pytest
from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.audit.models import AuditEntry
from lsip.plans import services
from lsip.plans.models import Priority

AREA = "the-marches"


@pytest.fixture
def plan(marches, people):
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    plan = services.create_plan(
        cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=people["erb_admin"]
    )
    for position, title in enumerate(["Engineering", "Construction", "Care"]):
        services.save(
            Priority(plan=plan, title=title, position=position), actor=people["erb_admin"]
        )
    return plan


def titles(plan):
    return list(plan.priorities.values_list("title", flat=True))


def move(client, priority, direction):
    page = reverse("plans:priority-move", kwargs={"area_slug": AREA, "pk": priority.pk})
    return client.post(page, {"direction": direction})


def test_moving_a_priority_up_and_down_changes_the_plans_order(client, people, plan):
    client.force_login(people["erb_editor"])
    care = plan.priorities.get(title="Care")
    moved = move(client, care, "up")
    assert moved.status_code == 302
    assert moved.url.endswith(f"#priority-{care.pk}")
    assert titles(plan) == ["Engineering", "Care", "Construction"]
    move(client, plan.priorities.get(title="Engineering"), "down")
    assert titles(plan) == ["Care", "Engineering", "Construction"]
    page = client.get(reverse("plans:plan-detail", kwargs={"area_slug": AREA, "pk": plan.pk}))
    listed = page.content.decode().split('id="priorities"')[1]
    assert listed.index(">Care<") < listed.index(">Engineering<") < listed.index(">Construction<")


def test_a_move_is_audited_versioned_and_a_revision(client, people, plan):
    client.force_login(people["erb_editor"])
    care = plan.priorities.get(title="Care")
    move(client, care, "up")
    care.refresh_from_db()
    assert care.version == 2
    assert plan.priorities.get(title="Construction").version == 2
    assert plan.priorities.get(title="Engineering").version == 1  # not moved
    latest = plan.revisions.first()
    assert latest.summary == "Priority 'Care' moved up to 2"
    assert latest.actor == people["erb_editor"]
    assert latest.document["priorities"][str(care.pk)]["place"] == 2
    entry = AuditEntry.objects.filter(model="plans.Priority", object_id=str(care.pk)).first()
    assert entry.actor == people["erb_editor"]
    assert "position" in entry.changes


def test_the_first_cannot_move_up_nor_the_last_down(client, people, plan):
    client.force_login(people["erb_editor"])
    count = plan.revisions.count()
    move(client, plan.priorities.get(title="Engineering"), "up")
    move(client, plan.priorities.get(title="Care"), "down")
    assert titles(plan) == ["Engineering", "Construction", "Care"]
    assert plan.revisions.count() == count
    page = client.get(reverse("plans:plan-detail", kwargs={"area_slug": AREA, "pk": plan.pk}))
    text = page.content.decode()
    assert text.count(">Move up<") == 2
    assert text.count(">Move down<") == 2


def test_only_editors_may_move_priorities(client, people, plan):
    client.force_login(people["board_member"])
    care = plan.priorities.get(title="Care")
    assert move(client, care, "up").status_code == 403
    assert titles(plan) == ["Engineering", "Construction", "Care"]
    page = client.get(reverse("plans:plan-detail", kwargs={"area_slug": AREA, "pk": plan.pk}))
    assert "Move up" not in page.content.decode()


def test_the_api_moves_a_priority_for_editors_only(people, plan):
    from rest_framework.test import APIClient

    url = reverse("api-v1:plan-move-priority", kwargs={"area_slug": AREA, "pk": plan.pk})
    care = plan.priorities.get(title="Care")
    reader = APIClient()
    reader.force_authenticate(people["board_member"])
    assert reader.post(url, {"priority": str(care.pk), "direction": "up"}).status_code == 403
    editor = APIClient()
    editor.force_authenticate(people["erb_editor"])
    moved = editor.post(url, {"priority": str(care.pk), "direction": "up"})
    assert moved.status_code == 200
    assert [p["title"] for p in moved.json()] == ["Engineering", "Care", "Construction"]
    assert editor.post(url, {"priority": str(care.pk), "direction": "left"}).status_code == 400

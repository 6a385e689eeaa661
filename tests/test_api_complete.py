"""The complete API of issue 15: every main record has its endpoint under /api/v1/ in the
OpenAPI schema; the plan's items are written as on the pages (audited, a revision, refused
when changed since read); lists filter by the time records changed; and a token of one area
reads and writes nothing of another's plan or register."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from lsip.accounts import tokens
from lsip.areas.models import Cycle
from lsip.audit.models import AuditEntry
from lsip.engagement.models import Engagement
from lsip.governance import membership
from lsip.governance.models import Board, Person
from lsip.plans.models import Action, Activity, Outcome, Plan, Priority

#: The main records the issue names, and the endpoints (under an area) that serve them.
MAIN_RECORDS = {
    "areas": "/api/v1/areas/",
    "organisations and employers": "/api/v1/areas/{area_slug}/organisations/",
    "engagements": "/api/v1/areas/{area_slug}/engagements/",
    "skills needs": "/api/v1/areas/{area_slug}/skills-needs/",
    "codes (SOC 2020)": "/api/v1/classifications/soc/",
    "codes (SIC 2007)": "/api/v1/classifications/sic/",
    "plans": "/api/v1/areas/{area_slug}/plans/",
    "priorities": "/api/v1/areas/{area_slug}/priorities/",
    "actions": "/api/v1/areas/{area_slug}/actions/",
    "activities": "/api/v1/areas/{area_slug}/activities/",
    "activities in delivery": "/api/v1/areas/{area_slug}/delivery/activities/",
    "outcomes and metrics": "/api/v1/areas/{area_slug}/outcomes/",
    "metric values": "/api/v1/areas/{area_slug}/metric-values/",
    "updates": "/api/v1/areas/{area_slug}/delivery/updates/",
    "board": "/api/v1/areas/{area_slug}/boards/",
    "board people": "/api/v1/areas/{area_slug}/board-people/",
    "board categories": "/api/v1/areas/{area_slug}/board-categories/",
    "designation of the ERB": "/api/v1/areas/{area_slug}/designations/",
    "communication plan": "/api/v1/areas/{area_slug}/communication-plans/",
    "communication plan's stakeholders": "/api/v1/areas/{area_slug}/communication-items/",
    "register": "/api/v1/areas/{area_slug}/register/",
    "meetings": "/api/v1/areas/{area_slug}/meetings/",
    "attendance": "/api/v1/areas/{area_slug}/attendance/",
    "agenda items": "/api/v1/areas/{area_slug}/agenda-items/",
    "papers": "/api/v1/areas/{area_slug}/papers/",
    "declarations at meetings": "/api/v1/areas/{area_slug}/declarations/",
    "action log": "/api/v1/areas/{area_slug}/meeting-actions/",
    "decisions": "/api/v1/areas/{area_slug}/decisions/",
    "LSIF bids": "/api/v1/areas/{area_slug}/lsif-bids/",
    "grants": "/api/v1/areas/{area_slug}/grants/",
    "grant claims": "/api/v1/areas/{area_slug}/grant-claims/",
    "documents": "/api/v1/areas/{area_slug}/publications/",
}


def api(key=None):
    client = APIClient()
    if key:
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def plan_of(area, title):
    cycle = Cycle.objects.create(area=area, start_year=2026, end_year=2029)
    plan = Plan.objects.create(area=area, cycle=cycle, title=title)
    priority = Priority.objects.create(plan=plan, title=f"{title}: care")
    Action.objects.create(priority=priority, title=f"{title}: more carers", aims=["offer"])
    Outcome.objects.create(
        plan=plan, area_of_outcome="supply", name="Carers", metric="Starts", unit="people"
    )
    board = Board.objects.create(area=area, cycle=cycle, name=f"{title} board")
    membership.save_person(Person(board=board, name=f"{title} chair", kind="member"), actor=None)
    return plan


@pytest.fixture
def two_plans(marches, west_midlands, people):
    return plan_of(marches, "Marches"), plan_of(west_midlands, "West Midlands")


def test_every_main_record_is_in_the_schema_and_lists_with_pages(client, people, two_plans):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    missing = {n: p for n, p in MAIN_RECORDS.items() if p not in schema["paths"]}
    assert not missing
    _token, key = tokens.create_token(people["erb_editor"], "MIS", "read")
    for name, path in MAIN_RECORDS.items():
        response = api(key).get(path.format(area_slug="the-marches"))
        assert response.status_code == 200, name
        assert {"count", "results"} <= set(response.json()), name  # paginated
    # the area's own lists take the time records changed, in the schema too
    parameters = schema["paths"]["/api/v1/areas/{area_slug}/priorities/"]["get"]["parameters"]
    assert {"changed_since", "changed_before", "plan", "page"} <= {p["name"] for p in parameters}


def test_a_priority_written_through_the_api_is_audited_and_refused_if_changed_since(
    people, two_plans
):
    marches_plan, _ = two_plans
    _token, key = tokens.create_token(people["erb_editor"], "MIS", "write")
    client = api(key)
    base = "/api/v1/areas/the-marches/priorities/"
    made = client.post(
        base,
        {"plan": str(marches_plan.pk), "title": "Digital skills", "soc_codes": ["2134"]},
        format="json",
    )
    assert made.status_code == 201, made.json()
    assert made.json()["version"] == 1
    priority = Priority.objects.get(pk=made.json()["id"])
    assert priority.plan == marches_plan
    assert priority.soc_codes == ["2134"]
    assert marches_plan.revisions.first().summary == "Priority 'Digital skills' added"
    assert AuditEntry.objects.filter(object_id=str(priority.pk), action="create").exists()
    changed = client.patch(f"{base}{priority.pk}/", {"title": "Digital", "version": 1})
    assert changed.status_code == 200, changed.json()
    assert changed.json()["version"] == 2
    stale = client.patch(f"{base}{priority.pk}/", {"title": "Late", "version": 1})
    assert stale.status_code == 400
    assert "since you read it" in stale.json()["version"][0]
    unsaid = client.patch(f"{base}{priority.pk}/", {"title": "Late"})
    assert unsaid.status_code == 400
    priority.refresh_from_db()
    assert priority.title == "Digital"
    # an action needs one of the four aims, as on the page
    refused = client.post(
        "/api/v1/areas/the-marches/actions/",
        {"priority": str(priority.pk), "title": "Bootcamps", "aims": []},
        format="json",
    )
    assert refused.status_code == 400


def test_lists_filter_by_the_time_records_changed(people, marches, college):
    _token, key = tokens.create_token(people["erb_editor"], "MIS", "read")
    old = Engagement.objects.create(area=marches, type="survey", date=datetime.date(2026, 1, 5))
    Engagement.objects.filter(pk=old.pk).update(
        modified_on=timezone.now() - datetime.timedelta(days=30)
    )
    new = Engagement.objects.create(area=marches, type="survey", date=datetime.date(2026, 1, 6))
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    path = "/api/v1/areas/the-marches/engagements/"
    got = api(key).get(path, {"changed_since": since}).json()["results"]
    assert [e["id"] for e in got] == [str(new.pk)]
    got = api(key).get(path, {"changed_before": since}).json()["results"]
    assert [e["id"] for e in got] == [str(old.pk)]
    refused = api(key).get(path, {"changed_since": "last week"})
    assert refused.status_code == 400
    assert "changed_since" in refused.json()
    # any offset ISO 8601 allows is read, even one PostgreSQL would refuse (beyond 15:59)
    far = api(key).get(path, {"changed_before": "2026-01-01T00:00:00-18:29"})
    assert far.status_code == 200
    assert [e["id"] for e in far.json()["results"]] == []
    beyond = api(key).get(path, {"changed_before": "9999-12-31T23:00:00-05:00"})
    assert beyond.status_code == 400


@pytest.mark.parametrize("scope", ["read", "write"])
def test_a_token_of_one_area_reads_and_writes_nothing_of_anothers_plan(people, two_plans, scope):
    _marches_plan, other_plan = two_plans
    _token, key = tokens.create_token(people["erb_editor"], "MIS", scope)
    client = api(key)
    other_priority = other_plan.priorities.get()
    for kind in ("priorities", "actions", "activities", "outcomes", "plans", "meetings"):
        assert client.get(f"/api/v1/areas/west-midlands/{kind}/").status_code == 403, kind
    assert (
        client.get(f"/api/v1/areas/west-midlands/priorities/{other_priority.pk}/").status_code
        == 403
    )
    patch = {"title": "Taken", "version": 1}
    other = f"/api/v1/areas/west-midlands/priorities/{other_priority.pk}/"
    assert client.patch(other, patch).status_code == 403
    made = client.post(
        "/api/v1/areas/west-midlands/priorities/", {"plan": str(other_plan.pk), "title": "X"}
    )
    assert made.status_code == 403
    # nor through its own area's address with the other area's records
    own = f"/api/v1/areas/the-marches/priorities/{other_priority.pk}/"
    assert client.get(own).status_code == 404
    assert client.patch(own, patch).status_code in (403, 404)
    into_other = client.post(
        "/api/v1/areas/the-marches/priorities/", {"plan": str(other_plan.pk), "title": "X"}
    )
    assert into_other.status_code in (400, 403)
    other_priority.refresh_from_db()
    assert other_priority.title == "West Midlands: care"
    assert not Priority.objects.filter(title="X").exists()
    # the register is published: anyone reads it; only the area's own secretariat records a
    # declaration, and the board's people are written only by theirs
    register = client.get("/api/v1/areas/west-midlands/register/").json()["results"]
    assert [r["name"] for r in register] == ["West Midlands chair"]
    assert client.post("/api/v1/areas/west-midlands/register/", {}).status_code in (403, 405)
    declare = f"/api/v1/areas/west-midlands/register/{register[0]['id']}/declare/"
    assert (
        client.post(declare, {"no_interests": True, "declared_on": "2026-01-05"}).status_code == 403
    )
    other_board = Board.objects.get(area__slug="west-midlands")
    joining = {"board": str(other_board.pk), "kind": "member", "name": "Taken"}
    assert client.post("/api/v1/areas/west-midlands/board-people/", joining).status_code == 403
    into_own = client.post("/api/v1/areas/the-marches/board-people/", joining)
    assert into_own.status_code in (400, 403)
    assert not Person.objects.filter(name="Taken").exists()
    assert other_board.people.get().register.status == "awaited"


def test_an_activity_is_led_by_organisations_of_its_own_area(
    people, college, other_area_employer, two_plans
):
    action = two_plans[0].priorities.get().actions.get()
    _token, key = tokens.create_token(people["erb_editor"], "MIS", "write")
    client = api(key)
    base = "/api/v1/areas/the-marches/activities/"
    body = {
        "action": str(action.pk),
        "title": "Care academy",
        "leads": [str(other_area_employer.pk)],
        "start": "2026-09-01",
        "end": "2027-07-31",
    }
    refused = client.post(base, body, format="json")
    assert refused.status_code == 400
    assert "leads" in refused.json()
    backwards = client.post(
        base, {**body, "leads": [str(college.pk)], "end": "2026-01-01"}, format="json"
    )
    assert backwards.status_code == 400
    assert backwards.json()["end"] == ["The end date must be on or after the start date"]
    made = client.post(base, {**body, "leads": [str(college.pk)]}, format="json")
    assert made.status_code == 201, made.json()
    activity = Activity.objects.get(pk=made.json()["id"])
    assert list(activity.leads.all()) == [college]
    assert activity.plan == two_plans[0]

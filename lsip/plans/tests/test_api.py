"""The plan in the JSON API: read only, for those who may read the area's work."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lsip.areas.models import Cycle
from lsip.plans import revisions, services
from lsip.plans.models import Action, Activity, Aim, Priority


@pytest.fixture
def plan(marches, people):
    editor = people["erb_editor"]
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    plan = services.create_plan(cycle=cycle, title="The Marches LSIP 2025-2028", actor=editor)
    priority = services.save(
        Priority(plan=plan, title="Digital skills", soc_codes=["2134"]), actor=editor
    )
    services.save(Action(priority=priority, title="Bootcamps", aims=[Aim.OFFER]), actor=editor)
    revisions.freeze(plan, "Substantive draft submitted 31 March 2026", editor)
    return plan


def api(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_plans_of_an_area_are_listed_with_their_version(plan, people):
    url = reverse("api-v1:plan-list", kwargs={"area_slug": "the-marches"})
    (listed,) = api(people["board_member"]).get(url).json()["results"]
    assert listed["id"] == str(plan.pk)
    assert listed["title"] == "The Marches LSIP 2025-2028"
    assert listed["cycle"] == "2025-2028"
    assert listed["revision"] == 3
    assert "document" not in listed


def test_a_plan_comes_with_its_whole_document(plan, people):
    url = reverse("api-v1:plan-detail", kwargs={"area_slug": "the-marches", "pk": plan.pk})
    body = api(people["skills_england"]).get(url).json()
    assert body["revision"] == 3
    assert body["document"] == revisions.document(plan)
    (priority,) = body["document"]["priorities"].values()
    assert priority["soc_codes"] == ["2134"]
    (action,) = body["document"]["actions"].values()
    assert action["aims"] == ["offer"]


def test_a_plans_revisions_are_listed_newest_first_with_snapshots(plan, people):
    url = reverse("api-v1:plan-revisions", kwargs={"area_slug": "the-marches", "pk": plan.pk})
    listed = api(people["erb_editor"]).get(url).json()["results"]
    assert [r["number"] for r in listed] == [3, 2, 1]
    assert listed[0]["summary"] == "Action 'Bootcamps' added"
    assert listed[0]["actor"] == "erb_editor@example.org"
    assert listed[0]["snapshots"] == ["Substantive draft submitted 31 March 2026"]


def test_the_api_is_read_only_and_closed_to_the_public_and_other_areas(plan, people):
    detail = reverse("api-v1:plan-detail", kwargs={"area_slug": "the-marches", "pk": plan.pk})
    listing = reverse("api-v1:plan-list", kwargs={"area_slug": "the-marches"})
    assert api(None).get(listing).status_code == 401
    assert api(people["other_area_admin"]).get(detail).status_code == 403
    assert api(people["erb_admin"]).patch(detail, {"title": "x"}).status_code in (403, 405)
    assert api(people["erb_admin"]).post(listing, {"title": "x"}).status_code in (403, 405)
    west = reverse("api-v1:plan-detail", kwargs={"area_slug": "west-midlands", "pk": plan.pk})
    assert api(people["other_area_admin"]).get(west).status_code == 404


def test_the_api_applies_the_annex_b_lead_and_partner_rule_of_the_pages(plan, people, college):
    """The same rule as the activity page (`Activity.organisation_errors`), on the links as
    they stand after the change: a change of partners alone is checked against the leads."""
    client = api(people["erb_editor"])
    url = reverse("api-v1:plan-activity-list", kwargs={"area_slug": "the-marches"})
    action = Action.objects.get(priority__plan=plan)
    body = {"action": str(action.pk), "title": "Care academy", "start": "2026-09-01"}
    body["end"] = "2027-07-31"
    no_lead = client.post(url, body, format="json")
    assert no_lead.status_code == 400
    assert no_lead.json()["leads"] == ["Select at least one lead organisation"]
    both = client.post(
        url, {**body, "leads": [str(college.pk)], "partners": [str(college.pk)]}, format="json"
    )
    assert both.status_code == 400
    assert both.json()["partners"] == [f"{college.name} is already a lead: choose it once"]
    assert not Activity.objects.exists()

    made = client.post(url, {**body, "leads": [str(college.pk)]}, format="json").json()
    item = reverse(
        "api-v1:plan-activity-detail", kwargs={"area_slug": "the-marches", "pk": made["id"]}
    )
    partner_too = client.patch(
        item, {"version": made["version"], "partners": [str(college.pk)]}, format="json"
    )
    assert partner_too.status_code == 400
    assert not Activity.objects.get().partners.exists()

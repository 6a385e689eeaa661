"""The approval pages and the command: who sees and does what, the submission page asking
for confirmation, the timeline's deadlines and overdue work, Skills England's table and the
JSON report's documented shape."""

import datetime
import json

import pytest
from click.testing import CliRunner
from django.urls import reverse

from lsip.approval import lifecycle, national
from lsip.approval.models import CycleCalendar, Step
from lsip.approval.timeline import timeline
from lsip.areas.models import Area
from lsip.cli import main
from lsip.plans.models import Action, Activity, Priority


def url(name, plan, **kwargs):
    return reverse(f"approval:{name}", kwargs={"area_slug": plan.area.slug, **kwargs})


def test_who_sees_the_pages(client, plan, people):
    pages = [url("timeline", plan), url("readiness", plan)]
    for page in pages:
        assert client.get(page).status_code == 302  # the public signs in
    for name, status in (("board_member", 200), ("skills_england", 200), ("other_area_admin", 403)):
        client.force_login(people[name])
        for page in pages:
            assert client.get(page).status_code == status, (name, page)
    national_page = reverse("approval_national:table")
    assert client.get(national_page).status_code == 403  # another area's admin
    client.force_login(people["erb_admin"])
    assert client.get(national_page).status_code == 403


def test_the_readiness_page_lists_every_check_with_a_link_to_fix_it(client, plan, people):
    client.force_login(people["board_member"])
    page = client.get(url("readiness", plan)).content.decode()
    assert 'id="check-net-zero" data-result="fail"' in page
    assert reverse("plans:duty-list", kwargs={"area_slug": "the-marches", "pk": plan.pk}) in page
    assert "SG Annex A (Annex B)" in page


def test_submitting_with_failing_checks_asks_for_confirmation(client, plan, people):
    client.force_login(people["erb_admin"])
    step_url = url("step", plan, kind="draft_submitted")
    page = client.get(step_url).content.decode()
    assert "Some readiness checks fail: submit anyway" in page
    assert 'id="check-net-zero"' in page  # the failing checks are shown
    refused = client.post(step_url, {"note": "Draft"})
    assert refused.status_code == 200
    assert "confirm to submit anyway" in refused.content.decode()
    assert not Step.objects.exists()
    done = client.post(step_url, {"note": "Draft", "confirm_failures": "on"})
    assert done.status_code == 302
    step = Step.objects.get()
    assert (step.kind, step.note, step.actor) == ("draft_submitted", "Draft", people["erb_admin"])
    timeline_page = client.get(done.url).content.decode()
    assert "submitted with failing checks" in timeline_page


def test_an_editor_cannot_submit_from_the_page(client, plan, people):
    client.force_login(people["erb_editor"])
    step_url = url("step", plan, kind="draft_submitted")
    assert "You cannot record this step" in client.get(step_url).content.decode()
    assert client.post(step_url, {"confirm_failures": "on"}).status_code == 403


def test_the_timeline_shows_deadlines_next_and_overdue(plan, people, college):
    calendar = CycleCalendar.objects.get(start_year=2026)  # SG 3.5's dates, changeable
    assert calendar.substantive_draft_due == datetime.date(2026, 3, 31)
    priority = Priority.objects.create(plan=plan, title="Care")
    action = Action.objects.create(priority=priority, title="Recruit", aims=["offer"])
    late = Activity.objects.create(
        action=action, title="Care academy", start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 3, 1),
    )  # fmt: skip
    late.leads.add(college)

    found = timeline(plan.area, today=datetime.date(2026, 3, 15))
    assert found.position.kind == "developing"
    assert (found.next_due.label, found.next_due.due) == (
        "Substantive draft submitted",
        datetime.date(2026, 3, 31),
    )
    assert [(o.part, o.due) for o in found.overdue] == [("Delivery", datetime.date(2026, 3, 1))]

    plan.cycle.substantive_draft_due = datetime.date(2026, 3, 10)  # the area's own date wins
    plan.cycle.save()
    later = timeline(plan.area, today=datetime.date(2026, 3, 15))
    assert [o.part for o in later.overdue] == ["Plan", "Delivery"]
    lifecycle.take(plan.cycle, "draft_submitted", actor=people["erb_admin"], confirm_failures=True)
    met = timeline(plan.area, today=datetime.date(2026, 3, 15))
    assert met.deadlines[0].met_on is not None
    assert met.next_due.label == "Final version submitted"


def test_skills_england_sees_every_area_sorted(client, plan, devolved_plan, people):
    lifecycle.take(plan.cycle, "draft_submitted", actor=people["erb_admin"], confirm_failures=True)
    rows = national.rows(Area.objects.filter(slug__in=["the-marches", "west-midlands", "cumbria"]))
    by_step = [r.area.slug for r in national.sort(rows, "-step")]
    assert by_step[0] == "the-marches"  # the furthest along first
    assert national.sort(rows, "readiness")[-1].area.slug == "cumbria"  # no plan: last
    client.force_login(people["skills_england"])
    page = client.get(reverse("approval_national:table") + "?sort=fails").content.decode()
    assert 'aria-sort="ascending"' in page
    assert "Substantive draft submitted" in page
    assert page.count('class="govuk-table__row"') >= 40  # a heading row and all 39 areas


def test_skills_england_changes_the_cycle_dates(client, people):
    client.force_login(people["skills_england"])
    calendar_url = reverse("approval_national:calendar", kwargs={"year": 2026})
    response = client.post(
        calendar_url,
        {
            "substantive_draft_due_day": "14", "substantive_draft_due_month": "4",
            "substantive_draft_due_year": "2026", "final_due_day": "31", "final_due_month": "5",
            "final_due_year": "2026", "publication_due_day": "15", "publication_due_month": "7",
            "publication_due_year": "2026", "publication_note": "Confirmed",
        },
    )  # fmt: skip
    assert response.status_code == 302
    calendar = CycleCalendar.objects.get(start_year=2026)
    assert calendar.substantive_draft_due == datetime.date(2026, 4, 14)
    client.force_login(people["erb_admin"])
    assert client.get(calendar_url).status_code == 403


@pytest.fixture
def cli():
    return CliRunner()


def test_the_json_report_has_its_documented_shape(cli, plan):
    result = cli.invoke(main, ["readiness", "--area", "the-marches", "--json"])
    assert result.exit_code == 1  # a check fails
    report = json.loads(result.output)
    assert set(report) == {
        "schema", "area", "cycle", "plan", "checked_at", "worst", "counts", "checks",
    }  # fmt: skip
    assert (report["schema"], report["area"], report["cycle"]) == (1, "the-marches", "2026-2029")
    assert report["plan"] == {"id": str(plan.pk), "title": plan.title}
    assert set(report["counts"]) == {"pass", "warning", "fail"}
    assert sum(report["counts"].values()) == len(report["checks"])
    for check in report["checks"]:
        assert set(check) == {
            "id", "statement", "section", "result", "found", "fix_url", "blocks_submission",
        }  # fmt: skip
    datetime.datetime.fromisoformat(report["checked_at"])


def test_the_command_prints_each_check_and_explains_bad_input(cli, plan):
    result = cli.invoke(main, ["readiness", "--area", "the-marches"])
    assert "FAIL  net-zero:" in result.output
    assert "Overall: fail" in result.output
    unknown = cli.invoke(main, ["readiness", "--area", "nowhere"])
    assert unknown.exit_code != 0
    assert "no area with the slug “nowhere”" in unknown.output
    no_plan = cli.invoke(main, ["readiness", "--area", "west-midlands"])
    assert "West Midlands has no cycle yet" in no_plan.output


def test_the_api_gives_the_report_and_the_step_to_the_area_s_readers(client, plan, people):
    readiness_url = "/api/v1/areas/the-marches/readiness/"
    lifecycle_url = "/api/v1/areas/the-marches/lifecycle/"
    client.force_login(people["other_area_admin"])
    assert client.get(readiness_url).status_code == 403
    client.force_login(people["board_member"])
    report = client.get(readiness_url).json()
    assert (report["schema"], report["worst"]) == (1, "fail")
    assert {c["id"] for c in report["checks"]} >= {"net-zero", "register-of-interests"}
    assert client.get(lifecycle_url).json() == {
        "cycle": "2026-2029",
        "step": "developing",
        "step_label": "Developing",
        "since": None,
        "by": None,
        "next_steps": ["draft_submitted"],
    }
    assert client.get(readiness_url + "?cycle=2031").status_code == 404


def test_the_api_schema_describes_the_report_and_the_step_as_one_object(client, db):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    for path, field in (("readiness", "checks"), ("lifecycle", "next_steps")):
        answer = paths[f"/api/v1/areas/{{area_slug}}/{path}/"]["get"]["responses"]["200"]
        schema = answer["content"]["application/json"]["schema"]
        assert "$ref" in schema, schema  # one object, not an array of them
        name = schema["$ref"].rsplit("/", 1)[-1]
        components = client.get("/api/schema/", {"format": "json"}).json()["components"]
        assert field in components["schemas"][name]["properties"]

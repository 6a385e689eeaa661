"""A partner contributor sees and changes only the activities their organisation leads or
supports: by id, in lists, in the export and through the API. ERB staff see all of them."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lsip.delivery.models import Status, Update

AREA = {"area_slug": "the-marches"}


def url(name, **kwargs):
    return reverse(f"delivery:{name}", kwargs={**AREA, **kwargs})


@pytest.fixture
def other_update(plan, other_college):
    """An update from Hereford College on an activity Telford College has no part in."""
    return Update.objects.create(
        activity=plan.digital,
        organisation=other_college,
        as_of=datetime.date(2026, 11, 1),
        status=Status.AT_RISK,
        percent_complete=10,
        narrative="Hereford's private words",
    )


def test_pages_by_id_and_in_lists(client, people, plan, other_update):
    client.force_login(people["partner"])
    own, supported = plan.care_bootcamp, plan.robotics
    assert client.get(url("activity", pk=own.pk)).status_code == 200
    assert client.get(url("activity", pk=supported.pk)).status_code == 200
    assert client.get(url("activity", pk=plan.digital.pk)).status_code == 404
    assert client.get(url("update-new", pk=plan.digital.pk)).status_code == 404
    assert client.post(url("update-new", pk=plan.retrofit.pk), {}).status_code == 404
    listed = client.get(url("my-updates")).content.decode()
    assert "Care bootcamp" in listed
    assert "Robotics short course" in listed
    assert "Digital skills week" not in listed
    dashboard = client.get(url("dashboard")).content.decode()
    assert "Care bootcamp" in dashboard
    assert "Retrofit academy" not in dashboard
    updates = client.get(url("update-list")).content.decode()
    assert "Digital skills week" not in updates
    # ERB staff see every activity and every update.
    client.force_login(people["erb_editor"])
    assert client.get(url("activity", pk=plan.digital.pk)).status_code == 200
    assert (
        "Hereford&#x27;s private words"
        in client.get(url("activity", pk=plan.digital.pk)).content.decode()
    )
    assert "Digital skills week" in client.get(url("update-list")).content.decode()


def test_the_partner_cannot_review_or_reach_another_areas_plan(client, people, plan, other_update):
    client.force_login(people["partner"])
    response = client.post(url("update-review", pk=other_update.pk), {"decision": "accept"})
    assert response.status_code == 403
    other_update.refresh_from_db()
    assert other_update.state == Update.State.SUBMITTED
    client.force_login(people["other_area_admin"])
    assert client.get(url("activity", pk=plan.care_bootcamp.pk)).status_code == 403


def test_the_export(client, people, plan, other_update):
    client.force_login(people["partner"])
    response = client.get(url("monitoring"), {"period": "2026-Q4", "format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["Item"] for r in rows} == {"Care bootcamp", "Robotics short course"}
    client.force_login(people["erb_editor"])
    response = client.get(url("monitoring"), {"period": "2026-Q4", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    progress = {r["Item"] for r in rows if r["Section"] == "Progress"}
    assert "Digital skills week" in progress
    assert {r["Section"] for r in rows} == {"Progress", "Metric", "Engagement"}


def test_the_api(people, plan, other_update, college, other_college):
    api = APIClient()
    api.force_authenticate(people["partner"])
    base = "/api/v1/areas/the-marches/delivery"
    listed = api.get(f"{base}/activities/").json()
    titles = (
        {a["title"] for a in listed["results"]}
        if "results" in listed
        else {a["title"] for a in listed}
    )
    assert titles == {"Care bootcamp", "Robotics short course"}
    assert api.get(f"{base}/activities/{plan.digital.pk}/").status_code == 404
    assert api.get(f"{base}/updates/{other_update.pk}/").status_code == 404
    body = {
        "activity": str(plan.digital.pk),
        "as_of": "2026-11-30",
        "status": "on_track",
        "percent_complete": 20,
        "narrative": "Not ours to report",
    }
    assert api.post(f"{base}/updates/", body, format="json").status_code == 400
    body["activity"] = str(plan.care_bootcamp.pk)
    body["organisation"] = str(other_college.pk)
    assert api.post(f"{base}/updates/", body, format="json").status_code == 400
    del body["organisation"]
    body["metric_values"] = [
        {"outcome": str(plan.care_outcome.pk), "on": "2026-11-30", "value": 130}
    ]
    made = api.post(f"{base}/updates/", body, format="json")
    assert made.status_code == 201, made.content
    update = Update.objects.get(pk=made.json()["id"])
    assert update.organisation == college
    assert update.metric_values.get().value == 130
    # Metric values: for their own organisation only, and each keeps its source.
    values = "/api/v1/areas/the-marches/metric-values/"
    value = {"outcome": str(plan.care_outcome.pk), "on": "2026-12-01", "value": 140}
    assert (
        api.post(
            values, {**value, "organisation": str(other_college.pk)}, format="json"
        ).status_code
        == 400
    )
    posted = api.post(values, value, format="json")
    assert posted.status_code == 201, posted.content
    assert posted.json()["source"] == "api"
    assert posted.json()["organisation"] == str(college.pk)
    # Another area's admin is refused; the public too.
    other = APIClient()
    other.force_authenticate(people["other_area_admin"])
    assert other.get(f"{base}/activities/").status_code == 403
    assert APIClient().get(values).status_code in (401, 403)


def test_the_command_writes_an_excel_safe_return(plan, tmp_path):
    import json

    import openpyxl
    from click.testing import CliRunner

    from lsip.cli import main

    plan.retrofit.title = '=HYPERLINK("http://example.com","Click")'
    plan.retrofit.save()
    runner = CliRunner()
    out = tmp_path / "return.xlsx"
    args = ["export", "monitoring", "--area", "the-marches", "--period", "2026-Q4", "-o"]
    result = runner.invoke(main, [*args, str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    items = [row[header.index("Item")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "'" + plan.retrofit.title in items
    as_json = tmp_path / "return.json"
    assert runner.invoke(main, [*args, str(as_json)]).exit_code == 0
    rows = json.loads(as_json.read_text())
    assert {r["Section"] for r in rows} == {"Progress", "Metric", "Engagement"}
    bad = runner.invoke(main, [*args[:-3], "--period", "Q9", "-o", str(out)])
    assert bad.exit_code != 0
    assert "is not a period" in bad.output


def test_the_admin_corrects_only_the_admins_own_areas_values(client, people, plan, marches):
    from lsip.delivery.models import MetricValue

    value = MetricValue.objects.create(
        outcome=plan.care_outcome, on=datetime.date(2026, 10, 31), value=12, source="upload"
    )
    client.force_login(people["erb_admin"])
    listing = client.get("/admin/delivery/metricvalue/")
    assert listing.status_code == 200
    assert "More care learners" in listing.text
    assert client.get(f"/admin/delivery/metricvalue/{value.pk}/change/").status_code == 200
    client.force_login(people["other_area_admin"])
    assert "More care learners" not in client.get("/admin/delivery/metricvalue/").text
    assert client.get(f"/admin/delivery/metricvalue/{value.pk}/change/").status_code == 302


def test_in_a_devolved_area_the_strategic_authority_reviews_updates_too(people, plan, marches):
    from lsip.delivery import access

    assert access.may_review(people["erb_editor"], marches)
    assert not access.may_review(people["sa_partner"], marches)
    assert not access.may_review(people["partner"], marches)
    marches.strategic_authority = "Marches Combined Authority (illustrative)"
    marches.save()
    assert access.may_review(people["sa_partner"], marches)


def test_another_organisations_evidence_values_and_report_lines(
    client, people, plan, other_update, college, other_college
):
    """By id (an evidence file), in lists (the API's updates and metric values) and in the
    progress report's draft, a partner contributor finds nothing of Hereford's activity."""
    from django.core.files.base import ContentFile

    from lsip.delivery.models import Evidence, MetricValue

    evidence = Evidence(update=other_update, description="Hereford's register")
    evidence.file.save("hereford.csv", ContentFile(b"learner\nB\n"), save=True)
    MetricValue.objects.create(
        outcome=plan.care_outcome,
        on=datetime.date(2026, 11, 1),
        value=999,
        source="api",
        organisation=other_college,
    )
    ours = MetricValue.objects.create(
        outcome=plan.care_outcome,
        on=datetime.date(2026, 11, 2),
        value=111,
        source="api",
        organisation=college,
    )
    client.force_login(people["partner"])
    assert client.get(url("evidence-file", pk=evidence.pk)).status_code == 404
    report_page = client.get(url("report", year=2027)).content.decode()
    assert "Care bootcamp" in report_page
    assert "Digital skills week" not in report_page
    assert "999" not in report_page
    metrics_page = client.get(url("metrics")).content.decode()
    assert "999" not in metrics_page
    assert "111" in metrics_page

    api = APIClient()
    api.force_authenticate(people["partner"])
    listed = api.get("/api/v1/areas/the-marches/delivery/updates/").json()
    rows = listed["results"] if "results" in listed else listed
    assert str(other_update.pk) not in {r["id"] for r in rows}
    values = api.get("/api/v1/areas/the-marches/metric-values/").json()
    rows = values["results"] if "results" in values else values
    assert {r["id"] for r in rows} == {str(ours.pk)}
    # Nothing in the API changes or removes an update, theirs or anyone's.
    detail = f"/api/v1/areas/the-marches/delivery/updates/{other_update.pk}/"
    assert api.patch(detail, {"narrative": "Changed"}, format="json").status_code in (403, 404, 405)
    assert api.delete(detail).status_code in (403, 404, 405)
    other_update.refresh_from_db()
    assert other_update.narrative == "Hereford's private words"

    # ERB staff see Hereford's file, its value and its activity in the report.
    client.force_login(people["erb_editor"])
    assert client.get(url("evidence-file", pk=evidence.pk)).status_code == 200
    report_page = client.get(url("report", year=2027)).content.decode()
    assert "Digital skills week" in report_page
    assert "999" in client.get(url("metrics")).content.decode()


def test_the_return_counts_a_quarters_updates_that_arrive_after_it(plan, college, other_college):
    """Q3's updates come in October, in Q3's round: they are Q3's engagement, not Q4's."""
    from lsip.delivery import monitoring

    Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        as_of=datetime.date(2026, 9, 30),
        status=Status.ON_TRACK,
        percent_complete=5,
        narrative="Started",
        state=Update.State.ACCEPTED,
    )
    Update.objects.filter(activity=plan.care_bootcamp).update(
        created_on=datetime.datetime(2026, 10, 5, 9, tzinfo=datetime.UTC)
    )

    def engagement(period):
        rows = monitoring.monitoring_rows(plan, monitoring.parse_period(period, plan))
        return {r["item"]: r["value"] for r in rows if r["section"] == "Engagement"}

    q3 = engagement("2026-Q3")
    assert (q3["Updates received"], q3["Updates accepted"], q3["Partners reporting"]) == (1, 1, 1)
    assert q3["Lead partners silent"] == 1  # Hereford leads two activities and said nothing
    assert engagement("2026-Q4")["Updates received"] == 0


def test_a_partner_answers_only_questions_put_to_their_own_organisation(
    client, people, plan, college, other_college
):
    """Telford supports robotics, which Hereford leads: Telford may report on it, but cannot
    mark its update as the answer to the question the ERB put to Hereford."""
    asked = {
        "activity": plan.robotics,
        "as_of": datetime.date(2026, 11, 1),
        "status": Status.ON_TRACK,
        "percent_complete": 10,
        "narrative": "…",
        "state": Update.State.RETURNED,
        "question": "How many started?",
    }
    hereford_question = Update.objects.create(organisation=other_college, **asked)
    telford_question = Update.objects.create(organisation=college, **asked)
    client.force_login(people["partner"])
    body = {
        "organisation": str(college.pk),
        "as_of_day": "30",
        "as_of_month": "11",
        "as_of_year": "2026",
        "status": "on_track",
        "percent_complete": "20",
        "narrative": "Our part is going well",
    }
    page = url("update-new", pk=plan.robotics.pk)
    for question, answered in ((hereford_question, None), (telford_question, telford_question)):
        response = client.post(f"{page}?answers={question.pk}", body)
        assert response.status_code == 302, response.content.decode()[:2000]
        made = Update.objects.filter(organisation=college, state=Update.State.SUBMITTED).latest(
            "created_on"
        )
        assert made.answers == answered

"""Employers' feedback comes through a public form with a spam guard; metric values come
from an upload that applies completely or not at all, each keeping its source."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lsip.delivery import feedback, metrics
from lsip.delivery.models import Feedback, MetricValue
from lsip.jobs.models import Job
from lsip.organisations.models import Organisation


def form_url(priority):
    return reverse("delivery:feedback-form", kwargs={"area_slug": "the-marches", "pk": priority.pk})


@pytest.fixture
def care(plan):
    return plan.priorities.get(title="Health and care")


def test_the_public_form_and_its_spam_guard(client, settings, care, marches):
    settings.LSIP_FEEDBACK_PER_HOUR = 2
    employer = Organisation.objects.create(
        area=marches, name="Shrewsbury Care Homes", type=Organisation.Type.EMPLOYER
    )
    answer = {
        "working": "partly",
        "comments": "Better, slowly",
        "employer_name": "shrewsbury care homes",
    }
    assert client.get(form_url(care)).status_code == 200  # no account needed
    response = client.post(form_url(care), answer)
    assert response.status_code == 302
    first = Feedback.objects.get()
    assert (first.priority, first.working, first.organisation) == (care, "partly", employer)
    # The honeypot: a bot that fills every field is refused, and nothing is kept.
    bot = client.post(form_url(care), {**answer, "website": "http://spam.example"})
    assert bot.status_code == 400
    assert Feedback.objects.count() == 1
    # The rate limit: the third answer within the hour from one address is refused.
    assert client.post(form_url(care), {"working": "yes"}).status_code == 302
    limited = client.post(form_url(care), {"working": "no"})
    assert limited.status_code == 429
    assert "try again in an hour" in limited.content.decode()
    assert Feedback.objects.count() == 2
    other_address = client.post(form_url(care), {"working": "no"}, REMOTE_ADDR="10.1.2.3")
    assert other_address.status_code == 302
    [summary, _] = feedback.summary(care.plan)
    assert (summary.total, summary.counts, summary.known_employers) == (
        3,
        {"partly": 1, "yes": 1, "no": 1},
        1,
    )
    assert summary.working_share == 67


def test_contact_details_only_to_those_who_may_see_personal_data(client, people, care):
    feedback.record_feedback(
        priority=care, working="no", contact_email="manager@care.example", address="1.1.1.1"
    )
    summary = reverse("delivery:feedback-summary", kwargs={"area_slug": "the-marches"})
    client.force_login(people["board_member"])
    assert "manager@care.example" not in client.get(summary).content.decode()
    client.force_login(people["erb_editor"])
    assert "manager@care.example" in client.get(summary).content.decode()


def upload(client, text, name="values.csv"):
    page = reverse("delivery:metrics", kwargs={"area_slug": "the-marches"})
    return client.post(page, {"file": SimpleUploadedFile(name, text.encode())})


def test_an_upload_applies_completely_or_not_at_all(client, people, plan, run_jobs):
    client.force_login(people["erb_editor"])
    bad = (
        "Metric,Date,Value,Organisation\n"
        "Care starts,2026-10-31,120,Telford College\n"
        "Care leavers,2026-10-31,5,\n"
        "care starts,31/13/2026,lots,Nobody Ltd\n"
    )
    assert upload(client, bad).status_code == 302
    run_jobs()
    job = Job.objects.get(kind="metric-values-import")
    assert job.state == Job.State.FAILED
    problems = {(p["row"], p["field"]) for p in job.problems}
    assert problems == {(3, "Metric"), (4, "Date"), (4, "Value"), (4, "Organisation")}
    assert MetricValue.objects.count() == 0
    good = "Metric,Date,Value,Note\nCare starts,2026-10-31,120,\ncare starts,30/11/2026,131,=1+1\n"
    upload(client, good)
    run_jobs()
    values = list(MetricValue.objects.order_by("on"))
    assert [(v.value, v.source, v.source_detail) for v in values] == [
        (120, "upload", "values.csv"),
        (131, "upload", "values.csv"),
    ]
    [summary] = metrics.summaries(plan)
    assert summary.latest.value == 131
    spec = metrics.chart(summary, plan)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    # The plan's points are named on the chart: baseline, the milestones and the target.
    labelled = [p for p in spec["data"]["values"] if p.get("label")]
    assert [(p["label"], p["value"]) for p in labelled] == [
        ("Baseline", 100),
        ("Year 1 milestone", 150),
        ("Year 2 milestone", 200),
        ("Target", 250),
    ]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "text"]
    page = client.get(reverse("delivery:metrics", kwargs={"area_slug": "the-marches"}))
    assert "Care starts" in page.content.decode()
    # A partner may not upload.
    client.force_login(people["partner"])
    assert upload(client, good).status_code == 403
    assert metrics.parse_date("2026-10-31 00:00:00") == datetime.date(2026, 10, 31)


def test_a_metrics_name_inside_the_update_forms_labels_keeps_its_acronyms():
    from lsip.delivery.forms import in_sentence

    assert in_sentence("Care starts") == "care starts"
    assert in_sentence("Employers engaged by the LSIP") == "employers engaged by the LSIP"
    assert in_sentence("NVQ level 3 starts") == "NVQ level 3 starts"
    assert in_sentence("Learners on solar PV courses") == "learners on solar PV courses"


def test_an_xlsx_upload_and_an_answer_linked_by_the_emails_domain(
    client, people, plan, run_jobs, tmp_path, care, marches
):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Metric", "Date", "Value", "Organisation"])
    sheet.append(["Care starts", datetime.date(2026, 12, 31), 140, "Telford College"])
    path = tmp_path / "values.xlsx"
    workbook.save(path)
    client.force_login(people["erb_editor"])
    upload_page = reverse("delivery:metrics", kwargs={"area_slug": "the-marches"})
    client.post(upload_page, {"file": SimpleUploadedFile("values.xlsx", path.read_bytes())})
    run_jobs()
    [value] = MetricValue.objects.all()
    assert (value.on, value.value, value.source, value.organisation.name) == (
        datetime.date(2026, 12, 31),
        140,
        "upload",
        "Telford College",
    )
    employer = Organisation.objects.create(
        area=marches,
        name="Ludlow Care Ltd",
        type=Organisation.Type.EMPLOYER,
        website="https://www.ludlowcare.example/",
    )
    answer = feedback.record_feedback(
        priority=care, working="yes", contact_email="hr@ludlowcare.example", address="2.2.2.2"
    )
    assert answer.organisation == employer
    stranger = feedback.record_feedback(
        priority=care, working="yes", contact_email="me@elsewhere.example", address="2.2.2.2"
    )
    assert stranger.organisation is None
    lookalike = feedback.record_feedback(
        priority=care, working="no", contact_email="me@care.example", address="2.2.2.2"
    )
    assert lookalike.organisation is None  # not ludlowcare.example

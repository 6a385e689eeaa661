"""A new need linked to no priority raises the replacement-LSIP flag until the ERB records
its discussion; the progress report is never shown as published before its publication
date, nor without a passed board decision."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lsip.delivery import report, review
from lsip.delivery.models import (
    ProgressReport,
    ReplacementDiscussion,
    ReviewEvidence,
    Status,
    Update,
)
from lsip.governance.models import Board, Decision


def test_the_replacement_flag(client, people, plan):
    admin = people["erb_editor"]
    care = plan.priorities.get(title="Health and care")
    day = datetime.date(2027, 2, 1)
    review.record_evidence(
        plan=plan,
        actor=admin,
        title="Care homes want digital records skills",
        tag="supports",
        recorded_on=day,
        priority=care,
    )
    review.record_evidence(
        plan=plan,
        actor=admin,
        title="Domiciliary care in rural areas",
        tag="new_need",
        recorded_on=day,
        priority=care,
    )
    assert review.replacement_flag(plan).raised is False  # linked needs go in the report
    with pytest.raises(ValidationError):
        review.record_evidence(
            plan=plan, actor=admin, title="No priority", tag="supports", recorded_on=day
        )
    space = review.record_evidence(
        plan=plan, actor=admin, title="Space industry cluster", tag="new_need", recorded_on=day
    )
    flag = review.replacement_flag(plan)
    assert flag.raised is True
    assert flag.open_needs == [space]
    client.force_login(admin)
    page = client.get(reverse("delivery:review", kwargs={"area_slug": "the-marches"}))
    assert review.FLAG in page.content.decode()
    assert (
        review.FLAG
        in client.get(
            reverse("delivery:dashboard", kwargs={"area_slug": "the-marches"})
        ).content.decode()
    )
    # Still open while the discussion has no outcome; settled once it has one.
    review.record_discussion(
        plan=plan,
        actor=admin,
        evidence=[space],
        discussed_on=day,
        with_whom="Skills England",
        notes="First call",
        outcome=ReplacementDiscussion.Outcome.OPEN,
    )
    assert review.replacement_flag(plan).raised is True
    response = client.post(
        reverse("delivery:review", kwargs={"area_slug": "the-marches"}),
        {
            "form": "discussion",
            "evidence": [str(space.pk)],
            "discussed_on_day": "10",
            "discussed_on_month": "2",
            "discussed_on_year": "2027",
            "with_whom": "Skills England relationship manager",
            "notes": "Covered by the progress report as more granular intelligence",
            "outcome": "not_needed",
        },
    )
    assert response.status_code == 302
    assert review.replacement_flag(plan).raised is False
    assert ReviewEvidence.objects.count() == 3


@pytest.fixture
def decision(plan, marches):
    board = Board.objects.create(
        area=marches,
        cycle=plan.cycle,
        name="Marches LSIP Board",
        term_start=datetime.date(2026, 1, 1),
        term_end=datetime.date(2029, 12, 31),
    )
    return Decision.objects.create(
        board=board,
        method="meeting",
        question="Approve the 2027 progress report",
        decided_on=datetime.date(2027, 6, 10),
        outcome="passed",
    )


def test_the_publication_date_rule(people, plan, decision, college):
    editor = people["erb_editor"]
    Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        as_of=datetime.date(2027, 4, 1),
        status=Status.COMPLETE,
        percent_complete=100,
        narrative="Done",
        state="accepted",
    )
    draft = ProgressReport.objects.create(plan=plan, year=2027, achieved="The bootcamp ran")
    before = datetime.date(2027, 6, 20)
    assert report.progress_report_content(plan, 2027, before)["state"] == "draft"
    failed = Decision.objects.create(
        board=decision.board,
        method="meeting",
        question="Approve it?",
        decided_on=datetime.date(2027, 6, 1),
        outcome="failed",
    )
    with pytest.raises(ValidationError):
        report.sign_off(
            draft, decision=failed, publication_date=datetime.date(2027, 6, 30), actor=editor
        )
    report.sign_off(
        draft, decision=decision, publication_date=datetime.date(2027, 6, 30), actor=editor
    )
    content = report.progress_report_content(plan, 2027, before)
    assert (content["state"], content["published"]) == ("signed off, not yet published", False)
    assert content["sign_off"]["decision"] == "Approve the 2027 progress report"
    assert [a["activity"] for a in content["achieved"]] == ["Care bootcamp"]
    assert "Care bootcamp" not in [a["activity"] for a in content["still_to_achieve"]]
    assert content["narrative"]["achieved"] == "The bootcamp ran"
    assert content["impact"][0]["metric"] == "Care starts"
    on_the_day = report.progress_report_content(plan, 2027, datetime.date(2027, 6, 30))
    assert (on_the_day["state"], on_the_day["published"]) == ("published", True)


def test_the_report_page_signs_off_and_never_shows_published_before_the_date(
    client, people, plan, decision
):
    page = reverse("delivery:report", kwargs={"area_slug": "the-marches", "year": 2027})
    client.force_login(people["erb_editor"])
    assert "Not started" in client.get(page).content.decode()
    saved = client.post(page, {"form": "narrative", "achieved": "The bootcamp ran"})
    assert saved.status_code == 302
    assert ">Draft<" in client.get(page).content.decode()
    future = datetime.date.today() + datetime.timedelta(days=30)
    signed = client.post(
        page,
        {
            "form": "sign_off",
            "decision": str(decision.pk),
            "publication_date_day": str(future.day),
            "publication_date_month": str(future.month),
            "publication_date_year": str(future.year),
        },
    )
    assert signed.status_code == 302
    shown = client.get(page).content.decode()
    assert "Signed off, not yet published" in shown
    assert "it is not shown as published before then" in shown
    stored = ProgressReport.objects.get(plan=plan, year=2027)
    assert (stored.decision, stored.publication_date, stored.achieved) == (
        decision,
        future,
        "The bootcamp ran",
    )
    stored.publication_date = datetime.date.today()
    stored.save()
    assert ">Published<" in client.get(page).content.decode()
    # A reader who may not edit sees each passage of the narrative under its heading.
    client.force_login(people["board_member"])
    read_only = client.get(page).content.decode()
    assert 'What was achieved</h3><p class="govuk-body">The bootcamp ran' in read_only
    assert "Save the narrative" not in read_only

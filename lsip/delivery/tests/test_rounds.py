"""A round chases the lead organisations that owe an update, by email, through the job; each
email goes once, whoever runs the job and however often."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.delivery import rounds
from lsip.delivery.jobs import run_reminders
from lsip.delivery.models import Reminder, Round, Status, Update
from lsip.jobs.models import Job


@pytest.fixture
def hereford_partner(marches, other_college):
    user = User.objects.create_user(username="hereford@example.org", email="hereford@example.org")
    RoleAssignment.objects.create(
        user=user, area=marches, role=Role.PARTNER_CONTRIBUTOR, organisation=other_college
    )
    return user


@pytest.fixture
def round_(plan, people):
    return Round.objects.create(
        plan=plan,
        name="2026 Q4",
        period_start=datetime.date(2026, 10, 1),
        period_end=datetime.date(2026, 12, 31),
        due_on=datetime.date(2027, 1, 15),
        opened_by=people["erb_admin"],
    )


def rounds_body_to(address):
    return next(m.body for m in mail.outbox if m.to == [address])


def sent_to(day, round_):
    mail.outbox.clear()
    rounds.send_due(round_, day)
    return sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox)


def test_who_is_chased_and_nothing_twice(plan, round_, people, hereford_partner, college):
    partner = people["partner"].username
    # Telford leads the care bootcamp; Hereford leads robotics and digital; retrofit has no
    # lead; supporting partners are not chased.
    opening = sent_to(datetime.date(2026, 12, 20), round_)
    assert opening == [
        ("hereford@example.org", "Updates for 2026 Q4 are open"),
        (partner, "Updates for 2026 Q4 are open"),
    ]
    body = rounds_body_to(partner)
    assert "Care bootcamp" in body
    assert f"The Local Skills Improvement Plan for {plan.area.name} asks" in body
    assert sent_to(datetime.date(2026, 12, 21), round_) == []  # nothing twice
    # Telford reports in the round: only Hereford is reminded before the due date.
    Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        round=round_,
        as_of=datetime.date(2026, 12, 31),
        status=Status.ON_TRACK,
        percent_complete=30,
        narrative="Cohort recruited",
    )
    assert sent_to(datetime.date(2027, 1, 10), round_) == [("hereford@example.org", "Reminder")]
    assert sent_to(datetime.date(2027, 1, 12), round_) == []
    # Not yet a week after the due date: no chase; then one chase, once.
    assert sent_to(datetime.date(2027, 1, 20), round_) == []
    assert sent_to(datetime.date(2027, 1, 22), round_) == [("hereford@example.org", "Overdue")]
    assert sent_to(datetime.date(2027, 2, 1), round_) == []
    assert [o.organisation.name for o in rounds.silent(round_)] == ["Hereford College"]
    client = Client()
    client.force_login(people["erb_editor"])
    page = client.get(reverse("delivery:round-list", kwargs={"area_slug": "the-marches"}))
    assert "Hereford College: 2 of 2 updates still owed" in page.content.decode()
    assert Reminder.objects.filter(round=round_).count() == 4
    # A closed round sends nothing.
    rounds.close_round(round_, actor=people["erb_admin"])
    assert sent_to(datetime.date(2027, 2, 2), round_) == []


def test_opening_a_round_queues_the_emails_as_a_job(plan, people, run_jobs, hereford_partner):
    mail.outbox.clear()
    made = rounds.open_round(
        plan=plan,
        actor=people["erb_admin"],
        name="2026 Q3",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
        due_on=datetime.date(2026, 10, 15),
    )
    assert mail.outbox == []  # nothing is sent in the request
    job = Job.objects.get(kind="delivery-reminders")
    run_jobs()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    # Opened after its due date has passed: straight to the chase, one email each.
    assert sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox) == [
        ("hereford@example.org", "Overdue"),
        (people["partner"].username, "Overdue"),
    ]
    # The scheduled run (every open round) sends nothing more today.
    mail.outbox.clear()
    run_reminders(Job(kind="delivery-reminders", params={}), lambda *a: None)
    assert mail.outbox == []
    assert made.reminders.count() == 2


def test_overdue_milestones_and_the_default_round(plan, college):
    plan.care_bootcamp.milestones = "November 2026: first cohort recruited\n1 March 2027: review"
    plan.care_bootcamp.save()
    overdue = rounds.overdue_milestones(plan, datetime.date(2026, 12, 15))
    assert [(m.activity.title, m.due, m.what) for m in overdue] == [
        ("Care bootcamp", datetime.date(2026, 11, 30), "first cohort recruited")
    ]
    Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        as_of=datetime.date(2026, 12, 1),
        status=Status.ON_TRACK,
        percent_complete=30,
        narrative="Recruited",
        state=Update.State.ACCEPTED,
    )
    assert rounds.overdue_milestones(plan, datetime.date(2026, 12, 15)) == []
    assert rounds.default_round(datetime.date(2026, 12, 2)) == {
        "name": "2026 Q3",
        "period_start": datetime.date(2026, 7, 1),
        "period_end": datetime.date(2026, 9, 30),
        "due_on": datetime.date(2026, 12, 16),
    }
    assert rounds.default_round(datetime.date(2026, 12, 2), ["2026 Q3"])["name"] == "2026 Q4"


def test_a_question_is_emailed_to_the_partner_by_the_worker(plan, people, college, run_jobs):
    from lsip.delivery import updates

    update = Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        as_of=datetime.date(2026, 11, 30),
        status=Status.ON_TRACK,
        percent_complete=30,
        narrative="Going well",
        submitted_by=people["partner"],
    )
    mail.outbox.clear()
    updates.send_back(update, actor=people["erb_editor"], question="How many started?")
    assert mail.outbox == []
    run_jobs()
    [sent] = mail.outbox
    assert sent.to == [people["partner"].username]
    assert "How many started?" in sent.body
    assert f"?answers={update.pk}" in sent.body


def test_the_partners_page_lists_what_is_due_from_them(client, plan, round_, people, college):
    page = reverse("delivery:my-updates", kwargs={"area_slug": "the-marches"})
    client.force_login(people["partner"])
    shown = client.get(page).content.decode()
    assert "Round <strong>2026 Q4</strong> is open" in shown
    # Telford leads the care bootcamp (due) and only supports robotics (not chased).
    assert shown.count("2026 Q4: by 15 Jan 2027") == 1
    assert "Nothing due" in shown
    Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        round=round_,
        as_of=datetime.date(2026, 12, 31),
        status=Status.ON_TRACK,
        percent_complete=30,
        narrative="Cohort recruited",
    )
    assert "2026 Q4: by 15 Jan 2027" not in client.get(page).content.decode()


def test_the_rounds_page_tells_silent_from_still_owing(client, plan, round_, people, college):
    """Hereford has said nothing (silent); Telford has given its one update; once Telford
    leads a second activity and reports on one, it still owes one but is not silent."""
    plan.digital.leads.add(college)
    Update.objects.create(
        activity=plan.care_bootcamp,
        organisation=college,
        round=round_,
        as_of=datetime.date(2026, 12, 31),
        status=Status.ON_TRACK,
        percent_complete=30,
        narrative="Cohort recruited",
    )
    client.force_login(people["erb_admin"])
    shown = client.get(round_.get_absolute_url()).content.decode()
    assert 'Hereford College <strong class="govuk-tag govuk-tag--red">Silent</strong>' in shown
    assert 'Telford College <strong class="govuk-tag govuk-tag--orange">Still owes 1' in shown

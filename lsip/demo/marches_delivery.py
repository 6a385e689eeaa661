"""Delivery in The Marches demo (illustrative, not real): partners' updates on the plan's
Annex B activities since they started in September 2026, in a closed round (2026 Q3) and an
open one (2026 Q4); some partners late or silent, some activities at risk or off track, one
update waiting for the ERB and one sent back with a question; metric values from updates,
an upload and the API; employers' feedback; review evidence, one new need linked to no
priority (which raises the replacement-LSIP flag); and a draft progress report for 2027."""

import datetime

from django.db import transaction
from django.utils import timezone

from lsip.accounts.models import User
from lsip.audit.context import acting_as
from lsip.delivery.access import current_plan
from lsip.delivery.models import (
    Evidence,
    Feedback,
    MetricValue,
    ProgressReport,
    Reminder,
    ReviewEvidence,
    Round,
    Update,
)
from lsip.organisations.models import Organisation
from lsip.plans.models import Activity, Outcome

LABEL = "lsip demo"
NOTE = "(Illustrative.)"
Q3_END, Q4_AS_OF = datetime.date(2026, 9, 30), datetime.date(2026, 11, 30)
A = Update.State.ACCEPTED

#: (activity title starts with, organisation, status, per cent, narrative)
Q3 = [
    ("Skills Bootcamp in CNC", "Telford College", "on_track", 10, "First cohort of 12 enrolled."),
    ("Maintenance engineering", "In-Comm", "on_track", 8, "Three manufacturers signed up."),
    ("Food technician", "Harper Adams University", "not_started", 0, "Employer panel not yet met."),
    ("Manufacturing open days", "Shropshire Chamber of Commerce", "on_track", 15, "Two dates set."),
    ("Low-carbon heating", "Telford College", "on_track", 5, "Rig installed in the workshop."),
    ("Retrofit coordinator", "In-Comm", "at_risk", 5, "Still awaiting the awarding body."),
    ("Care academy", "Partners in Care", "on_track", 10, "Jobcentre referrals have begun."),
    ("Senior carer", "Partners in Care", "on_track", 10, "Eight care homes taking part."),
    ("Essential digital skills", "Telford College", "on_track", 12, "Courses running in 3 towns."),
    ("Leading small businesses", "Harper Adams University", "on_track", 5, "Programme designed."),
    ("Professional apprenticeships", "Shropshire Chamber of Commerce", "on_track", 10, "Launched."),
]

#: (activity, organisation, status, per cent, narrative, state, question)
Q4 = [
    ("Skills Bootcamp in CNC", "Telford College", "on_track", 20, "Cohort 1 halfway.", A, ""),
    (
        "Low-carbon heating",
        "Telford College",
        "at_risk",
        8,
        "The heat pump tutor left in October; recruiting.",
        Update.State.SUBMITTED,
        "",
    ),
    (
        "Essential digital skills",
        "Telford College",
        "on_track",
        25,
        "Good take-up.",
        Update.State.RETURNED,
        "How many learners started this term, and in which towns?",
    ),
    (
        "Care academy",
        "Partners in Care",
        "off_track",
        12,
        "Placements with two providers fell through; fewer starts than planned.",
        A,
        "",
    ),
    ("Retrofit coordinator", "In-Comm", "at_risk", 10, "Accreditation due in January.", A, ""),
    ("Senior carer", "Partners in Care", "on_track", 25, "First completions.", A, ""),
]

FEEDBACK = [
    # (priority title starts with, working, comments, employer)
    (
        "Engineering",
        "partly",
        "The CNC bootcamp helps; we still cannot find maintenance fitters.",
        "Paveaways",
    ),
    ("Engineering", "yes", "Two bootcamp graduates hired.", ""),
    ("The health", "no", "Still no applicants for senior carer posts.", ""),
    ("Digital", "yes", "Staff are more confident with online systems.", "AllPay"),
    ("Construction", "not_sure", "Too early to tell.", "Clear Design"),
]


def load(area) -> None:
    """Add the delivery records once (left as they are if the demo has them already)."""
    plan = current_plan(area)
    if plan is None or Round.objects.filter(plan=plan).exists():
        return
    with transaction.atomic(), acting_as(None, LABEL):
        _load(area, plan)


def _activity(plan, prefix):
    return Activity.objects.get(action__priority__plan=plan, title__startswith=prefix)


def _load(area, plan):
    orgs = {o.name: o for o in Organisation.objects.filter(area=area)}
    partner = User.objects.filter(username="partner@marches.example").first()
    editor = User.objects.filter(username="erb-editor@marches.example").first()

    def by(org):
        return partner if org == "Telford College" else None

    q3 = Round.objects.create(
        plan=plan,
        name="2026 Q3",
        period_start=datetime.date(2026, 7, 1),
        period_end=Q3_END,
        due_on=datetime.date(2026, 10, 15),
        closed_on=datetime.date(2026, 10, 31),
    )
    q4 = Round.objects.create(
        plan=plan,
        name="2026 Q4",
        period_start=datetime.date(2026, 10, 1),
        period_end=datetime.date(2026, 12, 31),
        due_on=datetime.date(2027, 1, 15),
    )
    reviewed = timezone.make_aware(datetime.datetime(2026, 10, 20, 10, 0))
    for prefix, org, status, percent, text in Q3:
        Update.objects.create(
            activity=_activity(plan, prefix),
            organisation=orgs[org],
            round=q3,
            as_of=Q3_END,
            status=status,
            percent_complete=percent,
            narrative=f"{text} {NOTE}",
            state=A,
            submitted_by=by(org),
            reviewed_by=editor,
            reviewed_on=reviewed,
        )
    outcomes = {o.metric: o for o in Outcome.objects.filter(plan=plan)}
    for prefix, org, status, percent, text, state, question in Q4:
        update = Update.objects.create(
            activity=_activity(plan, prefix),
            organisation=orgs[org],
            round=q4,
            as_of=Q4_AS_OF,
            status=status,
            percent_complete=percent,
            narrative=f"{text} {NOTE}",
            state=state,
            question=question,
            submitted_by=by(org),
            reviewed_by=None if state == Update.State.SUBMITTED else editor,
            reviewed_on=None if state == Update.State.SUBMITTED else timezone.now(),
        )
        if prefix == "Skills Bootcamp in CNC":
            Evidence.objects.create(
                update=update,
                link="https://example.org/telford-college/cnc-bootcamp",
                description="Bootcamp page with the cohort dates (illustrative)",
            )
        digital = outcomes.get("Adults completing essential digital skills courses")
        if prefix == "Essential digital skills" and digital:
            MetricValue.objects.create(
                outcome=digital,
                on=Q4_AS_OF,
                value=410,
                source=MetricValue.Source.UPDATE,
                source_detail="Update from Telford College",
                update=update,
                organisation=orgs["Telford College"],
            )
    # Submitted a few days after each position date (created_on is set on saving).
    for update in Update.objects.filter(round__plan=plan):
        days = 5 if update.as_of == Q3_END else 1
        sent = datetime.datetime.combine(update.as_of, datetime.time(9))
        sent = min(timezone.make_aware(sent + datetime.timedelta(days=days)), timezone.now())
        Update.objects.filter(pk=update.pk).update(created_on=sent)
    for org in ("Telford College",):
        for kind in (Reminder.Kind.OPENING,):
            Reminder.objects.create(
                round=q3, kind=kind, organisation=orgs[org], recipient="partner@marches.example"
            )
    _metrics(outcomes, orgs)
    _feedback(plan, orgs)
    _review(plan)
    # The documents demo may have started the year's report already: one record a year.
    ProgressReport.objects.update_or_create(
        plan=plan,
        year=2027,
        defaults={
            "achieved": "The first cohorts of the engineering and digital bootcamps have started, "
            f"and the retrofit coordinator course is running with employers' help. {NOTE}",
            "impact": f"Employers report bootcamp graduates in post. {NOTE}",
            "still_to_achieve": "Care placements and heat pump tutors remain the main risks. "
            + NOTE,
        },
    )


def _metrics(outcomes, orgs):
    engaged = outcomes.get("Employers engaged by the LSIP")
    if engaged:
        for on, value in ((datetime.date(2026, 9, 30), 320), (datetime.date(2026, 11, 30), 352)):
            MetricValue.objects.create(
                outcome=engaged,
                on=on,
                value=value,
                source=MetricValue.Source.UPLOAD,
                source_detail="erb-engagement-counts.xlsx",
            )
    heating = outcomes.get("Learners on heat pump, solar PV and retrofit courses")
    if heating:
        MetricValue.objects.create(
            outcome=heating,
            on=datetime.date(2026, 11, 15),
            value=46,
            source=MetricValue.Source.API,
            source_detail="API, Telford College student records (illustrative)",
            organisation=orgs["Telford College"],
        )


def _feedback(plan, orgs):
    for prefix, working, comments, employer in FEEDBACK:
        priority = plan.priorities.filter(title__startswith=prefix).first()
        if priority is None:
            continue
        Feedback.objects.create(
            priority=priority,
            working=working,
            comments=f"{comments} {NOTE}",
            employer_name=employer,
            organisation=orgs.get(employer),
            sender="demo",
        )


def _review(plan):
    care = plan.priorities.filter(title__startswith="The health").first()
    day = datetime.date(2026, 11, 20)
    ReviewEvidence.objects.create(
        plan=plan,
        title="Care homes ask for digital care records skills",
        description=f"Raised at the care providers' forum. {NOTE}",
        source="Care providers' forum, November 2026",
        recorded_on=day,
        tag=ReviewEvidence.Tag.NEW_NEED,
        priority=care,
    )
    ReviewEvidence.objects.create(
        plan=plan,
        title="A space and satellite cluster forming near Hereford",
        description=f"Three firms report needs no priority covers. {NOTE}",
        source="Employer interviews, November 2026",
        recorded_on=day,
        tag=ReviewEvidence.Tag.NEW_NEED,
    )

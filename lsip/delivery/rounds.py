"""Rounds of updates and the chasing that goes with them (SG 6: "seek updates and feedback on
progress"; "regular communication"). Decision 0072 gives the readings.

- **Who owes an update in a round**: each organisation that *leads* an activity running in
  the round's period (started on or before its end, ending on or after its start) that is
  not yet complete, for each such activity, until it submits an update in the round (an
  update sent back still counts as given until the ERB asks again in the next round).
  Supporting partners may report, but are not chased.
- **Who is emailed**: the partner contributors who speak for an organisation that owes.
- **When**: an opening email when the round opens; a reminder from `remind_days_before`
  days before the due date to the day before; a chase from `remind_days_after` days after
  it (only the most pressing of these on a given day). Each kind goes to each person once
  per round (`Reminder`, unique), so running the job twice, or on two workers, never sends
  twice.
- **Overdue milestones**: a dated line of an activity's milestones whose date has passed,
  on an activity not complete, with no accepted update dated on or after it.
"""

import calendar
import datetime
import logging
import re
from dataclasses import dataclass, field

from dateutil import parser as dateparser
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from lsip.accounts.models import RoleAssignment
from lsip.accounts.roles import Role
from lsip.audit.context import acting_as
from lsip.delivery.models import Reminder, Round, Status, Update
from lsip.delivery.progress import activity_progress, plan_activities

logger = logging.getLogger(__name__)


def quarter_of(day: datetime.date) -> tuple[str, datetime.date, datetime.date]:
    """The calendar quarter containing `day`: its name ("2026 Q3"), first and last day."""
    quarter = (day.month - 1) // 3
    start = datetime.date(day.year, quarter * 3 + 1, 1)
    end_month = quarter * 3 + 3
    end = datetime.date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
    return f"{day.year} Q{quarter + 1}", start, end


def default_round(today: datetime.date, taken=()) -> dict:
    """The quarterly default: the quarter just ended (or the first after it whose name is not
    in `taken`), due a fortnight after it ends or from today, whichever is later."""
    _, this_start, _ = quarter_of(today)
    name, start, end = quarter_of(this_start - datetime.timedelta(days=1))
    while name in set(taken):
        name, start, end = quarter_of(end + datetime.timedelta(days=1))
    due = max(end, today) + datetime.timedelta(days=14)
    return {"name": name, "period_start": start, "period_end": end, "due_on": due}


def open_round(*, plan, actor, name, period_start, period_end, due_on, **extra) -> Round:
    """Open a round and queue the opening emails (sent by the worker, never in the request)."""
    from lsip.delivery.jobs import start_reminders

    made = Round(
        plan=plan,
        name=name,
        period_start=period_start,
        period_end=period_end,
        due_on=due_on,
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
        **extra,
    )
    made.full_clean()
    with transaction.atomic(), acting_as(actor):
        made.save()
    start_reminders(made, user=actor)
    return made


def close_round(round_: Round, *, actor) -> Round:
    with transaction.atomic(), acting_as(actor):
        round_.closed_on = timezone.localdate()
        round_.save()
    return round_


@dataclass
class Owed:
    """What one organisation owes in a round."""

    organisation: object
    activities: list = field(default_factory=list)
    given: list = field(default_factory=list)  # activities with an update in the round

    @property
    def outstanding(self) -> list:
        return [a for a in self.activities if a not in self.given]


def owed(round_: Round) -> list[Owed]:
    """Every organisation that owes updates in the round, with what it owes and has given."""
    activities = plan_activities(round_.plan).filter(
        start__lte=round_.period_end, end__gte=round_.period_start
    )
    progress = {p.activity.pk: p for p in activity_progress(round_.plan, round_.period_end)}
    given = set(Update.objects.filter(round=round_).values_list("activity_id", "organisation_id"))
    result: dict = {}
    for activity in activities:
        if progress[activity.pk].status == Status.COMPLETE:
            continue
        for lead in activity.leads.all():
            entry = result.setdefault(lead.pk, Owed(lead))
            entry.activities.append(activity)
            if (activity.pk, lead.pk) in given:
                entry.given.append(activity)
    return sorted(result.values(), key=lambda o: o.organisation.name)


def silent(round_: Round) -> list[Owed]:
    """The organisations that still owe at least one update in the round."""
    return [o for o in owed(round_) if o.outstanding]


def recipients(area, organisation) -> list[str]:
    """The email addresses of the partner contributors who speak for `organisation`."""
    assignments = RoleAssignment.objects.filter(
        area=area,
        role=Role.PARTNER_CONTRIBUTOR,
        organisation=organisation,
        user__is_active=True,
    ).select_related("user")
    return sorted({a.user.email or a.user.username for a in assignments})


def kinds_due(round_: Round, today: datetime.date) -> list[str]:
    """Which email of the round is due on `today`: the chase from `remind_days_after` days
    after the due date, the reminder from `remind_days_before` days before it, else the
    opening email. Only the most pressing goes, so nobody gets two at once; each kind still
    goes to each person once."""
    if not round_.is_open:
        return []
    before = round_.due_on - datetime.timedelta(days=round_.remind_days_before)
    if today >= round_.due_on + datetime.timedelta(days=round_.remind_days_after):
        return [Reminder.Kind.AFTER]
    if before <= today < round_.due_on:
        return [Reminder.Kind.BEFORE]
    return [Reminder.Kind.OPENING]


SUBJECTS = {
    Reminder.Kind.OPENING: "Updates for {round} are open: due {due}",
    Reminder.Kind.BEFORE: "Reminder: your updates for {round} are due {due}",
    Reminder.Kind.AFTER: "Overdue: your updates for {round} were due {due}",
}


def _body(round_, kind, organisation, activities, link) -> str:
    area = round_.plan.area
    lines = [
        f"The Local Skills Improvement Plan for {area.name} asks {organisation.name} for an "
        f"update on the activities it leads, for {round_.name} "
        f"({round_.period_start:%d %B %Y} to {round_.period_end:%d %B %Y}).",
        "",
        f"Due: {round_.due_on:%d %B %Y}",
        "",
        "Still to report:",
        *(f"- {a.title}" for a in activities),
        "",
        f"Report here: {link}",
    ]
    if kind == Reminder.Kind.AFTER:
        lines[:0] = ["These updates are now overdue.", ""]
    return "\n".join(lines)


def send_due(round_: Round, today: datetime.date | None = None, progress=None) -> list[Reminder]:
    """Send the round's emails that are due today to those who still owe, each once; returns
    the reminders sent now. An email that fails is not recorded, so the next run retries it."""
    today = today or timezone.localdate()
    area = round_.plan.area
    link = settings.LSIP_BASE_URL.rstrip("/") + reverse(
        "delivery:my-updates", kwargs={"area_slug": area.slug}
    )
    sent = []
    outstanding = silent(round_)
    for kind in kinds_due(round_, today):
        for number, entry in enumerate(outstanding):
            if progress:
                progress(number, len(outstanding), f"{Reminder.Kind(kind).label}")
            for address in recipients(area, entry.organisation):
                try:
                    with transaction.atomic():
                        reminder = Reminder.objects.create(
                            round=round_,
                            kind=kind,
                            organisation=entry.organisation,
                            recipient=address,
                        )
                        send_mail(
                            SUBJECTS[kind].format(
                                round=round_.name, due=f"{round_.due_on:%d %B %Y}"
                            ),
                            _body(round_, kind, entry.organisation, entry.outstanding, link),
                            None,
                            [address],
                        )
                except IntegrityError:
                    continue  # already sent
                except OSError:
                    logger.exception("Could not send the %s email to %s", kind, address)
                    continue
                sent.append(reminder)
    return sent


def send_question(update) -> list[str]:
    """Email the ERB's question on a sent-back update to whoever submitted it (else to the
    organisation's partner contributors); returns the addresses."""
    area = update.organisation.area
    submitter = update.submitted_by
    addresses = (
        [submitter.email or submitter.username]
        if submitter is not None and submitter.is_active
        else recipients(area, update.organisation)
    )
    link = settings.LSIP_BASE_URL.rstrip("/") + reverse(
        "delivery:update-new", kwargs={"area_slug": area.slug, "pk": update.activity_id}
    )
    body = "\n".join(
        [
            f"The ERB has a question on your update on “{update.activity.title}” "
            f"(as at {update.as_of:%d %B %Y}):",
            "",
            update.question,
            "",
            f"Answer it with a new update: {link}?answers={update.pk}",
        ]
    )
    for address in addresses:
        send_mail(f"A question on your update: {update.activity.title}", body, None, [address])
    return addresses


def open_rounds():
    return Round.objects.filter(closed_on__isnull=True).select_related("plan__area")


MILESTONE = re.compile(r"^\s*(?P<when>[^:]{3,40}):\s*(?P<what>.+)$")


def parse_milestones(text: str) -> list[tuple[datetime.date, str]]:
    """The dated lines of an activity's milestones ("March 2027: first cohort recruited");
    a month without a day means its last day. Lines without a date are left out."""
    found = []
    for line in (text or "").splitlines():
        match = MILESTONE.match(line)
        if not match:
            continue
        when = match["when"].strip()
        try:
            first = dateparser.parse(when, default=datetime.datetime(2000, 1, 1), dayfirst=True)
            second = dateparser.parse(when, default=datetime.datetime(2000, 1, 2), dayfirst=True)
        except (ValueError, OverflowError):
            continue
        day = first.date()
        if first.day != second.day:  # no day given: the end of the month
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        found.append((day, match["what"].strip()))
    return found


@dataclass(frozen=True)
class OverdueMilestone:
    activity: object
    due: datetime.date
    what: str
    leads: str


def overdue_milestones(plan, today: datetime.date | None = None) -> list[OverdueMilestone]:
    """Milestones whose date has passed on activities not complete, with no accepted update
    dated on or after the milestone (nobody has said where it stands since it fell due)."""
    today = today or timezone.localdate()
    result = []
    for progress in activity_progress(plan, today):
        if progress.status == Status.COMPLETE:
            continue
        activity = progress.activity
        leads = ", ".join(o.name for o in activity.leads.all())
        for due, what in parse_milestones(activity.milestones):
            if due >= today:
                continue
            if progress.as_of and progress.as_of >= due:
                continue
            result.append(OverdueMilestone(activity, due, what, leads))
    return sorted(result, key=lambda m: (m.due, m.activity.title))


def updates_in(round_: Round):
    return Update.objects.filter(Q(round=round_)).select_related("activity", "organisation")

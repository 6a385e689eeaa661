"""The board's meetings: the schedule, the report-back of written decisions, the action log
and the recordings to destroy (Marches ToR 4: 6-weekly from October 2025 to May 2026, then
bi-monthly with the board's majority agreement; recordings destroyed once minutes are done)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.audit.context import acting_as
from lsip.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Meeting,
    Person,
)


def dates_every(start: date, until: date, *, weeks: int = 0, months: int = 0) -> list[date]:
    """Meeting dates from `start` to `until` (inclusive), every N weeks or N months (a day
    past the end of a shorter month falls on its last day)."""
    if (weeks > 0) == (months > 0):
        raise ValidationError("Give the interval in weeks or in months")
    found, n = [], 0
    while True:
        if weeks:
            when = start + timedelta(weeks=weeks * n)
        else:
            month = start.month - 1 + months * n
            year, month = start.year + month // 12, month % 12 + 1
            day = min(start.day, _days_in(year, month))
            when = date(year, month, day)
        if when > until:
            return found
        found.append(when)
        n += 1


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


#: Marches ToR 4: the board meets 6-weekly; less often only with its majority agreement.
STANDING_INTERVAL = timedelta(weeks=6)


def schedule(
    board: Board,
    dates: list[date],
    *,
    actor,
    agreed_by: Decision | None = None,
    title: str = "Board meeting",
) -> list[Meeting]:
    """Create the meetings on `dates` that do not exist yet. Meeting less often than the
    terms of reference set (gaps over six weeks) needs the passed decision that agreed it."""
    if agreed_by is not None and agreed_by.outcome != Decision.Outcome.PASSED:
        raise ValidationError("The board has not agreed this schedule: the decision did not pass")
    ordered = sorted(dates)
    sparse = any(b - a > STANDING_INTERVAL for a, b in zip(ordered, ordered[1:], strict=False))
    if sparse and agreed_by is None:
        raise ValidationError(
            "Meetings more than six weeks apart need the board's majority agreement: cite the "
            "decision that agreed the schedule"
        )
    existing = set(board.meetings.values_list("date", flat=True))
    with transaction.atomic(), acting_as(actor):
        made = [
            Meeting.objects.create(board=board, date=when, title=title)
            for when in dates
            if when not in existing
        ]
        for meeting in made:
            add_pending_report_backs(meeting)
    return made


def next_meeting(board: Board, after: date) -> Meeting | None:
    return (
        board.meetings.filter(date__gt=after, status=Meeting.Status.SCHEDULED)
        .order_by("date")
        .first()
    )


def report_back(decision: Decision) -> AgendaItem | None:
    """ToR: a decision by written procedure is reported and reviewed at the next board
    meeting: put it on that agenda (once); None while no later meeting is scheduled."""
    meeting = next_meeting(decision.board, decision.decided_on)
    if meeting is None or AgendaItem.objects.filter(report_back_of=decision).exists():
        return None
    return AgendaItem.objects.create(
        meeting=meeting,
        position=meeting.agenda.count(),
        title=f"Report and review: decided by written procedure on "
        f"{decision.decided_on:%-d %B %Y}: {decision.question}",
        report_back_of=decision,
    )


def add_pending_report_backs(meeting: Meeting) -> None:
    """Give a newly scheduled meeting the written decisions still waiting to be reported."""
    waiting = Decision.objects.filter(
        board=meeting.board, method=Decision.Method.WRITTEN, decided_on__lt=meeting.date
    )
    for decision in waiting:
        report_back(decision)


def overdue_actions(board: Board, today: date | None = None):
    today = today or date.today()
    return ActionItem.objects.filter(meeting__board=board, done_on__isnull=True, due__lt=today)


def recordings_to_destroy(board: Board):
    """Meetings whose minutes are approved while their recording is still held."""
    return board.meetings.filter(
        recorded=True, minutes_approved_on__isnull=False, recording_destroyed_on__isnull=True
    )


def record_attendance(meeting: Meeting, statuses: dict, *, actor) -> None:
    """Record who attended (person -> status, "" to clear). Marches ToR 4: a nominated
    stand-in attends in place of a member who cannot, never beside them."""
    attending = (Attendance.Status.PRESENT, Attendance.Status.STAND_IN)
    problems = []
    for person, status in statuses.items():
        if status == Attendance.Status.STAND_IN and person.kind != Person.Kind.STAND_IN:
            problems.append(f"{person} is not a stand-in")
        if person.kind == Person.Kind.STAND_IN and status in attending:
            member = person.stands_in_for
            if statuses.get(member) == Attendance.Status.PRESENT:
                problems.append(
                    f"{member} is present, so their stand-in {person} cannot attend in their "
                    "place: record the stand-in as absent, or the member's apologies"
                )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic(), acting_as(actor):
        for person, status in statuses.items():
            if status:
                Attendance.objects.update_or_create(
                    meeting=meeting, person=person, defaults={"status": status}
                )
            else:
                for record in Attendance.objects.filter(meeting=meeting, person=person):
                    record.delete()

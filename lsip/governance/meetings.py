"""The board's meetings: the schedule, the report-back of written decisions, the action log
and the recordings to destroy (Marches ToR 4: 6-weekly from October 2025 to May 2026, then
bi-monthly with the board's majority agreement; recordings destroyed once minutes are done)."""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.audit.context import acting_as, save_as
from lsip.governance.frequency import check_schedule, is_working_day
from lsip.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Meeting,
    Paper,
    Person,
)

#: What a board paper may be, and how large (the board's papers are shared documents).
PAPER_EXTENSIONS = {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".pptx", ".odt", ".ods", ".txt"}
PAPER_MAX_BYTES = 20 * 1024 * 1024


def schedule(
    board: Board,
    dates: list[date],
    *,
    actor,
    agreed_by: Decision | None = None,
    title: str = "Board meeting",
) -> list[Meeting]:
    """Create the meetings on `dates` that do not exist yet, within the board's meeting
    frequencies (`frequency.check_schedule`, Marches ToR 4); a reduced frequency the board
    agreed (`agreed_by`) is recorded on the periods it reduces."""
    holidays = [when for when in dates if not is_working_day(when)]
    if holidays:
        raise ValidationError(
            [f"{when:%A %-d %B %Y} is a weekend or a bank holiday" for when in holidays]
        )
    reduced = check_schedule(board, dates, agreed_by)
    existing = set(board.meetings.values_list("date", flat=True))
    with transaction.atomic(), acting_as(actor):
        made = [
            Meeting.objects.create(board=board, date=when, title=title)
            for when in dates
            if when not in existing
        ]
        for meeting in made:
            add_pending_report_backs(meeting)
        for period in reduced:
            period.reduced_by = agreed_by
            period.save()
    return made


def save_meeting(meeting: Meeting, *, actor) -> Meeting:
    """Save a change to a meeting (its title, status, minutes and recording), validated by
    the meeting's own rules (`Meeting.clean`) and audited."""
    return save_as(actor, meeting)


def check_paper_file(upload) -> None:
    """A board paper is a PDF, Word, Excel, PowerPoint, OpenDocument or text file of at most
    20MB, so every member can open it."""
    if Path(upload.name).suffix.lower() not in PAPER_EXTENSIONS:
        raise ValidationError(
            {"file": "The paper must be a PDF, Word, Excel, PowerPoint, OpenDocument or text file"}
        )
    if upload.size > PAPER_MAX_BYTES:
        raise ValidationError({"file": "The paper must be smaller than 20MB"})


def add_paper(item: AgendaItem, *, title: str, file, actor) -> Paper:
    """Attach a paper to an agenda item, once its file passes `check_paper_file`."""
    check_paper_file(file)
    return save_as(actor, Paper(item=item, title=title, file=file))


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
        if person.board_id != meeting.board_id:
            problems.append(f"{person} is not on this meeting's board")
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

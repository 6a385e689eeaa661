"""An area's timeline for one cycle: the deadlines Skills England set (SG 3.5), where the plan
stands, what is due next, and what is overdue across the plan (its deadlines), delivery (the
Annex B activities past their end) and governance (the board's overdue actions, meetings
held without minutes, register declarations awaited)."""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse

from lsip.approval.lifecycle import Kind, current_step, history
from lsip.approval.models import CycleCalendar


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


@dataclass
class Deadline:
    key: str
    label: str
    due: date | None
    done_by: str  # the step kind that meets it
    met_on: date | None = None
    note: str = ""

    def state(self, today: date) -> str:
        if self.met_on:
            return "met late" if self.due and self.met_on > self.due else "met"
        if self.due is None:
            return "not set"
        return "overdue" if self.due < today else "due"


@dataclass
class Overdue:
    part: str  # "Plan", "Delivery", "Governance"
    what: str
    due: date | None
    url: str = ""


@dataclass
class Timeline:
    cycle: object
    position: object
    deadlines: list[Deadline]
    next_due: Deadline | None
    overdue: list[Overdue] = field(default_factory=list)
    today: date | None = None


#: The deadlines of SG 3.5, with the step that meets each and the cycle field overriding it.
DEADLINES = [
    ("substantive_draft_due", "Substantive draft submitted", Kind.DRAFT_SUBMITTED),
    ("final_due", "Final version submitted", Kind.FINAL_SUBMITTED),
    ("publication_due", "Plan published", Kind.PUBLISHED),
]


def calendar_for(cycle) -> CycleCalendar | None:
    return CycleCalendar.objects.filter(start_year=cycle.start_year).first()


def deadlines(cycle) -> list[Deadline]:
    """The cycle's deadlines: its own date where the ERB's admin set one, else Skills
    England's calendar for the cycle's start year; each met by the first step of its kind."""
    calendar = calendar_for(cycle)
    taken = {}
    for step in history(cycle):
        taken.setdefault(step.kind, step.at.date())
    result = []
    for key, label, kind in DEADLINES:
        due = getattr(cycle, key) or (getattr(calendar, key) if calendar else None)
        note = calendar.publication_note if (calendar and key == "publication_due") else ""
        result.append(Deadline(key, label, due, kind, taken.get(kind), note))
    return result


def overdue(cycle, today: date) -> list[Overdue]:
    from lsip.governance.models import ActionItem, Meeting, RegisterEntry
    from lsip.plans.models import Activity

    area = cycle.area
    found = [
        Overdue("Plan", f"{d.label} (due {_day(d.due)})", d.due)
        for d in deadlines(cycle)
        if d.state(today) == "overdue"
    ]
    activities = (
        Activity.objects.filter(action__priority__plan__cycle=cycle, end__lt=today)
        .exclude(status__in=[Activity.Status.COMPLETE, Activity.Status.STOPPED])
        .select_related("action__priority__plan")
        .order_by("end")
    )
    for activity in activities:
        found.append(
            Overdue(
                "Delivery",
                f"Activity “{activity}” was to finish by {_day(activity.end)} "
                f"({activity.get_status_display().lower()}, {activity.percent_complete}% done)",
                activity.end,
                reverse(
                    "plans:plan-detail",
                    kwargs={"area_slug": area.slug, "pk": activity.action.priority.plan.pk},
                ),
            )
        )
    actions = ActionItem.objects.filter(
        meeting__board__cycle=cycle, due__lt=today, done_on__isnull=True
    ).select_related("meeting__board")
    for item in actions:
        found.append(
            Overdue(
                "Governance",
                f"Board action “{item}” ({item.owner}) was due {_day(item.due)}",
                item.due,
                item.meeting.board.get_absolute_url(),
            )
        )
    meetings = Meeting.objects.filter(
        board__cycle=cycle, status=Meeting.Status.HELD, minutes_approved_on__isnull=True
    ).select_related("board")
    for meeting in meetings:
        found.append(
            Overdue(
                "Governance",
                f"Minutes of {meeting.title} on {_day(meeting.date)} not yet approved",
                meeting.date,
                meeting.board.get_absolute_url(),
            )
        )
    awaited = RegisterEntry.objects.filter(
        person__board__cycle=cycle,
        person__left_on__isnull=True,
        status=RegisterEntry.Status.AWAITED,
        requested_on__lt=today,
    ).select_related("person__board")
    for entry in awaited:
        found.append(
            Overdue(
                "Governance",
                f"Register of interests: {entry.person}'s declaration awaited since "
                f"{_day(entry.requested_on)}",
                entry.requested_on,
                reverse(
                    "governance:register",
                    kwargs={"area_slug": area.slug, "pk": entry.person.board_id},
                ),
            )
        )
    return found


def timeline(area, cycle=None, today: date | None = None) -> Timeline | None:
    """The timeline of `area`'s cycle (by default its current one); None with no cycle."""
    today = today or date.today()
    position = current_step(area, cycle)
    if position is None:
        return None
    cycle = position.cycle
    dates = deadlines(cycle)
    next_due = next((d for d in dates if not d.met_on and d.due), None)
    return Timeline(cycle, position, dates, next_due, overdue(cycle, today), today)

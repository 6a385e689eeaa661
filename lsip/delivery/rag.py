"""The red, amber, green roll-up of the plan's delivery (SG 6 and 7: tracking progress and
impact). The rules, also in docs/delivery.md and decision 0071:

An activity, on the date looked at:

1. **Green** when complete.
2. **Red** when off track, or when its end date has passed and it is not complete.
3. **Amber** when at risk; when its start date has passed and it has not started; or when
   its per cent complete is more than 25 points behind the share of its time that has gone.
4. **Green** otherwise (on track, or not started before its start date).

An action rolls up its activities, a priority its actions, the plan its priorities, each by
the same rule: **red** when at least a third of the parts are red, **amber** when any part is
red or amber, **green** when every part is green, and **grey** ("nothing to judge") when it
has no parts. Grey parts are left out of the count.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.utils import timezone

from lsip.delivery.models import Status
from lsip.delivery.progress import ActivityProgress, activity_progress

#: How many percentage points behind the time elapsed makes an activity amber.
BEHIND_BY = 25


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    GREY = "grey"

    @property
    def label(self) -> str:
        return {"red": "Red", "amber": "Amber", "green": "Green", "grey": "No activities"}[self]

    @property
    def tag(self) -> str:
        """The GOV.UK tag modifier that shows the colour."""
        return {"red": "red", "amber": "yellow", "green": "green", "grey": "grey"}[self]


@dataclass
class ActivityRag:
    progress: ActivityProgress
    rag: Rag
    reason: str

    @property
    def activity(self):
        return self.progress.activity


@dataclass
class ActionRag:
    action: object
    rag: Rag
    activities: list[ActivityRag] = field(default_factory=list)


@dataclass
class PriorityRag:
    priority: object
    rag: Rag
    actions: list[ActionRag] = field(default_factory=list)


@dataclass
class PlanRag:
    plan: object
    on: date
    rag: Rag
    priorities: list[PriorityRag] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The plan's colour in words ("Amber"), as summaries across areas show it."""
        return self.rag.label

    def __str__(self):
        return self.label

    def activities(self) -> list[ActivityRag]:
        return [a for p in self.priorities for act in p.actions for a in act.activities]

    def limited_to(self, activity_ids) -> "PlanRag":
        """The same roll-up showing only the activities in `activity_ids` (and the actions and
        priorities that hold one): what a partner contributor sees of it (decision 0074). The
        colours of the actions, priorities and plan stay those of the whole plan."""
        ids = set(activity_ids)
        priorities = []
        for priority in self.priorities:
            actions = [
                ActionRag(a.action, a.rag, [x for x in a.activities if x.activity.pk in ids])
                for a in priority.actions
            ]
            actions = [a for a in actions if a.activities]
            if actions:
                priorities.append(PriorityRag(priority.priority, priority.rag, actions))
        return PlanRag(self.plan, self.on, self.rag, priorities)

    def counts(self) -> dict[str, int]:
        """How many activities are red, amber and green."""
        counts = {r.value: 0 for r in Rag}
        for a in self.activities():
            counts[a.rag.value] += 1
        return counts


def activity_rag(progress: ActivityProgress, on: date) -> tuple[Rag, str]:
    """One activity's colour on `on`, and why (rules 1 to 4 above)."""
    activity, status = progress.activity, progress.status
    if status == Status.COMPLETE:
        return Rag.GREEN, "Complete"
    if status == Status.OFF_TRACK:
        return Rag.RED, "Off track"
    if activity.end and on > activity.end:
        return Rag.RED, f"Past its end date ({activity.end:%d %B %Y}) and not complete"
    if status == Status.AT_RISK:
        return Rag.AMBER, "At risk"
    started = activity.start and on >= activity.start
    if status == Status.NOT_STARTED and started:
        return Rag.AMBER, "Not started, though its start date has passed"
    if started and activity.end and activity.end > activity.start:
        elapsed = (on - activity.start).days / (activity.end - activity.start).days * 100
        if progress.percent + BEHIND_BY < elapsed:
            return (
                Rag.AMBER,
                f"{progress.percent}% complete with {elapsed:.0f}% of its time gone",
            )
    if status == Status.NOT_STARTED:
        return Rag.GREEN, "Not due to start yet"
    return Rag.GREEN, "On track"


def roll_up(colours) -> Rag:
    """The colour of a whole from its parts' colours (the rule above)."""
    judged = [c for c in colours if c != Rag.GREY]
    if not judged:
        return Rag.GREY
    reds = sum(1 for c in judged if c == Rag.RED)
    if reds * 3 >= len(judged):
        return Rag.RED
    if reds or any(c == Rag.AMBER for c in judged):
        return Rag.AMBER
    return Rag.GREEN


def plan_rag(plan, on: date | None = None) -> PlanRag:
    """The plan's colour and each priority's, action's and activity's on `on` (today when not
    given), in plan order. Priorities and actions with no activities are grey."""
    on = on or timezone.localdate()
    by_action: dict = {}
    for progress in activity_progress(plan, on):
        rag, reason = activity_rag(progress, on)
        by_action.setdefault(progress.activity.action_id, []).append(
            ActivityRag(progress, rag, reason)
        )
    priorities = []
    for priority in plan.priorities.order_by("position", "created_on").prefetch_related("actions"):
        actions = []
        for action in sorted(priority.actions.all(), key=lambda a: (a.position, a.created_on)):
            activities = by_action.get(action.pk, [])
            actions.append(ActionRag(action, roll_up(a.rag for a in activities), activities))
        priorities.append(PriorityRag(priority, roll_up(a.rag for a in actions), actions))
    return PlanRag(plan, on, roll_up(p.rag for p in priorities), priorities)

"""The lifecycle of an area's plan in one cycle (SG 3.5, 3.6, 3.7): developing; substantive
draft submitted; feedback received; final version submitted; approved; published; in
delivery; closed or replaced. Each step records who took it, when, and the plan frozen as it
then stood (a `plans.Snapshot`); a step not allowed yet says why.

Who takes a step: the ERB submits, publishes and closes (the Act makes the ERB submit the plan,
SG 3.5, and publish it, SG 3.7); Skills England records its feedback and the Secretary of
State's approval, which comes through it (SG 3.5). The cycle's status follows the steps.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lsip.accounts.access import can, roles_in
from lsip.accounts.roles import Capability, Role
from lsip.approval import disagreements, feedback, joint
from lsip.approval.models import Step
from lsip.areas.models import Cycle
from lsip.audit.context import acting_as, save_as

Kind = Step.Kind

#: Where each step may lead.
NEXT = {
    Kind.DEVELOPING: [Kind.DRAFT_SUBMITTED],
    Kind.DRAFT_SUBMITTED: [Kind.FEEDBACK_RECEIVED, Kind.FINAL_SUBMITTED],
    Kind.FEEDBACK_RECEIVED: [Kind.FINAL_SUBMITTED],
    # A plan not approved has its reasons fed back (SG 3.5): feedback again.
    Kind.FINAL_SUBMITTED: [Kind.APPROVED, Kind.FEEDBACK_RECEIVED],
    Kind.APPROVED: [Kind.PUBLISHED],
    Kind.PUBLISHED: [Kind.IN_DELIVERY, Kind.REPLACED],
    Kind.IN_DELIVERY: [Kind.CLOSED, Kind.REPLACED],
    Kind.CLOSED: [],
    Kind.REPLACED: [],
}

#: The steps Skills England records; the ERB takes every other.
SKILLS_ENGLAND_STEPS = {Kind.FEEDBACK_RECEIVED, Kind.APPROVED}
SUBMISSIONS = {Kind.DRAFT_SUBMITTED, Kind.FINAL_SUBMITTED}

#: The cycle's status after each step.
STATUS = {
    Kind.DEVELOPING: Cycle.Status.DEVELOPING,
    Kind.DRAFT_SUBMITTED: Cycle.Status.SUBMITTED,
    Kind.FEEDBACK_RECEIVED: Cycle.Status.SUBMITTED,
    Kind.FINAL_SUBMITTED: Cycle.Status.SUBMITTED,
    Kind.APPROVED: Cycle.Status.APPROVED,
    Kind.PUBLISHED: Cycle.Status.PUBLISHED,
    Kind.IN_DELIVERY: Cycle.Status.PUBLISHED,
    Kind.CLOSED: Cycle.Status.CLOSED,
    Kind.REPLACED: Cycle.Status.CLOSED,
}


class StepRefusedError(ValidationError):
    """A step that is not allowed now, with every reason."""

    def __init__(self, kind, reasons: list[str], needs_confirmation: bool = False):
        self.kind = kind
        self.reasons = reasons
        self.needs_confirmation = needs_confirmation
        super().__init__(reasons)


def current_cycle(area) -> Cycle | None:
    """The area's cycle the lifecycle is about: of the cycles not closed, the newest whose
    years include this year, else the newest not closed, else the newest of all."""
    cycles = list(Cycle.objects.filter(area=area).order_by("-start_year"))
    year = date.today().year
    open_ = [c for c in cycles if c.status != Cycle.Status.CLOSED]
    for cycle in open_:
        if cycle.start_year <= year <= cycle.end_year:
            return cycle
    return (open_ or cycles or [None])[0]


@dataclass
class Position:
    """Where a cycle stands: its latest step (None while it is being developed)."""

    area: object
    cycle: Cycle
    step: Step | None

    @property
    def kind(self) -> str:
        return self.step.kind if self.step else Kind.DEVELOPING

    @property
    def label(self) -> str:
        return Kind(self.kind).label

    @property
    def at(self):
        return self.step.at if self.step else None

    @property
    def actor(self):
        return self.step.actor if self.step else None

    @property
    def next_kinds(self) -> list[str]:
        return list(NEXT[Kind(self.kind)])


def current_step(area, cycle=None) -> Position | None:
    """Where `area`'s plan stands in `cycle` (by default `current_cycle`): a `Position` with
    `.kind`, `.label`, `.at`, `.actor`, `.step`, `.cycle`; None if the area has no cycle."""
    cycle = cycle or current_cycle(area)
    if cycle is None:
        return None
    step = Step.objects.filter(cycle=cycle).order_by("-at", "-created_on").first()
    return Position(area, cycle, step)


def history(cycle) -> list[Step]:
    return list(
        Step.objects.filter(cycle=cycle)
        .select_related("actor", "snapshot", "snapshot__revision")
        .order_by("at", "created_on")
    )


def may_take(user, area, kind: str) -> bool:
    """Skills England's reviewer records feedback and approval; the ERB's admin the rest."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    if kind in SKILLS_ENGLAND_STEPS:
        return Role.SKILLS_ENGLAND_REVIEWER in roles_in(user, area)
    return can(user, area, Capability.MANAGE_AREA)


def _plan(cycle):
    from lsip.plans.models import Plan

    return Plan.objects.filter(cycle=cycle).select_related("area", "cycle").first()


def problems(cycle, kind: str, report=None) -> list[str]:
    """Why `kind` cannot be the cycle's next step now (not counting readiness failures that
    a person may confirm, nor who is asking). Empty when it can."""
    position = current_step(cycle.area, cycle)
    if kind not in position.next_kinds:
        allowed = ", ".join(Kind(k).label.lower() for k in position.next_kinds) or "nothing"
        return [f"The plan is at “{position.label}”: the next step can only be {allowed}"]
    plan = _plan(cycle)
    found = []
    if plan is None and kind != Kind.CLOSED:
        return ["The cycle has no plan"]
    if kind in SUBMISSIONS or kind == Kind.APPROVED:
        report = report or _report(plan)
        found += [c.found for c in report.blocking]
    if kind in SUBMISSIONS:
        found += joint.problems_for_submission(cycle)
        found += disagreements.problems_for_submission(cycle)
    if kind == Kind.FINAL_SUBMITTED:
        found += feedback.problems_for_final(cycle)
    if kind == Kind.APPROVED:
        found += joint.problems_for_approval(cycle)
    return found


def _report(plan):
    from lsip.approval.readiness import check_plan

    return check_plan(plan)


def _publish(plan, actor):
    """Publication belongs to the documents app (issue 12: it freezes the plan and keeps the
    published document); the published step publishes through it, and the step is only
    recorded where that app is not installed."""
    try:
        from lsip.documents.publication import publish_plan
    except ImportError:
        return None
    return publish_plan(plan, actor)


def take(cycle, kind: str, *, actor, note: str = "", confirm_failures: bool = False) -> Step:
    """Take the next step of the cycle's lifecycle: checks who may, whether it may follow
    the current step and what it needs (readiness, joint confirmation, disagreements,
    answered feedback), then records it with a snapshot of the plan and moves the cycle's
    status. A submission with failing checks needs `confirm_failures`."""
    area = cycle.area
    if not may_take(actor, area, kind):
        who = "Skills England" if kind in SKILLS_ENGLAND_STEPS else "the ERB's admin"
        raise PermissionDenied(f"Only {who} can record “{Kind(kind).label}”")
    plan = _plan(cycle)
    report = _report(plan) if plan is not None else None
    reasons = problems(cycle, kind, report)
    if reasons:
        raise StepRefusedError(kind, reasons)
    failed = report.failures if (report and kind in SUBMISSIONS) else []
    if failed and not confirm_failures:
        raise StepRefusedError(
            kind,
            [
                f"{len(failed)} readiness check{'s' if len(failed) > 1 else ''} fail: confirm to "
                "submit anyway"
            ],
            needs_confirmation=True,
        )
    from lsip.plans import revisions

    with transaction.atomic(), acting_as(actor):
        now = timezone.now()
        snapshot = None
        if kind == Kind.PUBLISHED and plan is not None:
            publication = _publish(plan, actor)
            snapshot = getattr(publication, "snapshot", None)
        if plan is not None and snapshot is None:
            count = Step.objects.filter(cycle=cycle).count() + 1
            name = f"{Kind(kind).label} on {now.day} {now:%B %Y} (step {count})"
            snapshot = revisions.freeze(plan, name, actor)
        step = save_as(
            actor,
            Step(
                area=area,
                cycle=cycle,
                kind=kind,
                at=now,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                snapshot=snapshot,
                note=note.strip(),
                readiness=report.summary() if report else {},
                failures_confirmed=bool(failed),
            ),
        )
        status = STATUS[Kind(kind)]
        if cycle.status != status:
            cycle.status = status
            save_as(actor, cycle)
    return step


def submitted_snapshots(cycle):
    """The snapshots frozen at each submission, oldest first (for feedback and the diff)."""
    return [s.snapshot for s in history(cycle) if s.kind in SUBMISSIONS and s.snapshot]

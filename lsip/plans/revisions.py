"""The plan as a living document (SG Annex A: the activities table is a live document; the
plan is reviewed through its three years): every change makes a numbered revision holding
the whole plan; any two revisions can be compared; a snapshot freezes one by name.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from lsip.audit.recorder import snapshot
from lsip.plans.models import Plan, Revision, Snapshot

#: The parts of the document, in the order of the plan, with each item's label field.
SECTIONS = [
    ("priorities", "Priority", "title"),
    ("actions", "Action", "title"),
    ("activities", "Activity", "title"),
    ("occupations", "Annex A entry", "name"),
    ("outcomes", "Outcome", "name"),
    ("context_links", "Context link", "name"),
    ("duties", "Duty", "kind"),
]
SKIPPED = {"version", "position", "plan", "created_on", "modified_on"}


def _item(instance, **links) -> dict:
    values = {k: v for k, v in snapshot(instance).items() if k not in SKIPPED}
    values.update(links)
    return values


def _names(related) -> list[str]:
    return sorted(str(r) for r in related.all())


def document(plan: Plan) -> dict:
    """The whole plan as plain data: {"plan": {...}, section: {item id: {field: value}}}."""
    doc = {"plan": _item(plan), **{name: {} for name, _, _ in SECTIONS}}
    for priority in plan.priorities.prefetch_related("sectors", "skills_needs"):
        doc["priorities"][str(priority.pk)] = _item(
            priority,
            place=priority.position + 1,  # the plan's order: a move shows as a change
            sectors=_names(priority.sectors),
            skills_needs=_names(priority.skills_needs),
        )
        for action in priority.actions.all():
            doc["actions"][str(action.pk)] = _item(action, priority=priority.title)
            for activity in action.activities.prefetch_related("leads", "partners"):
                doc["activities"][str(activity.pk)] = _item(
                    activity,
                    action=action.title,
                    leads=_names(activity.leads),
                    partners=_names(activity.partners),
                )
    for entry in plan.occupations.all():
        doc["occupations"][str(entry.pk)] = _item(entry)
    for outcome in plan.outcomes.prefetch_related("priorities"):
        doc["outcomes"][str(outcome.pk)] = _item(outcome, priorities=_names(outcome.priorities))
    for link in plan.context_links.prefetch_related("priorities"):
        doc["context_links"][str(link.pk)] = _item(link, priorities=_names(link.priorities))
    for duty in plan.duties.prefetch_related("priorities", "actions"):
        doc["duties"][str(duty.pk)] = _item(
            duty, priorities=_names(duty.priorities), actions=_names(duty.actions)
        )
    return doc


#: While `one_revision` runs: the plans changed, by id, whose revision waits for its end.
_pending: ContextVar[dict | None] = ContextVar("plans changed in one revision", default=None)


@contextmanager
def one_revision(actor, summary: str):
    """Make every change inside one revision of each plan it touches, recorded at the end
    (for example the demo, which loads its whole plan as version 1). Use inside a transaction;
    nothing is recorded if the block fails. A snapshot is frozen after the block."""
    pending: dict = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for plan in pending.values():
        record(plan, actor, summary)


def record(plan: Plan, actor, summary: str) -> Revision | None:
    """Keep the plan as it now stands as its next revision (inside the change's transaction),
    or, inside `one_revision`, once at its end (None here)."""
    pending = _pending.get()
    if pending is not None:
        pending[plan.pk] = plan
        return None
    with transaction.atomic():
        Plan.objects.select_for_update().filter(pk=plan.pk).first()
        last = plan.revisions.aggregate(n=Max("number"))["n"] or 0
        return Revision.objects.create(
            plan=plan,
            number=last + 1,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            summary=summary[:300],
            document=document(plan),
        )


@dataclass(frozen=True)
class Change:
    """One difference between two revisions: an item added, removed or changed field."""

    section: str
    item: str
    kind: str  # "added" | "removed" | "changed"
    field: str = ""
    before: object = None
    after: object = None


def diff(old: dict, new: dict) -> list[Change]:
    """What changed from one document to another, section by section, item by item."""
    changes = [
        Change("Plan", "The plan", "changed", name, old["plan"].get(name), value)
        for name, value in new["plan"].items()
        if old["plan"].get(name) != value
    ]
    for section, label, title in SECTIONS:
        before, after = old.get(section, {}), new.get(section, {})
        for key in after.keys() - before.keys():
            changes.append(Change(label, str(after[key].get(title)), "added"))
        for key in before.keys() - after.keys():
            changes.append(Change(label, str(before[key].get(title)), "removed"))
        for key in after.keys() & before.keys():
            for name, value in after[key].items():
                if before[key].get(name) != value:
                    changes.append(
                        Change(
                            label,
                            str(after[key].get(title)),
                            "changed",
                            name,
                            before[key].get(name),
                            value,
                        )
                    )
    return changes


def freeze(plan: Plan, name: str, actor) -> Snapshot:
    """Freeze the plan as it now stands under `name`; later edits never alter it."""
    with transaction.atomic():
        revision = plan.revisions.first() or record(plan, actor, "Plan as first recorded")
        person = actor if getattr(actor, "is_authenticated", False) else None
        snapshot_ = Snapshot(plan=plan, name=name.strip(), revision=revision, frozen_by=person)
        # frozen_by may be empty when the system freezes (the demo, a command)
        snapshot_.full_clean(exclude=["frozen_by"] if person is None else None)
        snapshot_.save()
    return snapshot_

"""Changing the plan: every page, API call and command goes through these functions, which
validate, refuse a lost update (`locking`), record the audit trail and keep a revision."""

from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.areas.models import Cycle
from lsip.audit.context import acting_as
from lsip.plans import locking, merging, revisions
from lsip.plans.models import Action, Activity, Plan, Priority

#: SG Annex A: an LSIP sets out four to six overarching priorities.
FEWEST_PRIORITIES, MOST_PRIORITIES = 4, 6


def priority_count_warning(plan: Plan) -> str | None:
    """SG Annex A asks for 4 to 6 overarching priorities: a warning outside that range (a
    draft may be outside it while it is being written, so this warns and never refuses)."""
    count = plan.priorities.count()
    if FEWEST_PRIORITIES <= count <= MOST_PRIORITIES:
        return None
    return (
        f"The plan has {count} priorit{'y' if count == 1 else 'ies'}: the guidance asks for "
        f"{FEWEST_PRIORITIES} to {MOST_PRIORITIES} overarching priorities (SG Annex A)"
    )


def open_cycles(area):
    """The area's cycles that can take a new plan: without one, and not closed."""
    return Cycle.objects.filter(area=area, plan__isnull=True).exclude(status=Cycle.Status.CLOSED)


def create_plan(*, cycle, title: str, actor, summary: str = "") -> Plan:
    """Open the plan of a cycle (SG 2: one plan per three-year cycle); a closed cycle's plan
    is history and is not opened afresh."""
    if cycle.status == Cycle.Status.CLOSED:
        raise ValidationError(
            {"cycle": f"The {cycle.label} cycle is closed: its plan cannot be opened"}
        )
    with transaction.atomic(), acting_as(actor):
        plan = Plan(area=cycle.area, cycle=cycle, title=title, summary=summary)
        plan.full_clean()
        plan.save()
        revisions.record(plan, actor, f"Plan '{title}' opened")
    return plan


def save(
    instance,
    *,
    actor,
    expected_version: int | None = None,
    links: dict | None = None,
    summary: str | None = None,
    read: dict | None = None,
):
    """Create or change a plan item (or the plan), with its many-to-many `links`
    ({field: records}), in one transaction with its revision.

    Changing an existing item needs the `expected_version` the editor read: if someone saved
    it since, `locking.ConflictError` is raised and nothing is saved. With `read`, the
    values of the fields as the editor read them, only the fields they changed are applied
    to the item as it now stands (`merging.merge`), and the save is refused only if someone
    else changed one of those fields since."""
    creating = instance._state.adding
    label = instance._meta.verbose_name
    with transaction.atomic(), acting_as(actor):
        if read and not creating and expected_version is not None:
            links, expected_version = merging.merge(instance, read=read, links=links or {})
        instance.full_clean()
        if isinstance(instance, Activity):
            _check_organisations(instance, links or {}, creating=creating)
        if not creating:
            if expected_version is None:
                raise ValidationError("An edit must say which version of the item it changes")
            locking.claim(instance, expected_version)
        instance.save()
        for field, records in (links or {}).items():
            getattr(instance, field).set(records)
        plan = instance if isinstance(instance, Plan) else instance.plan
        verb = "added" if creating else "changed"
        revisions.record(plan, actor, summary or f"{label.capitalize()} '{instance}' {verb}")
    return instance


def _check_organisations(activity: Activity, links: dict, *, creating: bool) -> None:
    """The Annex B lead and partner rule (`Activity.organisation_errors`) on the links as they
    will stand after the save: those given, and the rest as they are."""

    def after_save(field):
        if field in links:
            return list(links[field])
        return [] if creating else list(getattr(activity, field).all())

    errors = Activity.organisation_errors(after_save("leads"), after_save("partners"))
    if errors:
        raise ValidationError(errors)


def delete(instance, *, actor, expected_version: int):
    """Remove a plan item (and what hangs from it), refusing if it changed since read."""
    plan = instance.plan
    with transaction.atomic(), acting_as(actor):
        locking.claim(instance, expected_version)
        name, label = str(instance), instance._meta.verbose_name
        instance.delete()
        revisions.record(plan, actor, f"{label.capitalize()} '{name}' removed")


def move_priority(priority: Priority, *, up: bool, actor) -> int:
    """Move a priority one place up or down the plan's order (the order the plan and its
    document list them in); returns its new place, from 1. The priorities whose place
    changes take a new version, audited, and the plan a revision. Moving the first up or the
    last down changes nothing."""
    plan = priority.plan
    with transaction.atomic(), acting_as(actor):
        siblings = Priority.objects.select_for_update().filter(plan=plan)
        ordered = list(siblings.order_by("position", "created_on"))
        index = next(n for n, item in enumerate(ordered) if item.pk == priority.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(ordered):
            return index + 1
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered):
            if item.position != position:
                locking.claim(item, item.version)
                item.position = position
                item.save()
        where = "up" if up else "down"
        revisions.record(plan, actor, f"Priority '{priority}' moved {where} to {other + 1}")
    return other + 1


def carry_forward(*, plan: Plan, cycle, title: str, priorities, actions, actor) -> Plan:
    """Open the plan of the next cycle from `plan`, carrying the chosen unfinished
    priorities and actions in condensed form (title and description, their sectors and
    codes; activities are planned afresh). An action is carried with its priority only."""
    chosen = {p.pk for p in priorities}
    with transaction.atomic(), acting_as(actor):
        new = Plan(area=plan.area, cycle=cycle, title=title, carried_from=plan)
        new.full_clean()
        new.save()
        for position, old in enumerate(plan.priorities.filter(pk__in=chosen)):
            copy = Priority.objects.create(
                plan=new,
                position=position,
                title=old.title,
                description=old.description,
                soc_codes=old.soc_codes,
                sic_codes=old.sic_codes,
                levels=old.levels,
                evidence_note=old.evidence_note,
                carried_from=old,
            )
            copy.sectors.set(old.sectors.all())
            for number, action in enumerate(a for a in actions if a.priority_id == old.pk):
                Action.objects.create(
                    priority=copy,
                    position=number,
                    title=action.title,
                    description=action.description,
                    aims=action.aims,
                    expected_outcomes=action.expected_outcomes,
                    measures=action.measures,
                    carried_from=action,
                )
        revisions.record(
            new, actor, f"Plan opened from {plan.cycle.label}, {len(chosen)} priorities carried"
        )
    return new


def unfinished_actions(plan: Plan):
    """Actions with an activity not complete (or none yet): what carry forward offers."""
    done = Activity.Status.COMPLETE
    return [
        action
        for action in Action.objects.filter(priority__plan=plan).prefetch_related("activities")
        if not action.activities.exists() or any(a.status != done for a in action.activities.all())
    ]

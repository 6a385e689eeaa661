"""Records every create, change and delete of an `AuditedModel` in the audit trail.

Signals are used here, against the house preference for explicit services, because the trail
must be complete whatever path a change takes: a page, the API, the admin, the CLI or a shell.
"""

import datetime
import decimal
import uuid

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import signals

from lsip.audit.context import current_actor
from lsip.audit.models import AuditedModel, AuditEntry


def connect():
    signals.pre_save.connect(_remember_previous, dispatch_uid="audit-pre-save")
    signals.post_save.connect(_record_save, dispatch_uid="audit-post-save")
    signals.post_delete.connect(_record_delete, dispatch_uid="audit-post-delete")
    signals.m2m_changed.connect(_record_links, dispatch_uid="audit-m2m-changed")


def snapshot(instance) -> dict:
    """The audited field values of a record as a person reads them, keyed by field name:
    related records by name, choices by label, everything else JSON-safe."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in instance.audit_ignore or field.primary_key:
            continue
        raw = getattr(instance, field.attname)
        if field.is_relation and raw is not None:
            values[field.name] = _related_name(instance, field, raw)
        elif field.choices and raw not in (None, ""):
            values[field.name] = str(dict(field.flatchoices).get(raw, raw))
        else:
            values[field.name] = _jsonable(raw)
    return values


def _related_name(instance, field, raw) -> str:
    """The related record as a person reads it, or its key when it cannot be read: in a
    cascade the related record, or one its name is made from, may be gone already."""
    try:
        related = getattr(instance, field.name)
        return str(related) if related is not None else str(raw)
    except ObjectDoesNotExist:
        return str(raw)


def _jsonable(value):
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    return str(value)


def _remember_previous(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, AuditedModel):
        return
    previous = None
    if not instance._state.adding:
        old = sender._base_manager.filter(pk=instance.pk).first()
        previous = snapshot(old) if old is not None else None
    instance._audit_previous = previous


def _record_save(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, AuditedModel):
        return
    current = snapshot(instance)
    previous = getattr(instance, "_audit_previous", None)
    if created or previous is None:
        changes = {
            name: [None, value] for name, value in current.items() if value not in (None, "")
        }
        action = AuditEntry.Action.CREATE
    else:
        changes = {
            name: [previous.get(name), value]
            for name, value in current.items()
            if previous.get(name) != value
        }
        if not changes:
            return
        action = AuditEntry.Action.UPDATE
    _write(instance, action, changes)


def _record_delete(sender, instance, **kwargs):
    if not isinstance(instance, AuditedModel):
        return
    changes = {name: [value, None] for name, value in snapshot(instance).items()}
    _write(instance, AuditEntry.Action.DELETE, changes)


def _record_links(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Links added to or removed from a many-to-many field of an audited record (the
    organisations of an engagement, the sectors of an employer): [removed, added]."""
    if reverse or not isinstance(instance, AuditedModel):
        return
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None:
        return
    if action == "pre_clear":
        instance._audit_cleared = [str(o) for o in getattr(instance, field.name).all()]
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        names = getattr(instance, "_audit_cleared", [])
    else:
        names = [str(o) for o in model._default_manager.filter(pk__in=pk_set or ())]
    if not names:
        return
    joined = ", ".join(sorted(names))
    change = [None, joined] if action == "post_add" else [joined, None]
    _write(instance, AuditEntry.Action.UPDATE, {field.name: change})


def _write(instance, action, changes):
    actor, label = current_actor()
    area = instance.audit_area
    if action == AuditEntry.Action.DELETE and area is instance:
        area = None  # the area itself is gone; its entry cannot point at it
    AuditEntry.objects.create(
        area_id=area.pk if area is not None else None,
        actor=actor,
        actor_label=label[:200],
        action=action,
        model=instance._meta.label,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes,
    )

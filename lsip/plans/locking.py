"""Optimistic locking: an edit is saved only if nobody saved the item since it was read.

Each plan item carries `version`. A save claims the item with one conditional UPDATE
(`... WHERE id = %s AND version = <the version the editor read>`), which both SQLite and
PostgreSQL apply atomically: of two people who read version 3, the first save makes it 4 and
the second finds no row at version 3, so it is refused with the item as it now stands and
who changed it, instead of silently overwriting their change.
"""

from django.db.models import F
from django.utils import timezone

from lsip.audit.models import AuditEntry


class ConflictError(Exception):
    """Someone saved the item after it was read: `current` is the item as it now stands,
    `entry` the audit entry of that change (who, when, what), `fields` the fields both
    changed when the edit was compared field by field (`lsip.plans.merging`)."""

    def __init__(self, current, entry: AuditEntry | None, fields=()):
        self.current = current
        self.entry = entry
        self.fields = list(fields)
        who = (entry.actor.get_username() if entry and entry.actor else None) or "someone else"
        when = f" at {timezone.localtime(entry.at):%H:%M on %-d %B %Y}" if entry else ""
        super().__init__(
            f"{who} changed this {current._meta.verbose_name}{when} after you opened it; "
            "your changes were not saved"
        )


def refusal(instance, fields=()) -> ConflictError:
    """The refusal of an edit of `instance`: the item as it now stands and its last change."""
    model = type(instance)
    current = model._base_manager.get(pk=instance.pk)
    entry = (
        AuditEntry.objects.filter(model=model._meta.label, object_id=str(instance.pk))
        .select_related("actor")
        .order_by("-at")
        .first()
    )
    return ConflictError(current, entry, fields)


def claim(instance, expected_version: int) -> None:
    """Raise the stored version from `expected_version` by one, or raise ConflictError."""
    model = type(instance)
    updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if updated == 0:
        raise refusal(instance)
    instance.version = expected_version + 1

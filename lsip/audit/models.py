"""The audit trail: who created, changed or deleted which record, when, and what changed."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models


class AuditedModel(models.Model):
    """Mix into any domain model whose creates, changes and deletes must be recorded.

    `audit_area` names the area the record belongs to, so that an ERB admin reads the
    trail of their own area only.
    """

    class Meta:
        abstract = True

    @property
    def audit_area(self):
        return self.area

    #: Fields left out of the recorded changes (timestamps change on every save).
    audit_ignore = ("created_on", "modified_on")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=Action.choices)
    model = models.CharField(max_length=100, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"
        # The newest entry of an area is what lsip.core.figures asks on every busy page.
        indexes = [models.Index(fields=["area", "id"], name="audit_area_newest")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    @property
    def kind(self) -> str:
        """The kind of record in words ("Organisation"), not its code name."""
        return kind_of(self.model)

    def readable_changes(self) -> list[tuple[str, object, object]]:
        """(field label, before, after) for each changed field."""
        try:
            meta = apps.get_model(self.model)._meta
        except LookupError:
            meta = None
        rows = []
        for name, (before, after) in self.changes.items():
            try:
                label = meta.get_field(name).verbose_name if meta else name
            except FieldDoesNotExist:
                label = name
            rows.append((str(label).capitalize(), before, after))
        return rows


def kind_of(model_label: str) -> str:
    try:
        return str(apps.get_model(model_label)._meta.verbose_name).capitalize()
    except LookupError:
        return model_label

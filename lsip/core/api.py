"""Helpers shared by the API views."""

import contextlib
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework import serializers


@contextlib.contextmanager
def django_errors():
    """Turn a model's validation error from a service into an API 400 with the same messages."""
    try:
        yield
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise serializers.ValidationError(detail) from None


class ChangedBetween:
    """A DRF filter backend for lists of records with timestamps: `changed_since` and
    `changed_before` (a date, or a date and time in ISO 8601) keep the records created or
    changed in that time, so that a partner's system can fetch only what changed since it
    last asked. Lists of records without timestamps take no such parameters."""

    PARAMETERS = {
        "changed_since": ("gte", "Only records created or changed at or after this time."),
        "changed_before": ("lt", "Only records last changed before this time."),
    }

    @staticmethod
    def _applies(view) -> bool:
        model = getattr(view, "model", None)
        if model is None:
            return False
        return any(f.name == "modified_on" for f in model._meta.concrete_fields)

    @staticmethod
    def _moment(name: str, text: str):
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise serializers.ValidationError(
                {name: ["Enter a date (2026-01-31) or a date and time (2026-01-31T09:30:00Z)"]}
            ) from None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        try:  # in UTC: PostgreSQL refuses offsets beyond 15:59 that ISO 8601 allows
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise serializers.ValidationError(
                {name: ["Enter a time within years 1 to 9999"]}
            ) from None

    def filter_queryset(self, request, queryset, view):
        if not self._applies(view):
            return queryset
        for name, (lookup, _help) in self.PARAMETERS.items():
            text = request.query_params.get(name)
            if text:
                queryset = queryset.filter(**{f"modified_on__{lookup}": self._moment(name, text)})
        return queryset

    def get_schema_operation_parameters(self, view):
        if not self._applies(view):
            return []
        return [
            {
                "name": name,
                "required": False,
                "in": "query",
                "description": help_text,
                "schema": {"type": "string", "format": "date-time"},
            }
            for name, (_lookup, help_text) in self.PARAMETERS.items()
        ]

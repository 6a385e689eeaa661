"""Helpers shared by the API views."""

import contextlib

from django.core.exceptions import ValidationError
from rest_framework import serializers


@contextlib.contextmanager
def django_errors():
    """Turn a model's validation error from a service into an API 400 with the same messages."""
    try:
        yield
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise serializers.ValidationError(detail) from None

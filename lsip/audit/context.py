"""Who is acting: set by the web middleware for a request, and by services and the CLI."""

import contextlib
import contextvars

_actor = contextvars.ContextVar("audit_actor", default=None)


@contextlib.contextmanager
def acting_as(actor, label: str | None = None):
    """Attribute every audited change inside the block to `actor`.

    `actor` is a user, or None for the system (then `label` says what acted, for example
    "lsip refdata install"). With neither (a service called by a command or the demo with
    no person), whoever the caller named stays the actor. A request is resolved lazily
    because the API authenticates its token after the middleware has run.
    """
    if actor is None and label is None and _actor.get() is not None:
        yield
        return
    token = _actor.set((actor, label))
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor():
    """(user or None, label) for the change being recorded."""
    value = _actor.get()
    if value is None:
        return None, "system"
    actor, label = value
    if hasattr(actor, "user"):  # a request: its user is known only now
        actor = actor.user
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor, label or actor.get_username()
    return None, label or "anonymous"


def save_as(actor, instance, label: str | None = None):
    """Validate `instance` (its fields and its own rules), then save it in one transaction,
    attributed to `actor` in the audit trail. The usual last step of a service."""
    from django.db import transaction

    instance.full_clean()
    with transaction.atomic(), acting_as(actor, label):
        instance.save()
    return instance

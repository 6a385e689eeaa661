"""Saving only what the editor changed: an edit form carries, signed, the values of the item
as the editor read it (`read`). When they save, the fields they changed from those values are
applied to the item as it now stands and the fields they left alone keep the current values,
so two people who change different fields of one item both keep their change. If both
changed the same field to different values, the save is refused (`locking.ConflictError`)
with the item as it now stands, as before.
"""

import json

from django import forms
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder

from lsip.plans import locking

#: The name of the hidden field that carries the values read.
READ = "read"
SALT = "lsip.plans.merging.read"


def field_value(instance, name: str, links: dict | None = None):
    """A field's value as plain, comparable data: many-to-many as the sorted ids (from
    `links`, the records about to be set, when given), dates as ISO text."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        if links is not None and name in links:
            records = links[name]
        else:
            records = getattr(instance, name).all() if instance.pk else []
        return sorted(str(record.pk) for record in records)
    return json.loads(json.dumps(field.value_from_object(instance), cls=DjangoJSONEncoder))


def tracked(form) -> list[str]:
    """The fields of a model form that are fields of its model (not the version or read)."""
    names = []
    for name in form.fields:
        if name in ("version", READ):
            continue
        try:
            form.instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        names.append(name)
    return names


def read_state(instance, names) -> str:
    """The signed values of `names` on `instance`, for the form's hidden `read` field."""
    return signing.dumps({name: field_value(instance, name) for name in names}, salt=SALT)


def add_read_field(form) -> None:
    """Give an edit form the hidden field with the item's values as it is read now."""
    form.fields[READ] = forms.CharField(widget=forms.HiddenInput, required=False)
    if form.instance.pk and not form.instance._state.adding:
        form.initial.setdefault(READ, read_state(form.instance, tracked(form)))


def reset_read(form, current) -> None:
    """After a refused save: the form now reads the item as it stands (so that saving again
    replaces the other person's values deliberately)."""
    if READ not in form.fields:
        return
    value = read_state(current, tracked(form))
    if form.is_bound:
        form.data = form.data.copy()
        form.data[form.add_prefix(READ)] = value
    form.initial[READ] = value


def values_read(form) -> dict | None:
    """The values the editor read, or None if the form has none (or they were tampered
    with), in which case the save replaces every field of the form as before."""
    token = form.cleaned_data.get(READ) if hasattr(form, "cleaned_data") else None
    if not token:
        return None
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def merge(instance, *, read: dict, links: dict) -> tuple[dict, int]:
    """Apply to `instance` (the item with every form field as typed) the current value of
    each field the editor did not change from `read`; return the links to set and the
    version to claim (the current one). Raises ConflictError, naming the fields, if the
    editor and someone else changed the same field to different values."""
    model = type(instance)
    current = model._base_manager.get(pk=instance.pk)
    mine = {name for name in read if field_value(instance, name, links) != read[name]}
    theirs = {name for name in read if field_value(current, name) != read[name]}
    clash = [
        name
        for name in read
        if name in mine & theirs
        and field_value(instance, name, links) != field_value(current, name)
    ]
    if clash:
        raise locking.refusal(instance, fields=clash)
    merged = dict(links)
    for name in read:
        if name in mine:
            continue
        field = model._meta.get_field(name)
        if field.many_to_many:
            merged[name] = list(getattr(current, name).all())
        else:
            setattr(instance, field.attname, getattr(current, field.attname))
    return merged, current.version

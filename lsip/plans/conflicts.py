"""What a person sees when their save is refused because someone else changed a field they
changed too (`lsip.plans.merging`, `lsip.plans.locking`): the item as it now stands beside
what they typed, field by field, and the fields both changed."""

import datetime

from django import forms
from django.db.models import Model, QuerySet

from lsip.plans import merging


def readable(value, field=None) -> str:
    """A stored or typed value as a person reads it."""
    if value is None or value == "" or value == []:
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, QuerySet | list | tuple | set):
        items = [readable(v, None if isinstance(v, Model) else field) for v in value]
        return ", ".join(items) if items else "Not given"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if (
        field is not None
        and not isinstance(field, forms.ModelChoiceField)
        and getattr(field, "choices", None)
    ):
        return str(dict(field.choices).get(value, value))
    return str(value)


def comparison(form, current) -> list[tuple[str, str, str]]:
    """(label, as it now stands, as the person typed it) for each field of the form."""
    rows = []
    for name, field in form.fields.items():
        if name == "version":
            continue
        stored = getattr(current, name, None)
        if isinstance(field, forms.ModelMultipleChoiceField):
            stored = stored.all()
        typed = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        rows.append((str(field.label), readable(stored, field), readable(typed, field)))
    return rows


def refused(view, form, conflict):
    """The edit page again after a refused save (409): nothing was saved; who changed the item
    and when, their version beside what was typed, and the form now at their version, so that
    saving again replaces theirs deliberately."""
    rows = comparison(form, conflict.current)
    form.set_version(conflict.current.version)
    merging.reset_read(form, conflict.current)
    both = [str(form.fields[name].label) for name in conflict.fields if name in form.fields]
    changed = f" You both changed: {', '.join(both)}." if both else ""
    form.add_error(None, f"{conflict}.{changed} Compare their version with yours below.")
    view.item = conflict.current
    context = view.get_context_data(form=form, conflict=conflict, comparison=rows)
    return view.render_to_response(context, status=409)

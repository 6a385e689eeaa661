"""Selects are written in one template (issue 17, item 9: a list page's filters spent most of
their time rendering each option with a template of its own), to exactly the HTML Django's
select gives: options, groups, the chosen ones, and the attributes."""

import pytest
from django import forms

from lsip.core.forms import DJANGO_SELECT, FAST_SELECT, GovukForm
from lsip.organisations.models import Organisation


class Filters(GovukForm):
    kind = forms.ChoiceField(
        choices=[
            ("", "Any"),
            ("Employers", [("employer", "Employer"), ("sector-body", 'Sector "body" & co')]),
            ("fe", "FE college"),
            (3, "Three"),
        ],
        required=False,
    )
    kinds = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B <b>"), ("c", "C")], required=False
    )
    organisation = forms.ModelChoiceField(Organisation.objects.order_by("name"), required=False)
    answer = forms.TypedChoiceField(choices=[("", "---------"), ("1", "Yes")], coerce=int)


def as_django_renders(form, name) -> str:
    widget = form.fields[name].widget
    widget.template_name = DJANGO_SELECT[0]
    try:
        return str(form[name])
    finally:
        widget.template_name = FAST_SELECT


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"kind": "sector-body", "kinds": ["a", "c"], "answer": "1"},
        {"kind": "3", "kinds": ["b"], "answer": "nonsense"},
    ],
)
def test_a_select_is_written_as_django_writes_it(marches, college, data):
    Organisation.objects.create(area=marches, name="Ludlow & Wye <Foods>", type="employer")
    form = Filters(data)
    form.is_valid()
    for name in ("kind", "kinds", "organisation", "answer"):
        assert form.fields[name].widget.template_name == FAST_SELECT
        fast = str(form[name])
        assert "<option" in fast
        assert fast == as_django_renders(form, name), name

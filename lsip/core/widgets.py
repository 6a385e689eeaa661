"""Pickers, code search boxes and grouped checkboxes.

Pickers: long lists of organisations, SIC and SOC codes that a person can search by typing.

Each picker is a real `<select>` that works without JavaScript. `lsip/static/js/pickers.js`
finds them by their `data-module` and enhances them with GOV.UK's accessible-autocomplete
(docs/decisions/0040-pickers.md):

- `Picker` (one choice): the select becomes a search box
  (`accessibleAutocomplete.enhanceSelectElement`);
- `MultiplePicker` (several choices): a search box adds each chosen item to a list of
  checkboxes below it; the hidden select still carries the choices when the form is sent;
- `code_search` (attributes for a box of SOC or SIC codes): a search box beside it, over the
  public classification API, that writes the chosen code into it.
"""

from django import forms
from django.urls import reverse_lazy


class Picker(forms.Select):
    """A select of one choice, searchable by typing when JavaScript runs."""

    module = "lsip-picker"

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-module": self.module, **(attrs or {})}, choices)


class MultiplePicker(forms.SelectMultiple):
    """A select of several choices; with JavaScript, a search box and a list of checkboxes.

    `chosen_label` names the list of chosen items ("Chosen organisations"); `hint` replaces
    the field's hint when the search box is shown (the hint without JavaScript says how to
    choose several options in a list)."""

    module = "lsip-picker-multiple"

    def __init__(self, attrs=None, choices=(), chosen_label="Chosen", hint=""):
        attrs = {
            "data-module": self.module,
            "data-chosen-label": chosen_label,
            "data-hint": hint,
            "size": 8,
            **(attrs or {}),
        }
        super().__init__(attrs, choices)


MULTIPLE_HINT = "Type part of a name and choose it from the list. Untick one to remove it."
NO_SCRIPT_HINT = "Hold Ctrl (or Cmd) to choose more than one."


def use_picker(field: forms.Field, chosen_label: str = "Chosen") -> None:
    """Give a choice field of a form the picker for its kind (one or several choices),
    keeping the attributes (class, size) the form has set already. A multiple picker's hint
    says how to choose several, with JavaScript and without."""
    attrs = dict(field.widget.attrs)
    if isinstance(field.widget, forms.SelectMultiple):
        hint = str(field.help_text or "")
        field.help_text = f"{hint} {NO_SCRIPT_HINT}".strip()
        field.widget = MultiplePicker(
            attrs=attrs, chosen_label=chosen_label, hint=f"{hint} {MULTIPLE_HINT}".strip()
        )
    else:
        field.widget = Picker(attrs=attrs)
    field.widget.choices = field.choices


#: The public API searches a code search box asks (lsip.classification.api).
CODE_SOURCES = {"soc": "api-v1:soc-group-list", "sic": "api-v1:sic-item-list"}
CODE_SEARCH_LABELS = {
    "soc": "Search SOC 2020 by job title or words",
    "sic": "Search SIC 2007 by activity or words",
}


def code_search(kind: str, level: str = "", **attrs) -> dict:
    """Attributes for a text box or text area of codes that pickers.js gives a search box:
    choosing a result writes its code into the box (or adds it to the list in a text area).
    Without JavaScript the box is typed in as before. `kind` is "soc" or "sic"; `level`
    narrows the search ("unit" for SOC unit groups)."""
    return {
        "data-module": "lsip-code-search",
        "data-source": reverse_lazy(CODE_SOURCES[kind]),
        "data-level": level,
        "data-search-label": CODE_SEARCH_LABELS[kind],
        **attrs,
    }


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """GOV.UK checkboxes for grouped choices: a fieldset and legend per group. Give the field
    `template_name = GROUPED_CHECKBOXES_FIELD` for its label, hint and errors."""

    template_name = "govuk/widgets/grouped_checkboxes.html"


GROUPED_CHECKBOXES_FIELD = "govuk/grouped_checkboxes_field.html"

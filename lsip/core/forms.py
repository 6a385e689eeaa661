"""GOV.UK Design System markup for every Django form.

One renderer gives every form the GOV.UK label, hint, error message and error summary, so
no template wires errors by hand. Widgets get their GOV.UK classes from `govuk_widget_class`.
"""

import datetime

from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.FileInput: "govuk-file-upload",
}


def govuk_widget_class(widget: forms.Widget) -> str:
    """The GOV.UK class for a widget (text-like inputs default to `govuk-input`)."""
    for widget_type, css_class in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css_class
    return "govuk-input"


class GovukFormRenderer(DjangoTemplates):
    """Renders forms and fields with the templates in `core/templates/govuk/`."""

    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"


class GovukForm(forms.Form):
    """A form whose widgets carry GOV.UK classes and error state."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        mark_errors(self)


class GovukModelForm(forms.ModelForm):
    """A model form whose widgets carry GOV.UK classes and error state."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        mark_errors(self)


#: Django's select, which renders each option with a template of its own (a list page's filters
#: spent most of their time there), and the same HTML written out in one template.
DJANGO_SELECT = ("django/forms/widgets/select.html", "django/forms/widgets/select_option.html")
FAST_SELECT = "govuk/widgets/select.html"


def style_widgets(form: forms.BaseForm) -> None:
    """Give each widget its GOV.UK class, and say what to do where Django says "required"."""
    for name, field in form.fields.items():
        _explain_required(field, name)
        if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
            field.empty_label = "Choose…"
        elif isinstance(field, forms.TypedChoiceField) and field.choices[:1] == [("", "---------")]:
            field.choices = [("", "Choose…"), *field.choices[1:]]
        if isinstance(field.widget, DateInput):
            continue
        if (field.widget.template_name, getattr(field.widget, "option_template_name", "")) == (
            DJANGO_SELECT
        ):
            field.widget.template_name = FAST_SELECT
        css = govuk_widget_class(field.widget)
        field.widget.attrs["class"] = f"{css} {field.widget.attrs.get('class', '')}".strip()


def _explain_required(field: forms.Field, name: str) -> None:
    if field.error_messages.get("required") != forms.Field.default_error_messages["required"]:
        return  # the form gave its own message
    label = str(field.label or name.replace("_", " "))
    verb = "Select" if isinstance(field.widget, forms.Select) else "Enter"
    field.error_messages["required"] = f"{verb} {label[0].lower()}{label[1:]}"


def add_rule_errors(form: forms.BaseForm, error) -> None:
    """Put a service's ValidationError on the form: each message on the field it names, or in
    the error summary when it names none (or a field the form does not have)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def mark_errors(form: forms.BaseForm) -> None:
    """Give the widgets of failed fields the GOV.UK error class and point them at the message."""
    for name in form.errors:
        if name not in form.fields:
            continue
        field = form.fields[name]
        css = govuk_widget_class(field.widget)
        if css in ("govuk-input", "govuk-select", "govuk-textarea", "govuk-file-upload"):
            field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css}--error"
        auto_id = form[name].auto_id
        described = [f"{auto_id}_helptext"] if field.help_text else []
        field.widget.attrs["aria-describedby"] = " ".join([*described, f"{auto_id}-error"])


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "govuk/date_input.html"

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "month": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date entered as day, month and year, with messages that say which part is wrong."""

    widget = DateInput

    def __init__(self, **kwargs):
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(v or "").strip() for v in data_list)
        missing = [name for name, v in (("day", day), ("month", month), ("year", year)) if not v]
        if missing:
            raise forms.ValidationError(f"Date must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise forms.ValidationError("Date must be a real date, for example 31 3 2026")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError("Date must be a real date") from None


class ImportFileForm(GovukForm):
    """A form whose `file` (declared by each subclass, with its own label) is refused above
    LSIP_IMPORT_MAX_MB, with the same message wherever files are imported."""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.LSIP_IMPORT_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(self.too_big())
        return upload

    @staticmethod
    def too_big() -> str:
        limit = settings.LSIP_IMPORT_MAX_MB
        return f"The file must be smaller than {limit:g} MB; split it into smaller files"

import re

from django import forms

from lsip.areas.models import LocalAuthority
from lsip.core.forms import GovukForm, GovukModelForm
from lsip.core.widgets import GROUPED_CHECKBOXES_FIELD, GroupedCheckboxes, Picker, use_picker
from lsip.organisations.models import Contact, Organisation
from lsip.sectors.labels import grouped_choices
from lsip.sectors.services import sectors_for


def sic_choices() -> list[tuple[str, str]]:
    """Every SIC 2007 code an organisation can have, in the five digits it is stored as:
    each subclass, and each class without subclasses padded with 0 ("01110"). Empty when the
    SIC files are not installed."""
    from lsip.classification.codes import sic_five_digits
    from lsip.classification.models import SicItem

    items = SicItem.objects.filter(level__in=[SicItem.Level.CLASS, SicItem.Level.SUBCLASS])
    with_subclasses = set(
        SicItem.objects.filter(level=SicItem.Level.SUBCLASS).values_list("parent", flat=True)
    )
    choices = []
    for code, level, title in items.values_list("code", "level", "title"):
        if level == SicItem.Level.CLASS and code in with_subclasses:
            continue
        digits = sic_five_digits(code)
        choices.append((digits, f"{digits} {title}"))
    return choices


def suggest_sic(description: str):
    """The SIC coder's suggestion (code, title, confidence) for what an organisation does,
    or None when there is nothing to go on or the coder's files are not installed."""
    from lsip.classification.coder import code_industry
    from lsip.classification.coder.store import CoderFilesMissingError
    from lsip.refdata.install import installed_dir

    if not (description or "").strip():
        return None
    try:
        result = code_industry(description, source=str(installed_dir()))
    except CoderFilesMissingError:
        return None
    if not result.candidates:
        return None
    top = result.candidates[0]
    return {"code": top.code, "title": top.title, "confidence": result.confidence}


class OrganisationForm(GovukModelForm):
    website = forms.URLField(
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a website address in the correct format, like https://www.example.org"
        },
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "type",
            "local_authority",
            "website",
            "companies_house_number",
            "ukprn",
            "description",
            "size_band",
            "ownership",
            "sic_code",
            "erb_member",
            "sectors",
        ]
        labels = {"size_band": "Size band", "ownership": "Ownership", "erb_member": "ERB member"}
        help_texts = {
            "size_band": "For employers: how many people they employ.",
            "sectors": "The national sectors and the area's own that the organisation is in.",
        }
        error_messages = {
            "name": {"required": "Enter the organisation's name"},
            "type": {"required": "Select the type of organisation"},
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.area = area
        self.fields["local_authority"].queryset = LocalAuthority.objects.filter(area=area)
        self.fields["local_authority"].empty_label = "Not known"
        self.fields["companies_house_number"].widget.attrs["class"] += " govuk-input--width-10"
        self.fields["ukprn"].widget.attrs["class"] += " govuk-input--width-10"
        self._sic_widget()
        self.fields["description"].widget.attrs["rows"] = 4
        self.fields["size_band"].choices = [
            ("", "Not known"),
            *self.fields["size_band"].choices[1:],
        ]
        self.fields["ownership"].choices = [
            ("", "Not known"),
            *self.fields["ownership"].choices[1:],
        ]
        self.fields["erb_member"].widget.choices = [
            ("unknown", "Not known"),
            ("true", "Yes"),
            ("false", "No"),
        ]
        sectors = self.fields["sectors"]
        sectors.queryset = sectors_for(area)
        sectors.widget = GroupedCheckboxes(choices=grouped_choices(sectors.queryset, area))
        sectors.template_name = GROUPED_CHECKBOXES_FIELD
        self.suggestion = None
        if self.instance.pk and not self.instance.sic_code and not self.is_bound:
            self.suggestion = suggest_sic(self.instance.description)
            if self.suggestion:
                self.initial["sic_code"] = self.suggestion["code"]
                self.fields["sic_code"].help_text = (
                    f"Suggested by the SIC coder from the description: "
                    f"{self.suggestion['code']} {self.suggestion['title']} "
                    f"(confidence {self.suggestion['confidence']:.0%}). Check it, or change it."
                )

    def _sic_widget(self):
        """A picker of SIC codes once the SIC files are installed; a box for five digits
        until then. A code the list does not have (typed before) stays a choice."""
        sic = self.fields["sic_code"]
        sic.max_length, sic.validators = 8, []  # "31.020" is cleaned to "31020"
        choices = sic_choices()
        if not choices:
            sic.widget.attrs["class"] += " govuk-input--width-5"
            sic.widget.attrs["maxlength"] = "8"
            return
        current = self.initial.get("sic_code") or self.instance.sic_code
        if current and current not in dict(choices):
            choices.insert(0, (current, current))
        sic.widget = Picker(attrs={"class": "govuk-select"}, choices=[("", "Not known"), *choices])
        sic.help_text = "Type a code or words from its title, like 31020 or kitchen furniture."

    def clean_sic_code(self):
        code = self.cleaned_data["sic_code"].strip().replace(".", "").replace("/", "")
        if code and not re.fullmatch(r"\d{5}", code):
            raise forms.ValidationError("Enter a SIC 2007 subclass of 5 digits, like 31020")
        return code

    def clean(self):
        data = super().clean()
        code = data.get("sic_code", "")
        if "sic_code" in self.changed_data or not code:
            suggested = self.data.get("sic_suggested", "")
            self.instance.sic_source = ("coder" if code == suggested else "person") if code else ""
        return data


class OrganisationFilterForm(GovukForm):
    """The directory's filters (GET); every one optional."""

    q = forms.CharField(required=False, label="Name, Companies House number or UKPRN")
    type = forms.ChoiceField(required=False)
    size_band = forms.ChoiceField(required=False, label="Size band")
    ownership = forms.ChoiceField(required=False)
    local_authority = forms.ChoiceField(required=False, label="Local authority")
    sector = forms.ChoiceField(required=False)
    erb_member = forms.ChoiceField(
        required=False,
        label="ERB member",
        choices=[("", "All"), ("yes", "Yes"), ("no", "No"), ("unknown", "Not known")],
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        from lsip.organisations.models import Ownership, SizeBand

        self.fields["type"].choices = [("", "All types"), *Organisation.Type.choices]
        self.fields["size_band"].choices = [("", "All sizes"), *SizeBand.choices]
        self.fields["ownership"].choices = [("", "All"), *Ownership.choices]
        self.fields["local_authority"].choices = [
            ("", "All"),
            *((str(pk), name) for pk, name in area.local_authorities.values_list("pk", "name")),
        ]
        self.fields["sector"].choices = [
            ("", "All sectors"),
            *grouped_choices(sectors_for(area), area),
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class ContactForm(GovukModelForm):
    class Meta:
        model = Contact
        fields = ["name", "job_title", "email", "phone", "notes"]
        error_messages = {"name": {"required": "Enter the person's name"}}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["notes"].widget.attrs["rows"] = 3


class MergeForm(GovukForm):
    other = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="The record to merge into this one",
        help_text="Its engagements, skills needs and contacts move here; it is then archived.",
        error_messages={"required": "Select the record to merge into this one"},
    )

    def __init__(self, *args, keep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = Organisation.objects.filter(
            area=keep.area, type=keep.type, archived_on__isnull=True
        ).exclude(pk=keep.pk)
        use_picker(self.fields["other"])

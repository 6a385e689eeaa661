"""The forms of the sector pages: an area sector's name, description and SIC 2007 codes."""

from django import forms
from django.core.exceptions import ValidationError

from lsip.core.forms import GovukForm
from lsip.sectors import services


class SectorForm(GovukForm):
    name = forms.CharField(
        label="Name",
        max_length=150,
        help_text="As the area's plan and employers call it, for example "
        "“Engineering and manufacturing, including food and drink”.",
        error_messages={"required": "Enter the sector's name"},
    )
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the sector covers and where the name comes from.",
    )
    sic_codes = forms.CharField(
        label="SIC 2007 codes",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="One per line or separated by commas: divisions, groups, classes or "
        "subclasses, written 62, 62.0, 62.01 (or 6201, 62010) or 62.01/2 (or 62012). A line "
        "may keep the code's title after it. Codes covered by a broader code are left out.",
        error_messages={"required": "Enter at least one SIC 2007 code"},
    )

    def __init__(self, *args, area, sector=None, **kwargs):
        self.area = area
        self.sector = sector
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = self.area.sectors.filter(name__iexact=name)
        if self.sector is not None:
            taken = taken.exclude(pk=self.sector.pk)
        if taken.exists():
            raise ValidationError(f"{self.area.name} already has a sector called “{name}”")
        return name

    def clean_sic_codes(self):
        typed = services.parse_codes(self.cleaned_data["sic_codes"])
        try:
            codes = services.clean_definition(typed)
        except ValidationError as error:
            raise ValidationError(error.message_dict["sic_codes"]) from None
        self.dropped = services.covered_by(typed)
        return codes


class CopySectorForm(GovukForm):
    name = forms.CharField(
        label="Name of the area's version",
        max_length=150,
        error_messages={"required": "Enter a name for the area's version"},
    )

    def __init__(self, *args, area, **kwargs):
        self.area = area
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.area.sectors.filter(name__iexact=name).exists():
            raise ValidationError(f"{self.area.name} already has a sector called “{name}”")
        return name

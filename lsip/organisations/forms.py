from django import forms

from lsip.areas.models import LocalAuthority
from lsip.core.forms import GovukModelForm
from lsip.organisations.models import Organisation


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
        ]
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
        self.fields["description"].widget.attrs["rows"] = 4

from django import forms

from lsip.core.forms import DateField, GovukForm, GovukModelForm
from lsip.delivery.models import ProgressReport
from lsip.documents.models import Branding


class NarrativeForm(GovukForm):
    text = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Markdown: a blank line between paragraphs, **bold**, *italic*, lists "
        "starting with - or 1., links as [words](https://...).",
    )
    complete = forms.BooleanField(label="This section is complete", required=False)

    def clean(self):
        data = super().clean()
        if data.get("complete") and not (data.get("text") or "").strip():
            self.add_error("complete", "An empty section cannot be marked complete")
        return data


class BuildForm(GovukForm):
    format = forms.ChoiceField(
        label="Format",
        choices=[("pdf", "PDF"), ("docx", "Word (DOCX)")],
        widget=forms.RadioSelect,
        initial="pdf",
    )


class BrandingForm(GovukModelForm):
    class Meta:
        model = Branding
        fields = ["organisation_name", "logo", "colour", "accent"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "name"):
            if not logo.name.lower().endswith((".png", ".jpg", ".jpeg", ".svg")):
                raise forms.ValidationError("The logo must be a PNG, JPEG or SVG file")
            if logo.size > 2_000_000:
                raise forms.ValidationError("The logo must be smaller than 2 MB")
        return logo


class ProgressReportForm(GovukModelForm):
    publication_date = DateField(
        label="Publication date",
        required=False,
        help_text="The date set centrally: never published before it. For example, 30 6 2027",
    )

    class Meta:
        model = ProgressReport
        fields = ["publication_date"]


class NewProgressReportForm(GovukForm):
    year = forms.IntegerField(label="Year it reports in", min_value=2020, max_value=2100)

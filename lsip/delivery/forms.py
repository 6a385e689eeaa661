"""The delivery pages' forms (GOV.UK markup from lsip.core.forms)."""

from django import forms
from django.utils import timezone

from lsip.core.forms import DateField, GovukForm, ImportFileForm
from lsip.delivery.models import (
    Feedback,
    ReplacementDiscussion,
    ReviewEvidence,
    Status,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


def in_sentence(name: str) -> str:
    """A metric's name inside a sentence: its first letter in lower case unless the first
    word is an acronym ("Employers engaged by the LSIP" -> "employers engaged by the LSIP",
    never "... the lsip")."""
    first = name.split(" ", 1)[0]
    if not name or (len(first) > 1 and first.isupper()):
        return name
    return name[0].lower() + name[1:]


class UpdateForm(GovukForm):
    """A partner's update on one activity, with a box for each metric of its priority."""

    organisation = forms.ModelChoiceField(queryset=None, label="Reporting for")
    as_of = DateField(label="Position as at", help_text="For example, 30 9 2026")
    status = forms.ChoiceField(
        choices=Status.choices, widget=forms.RadioSelect, label="How the activity stands"
    )
    percent_complete = forms.IntegerField(
        label="Per cent complete",
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    narrative = forms.CharField(
        label="What has happened since the last update",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    links = forms.CharField(
        label="Links to evidence (optional)",
        required=False,
        help_text="One web address a line, optionally followed by a space and what it is.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    files = MultipleFileField(
        label="Evidence files (optional)",
        required=False,
        help_text="Kept privately: only the ERB and your organisation can open them.",
    )

    def __init__(self, *args, organisations, metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()
            self.fields["organisation"].widget = forms.HiddenInput()
        self.fields["as_of"].initial = timezone.localdate()
        self.metrics = list(metrics)
        for outcome in self.metrics:
            self.fields[f"metric_{outcome.pk}"] = forms.FloatField(
                label=f"{outcome.metric} ({outcome.unit})",
                required=False,
                help_text="Leave empty if you have no new figure.",
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-10", "step": "any"}),
            )
            self.fields[f"metric_{outcome.pk}_on"] = DateField(
                label=f"Date of the {in_sentence(outcome.metric)} figure",
                required=False,
                help_text="Leave empty if it is the date of the position above.",
            )
        from lsip.core.forms import style_widgets

        style_widgets(self)

    def clean_links(self):
        links = []
        validator = forms.URLField(assume_scheme="https")
        for number, line in enumerate(self.cleaned_data["links"].splitlines(), start=1):
            if not line.strip():
                continue
            url, _, description = line.strip().partition(" ")
            try:
                links.append((validator.clean(url), description.strip()[:300]))
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"Line {number}: “{url}” is not a web address (start it with https://)"
                ) from None
        return links

    def clean(self):
        data = super().clean()
        if data.get("status") == Status.COMPLETE and data.get("percent_complete") not in (
            None,
            100,
        ):
            self.add_error("percent_complete", "A complete activity is 100 per cent complete")
        return data

    def values(self):
        """(outcome, date, value) of each figure given; its date defaults to the position's."""
        data = self.cleaned_data
        return [
            (
                outcome,
                data.get(f"metric_{outcome.pk}_on") or data["as_of"],
                data[f"metric_{outcome.pk}"],
            )
            for outcome in self.metrics
            if data.get(f"metric_{outcome.pk}") is not None
        ]


class ReviewForm(GovukForm):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept the update"), ("send_back", "Send it back with a question")],
        widget=forms.RadioSelect,
        label="Your decision",
    )
    question = forms.CharField(
        label="Your question for the partner",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "send_back" and not (data.get("question") or "").strip():
            self.add_error("question", "Say what the partner needs to answer")
        return data


class RoundForm(GovukForm):
    name = forms.CharField(label="Name of the round", help_text="For example “2026 Q3”.")
    period_start = DateField(label="Period from")
    period_end = DateField(label="Period to")
    due_on = DateField(label="Updates due on")
    remind_days_before = forms.IntegerField(
        label="Remind this many days before the due date",
        min_value=0,
        max_value=60,
        initial=7,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    remind_days_after = forms.IntegerField(
        label="Chase this many days after the due date",
        min_value=0,
        max_value=60,
        initial=7,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period must end on or after its start")
        return data


class MetricUploadForm(ImportFileForm):
    file = forms.FileField(
        label="Upload a CSV or XLSX file",
        help_text="Columns: Metric, Date, Value, and optionally Organisation and Note.",
    )


class FeedbackForm(GovukForm):
    working = forms.ChoiceField(
        choices=Feedback.Working.choices,
        widget=forms.RadioSelect,
        label="Are the changes made under the plan working for your business?",
    )
    comments = forms.CharField(
        label="Tell us more (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    employer_name = forms.CharField(label="Your organisation (optional)", required=False)
    contact_email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        help_text="Only if you are happy for the ERB to contact you about your answer.",
    )
    # The honeypot: hidden from people by the page's styles; bots fill every field.
    website = forms.CharField(
        label="Leave this field empty", required=False, widget=forms.TextInput()
    )


class ReviewEvidenceForm(GovukForm):
    title = forms.CharField(label="Title")
    description = forms.CharField(
        label="What it shows", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.CharField(label="Where it came from", required=False)
    recorded_on = DateField(label="Recorded on")
    tag = forms.ChoiceField(
        choices=ReviewEvidence.Tag.choices, widget=forms.RadioSelect, label="It is"
    )
    priority = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="The priority it supports or is linked to",
        help_text="Leave empty for a wholly new need linked to no priority.",
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = plan.priorities.order_by("position")
        self.fields["recorded_on"].initial = timezone.localdate()


class DiscussionForm(GovukForm):
    evidence = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, label="The new needs discussed"
    )
    discussed_on = DateField(label="Discussed on")
    with_whom = forms.CharField(label="With whom", initial="Skills England relationship manager")
    notes = forms.CharField(label="What was discussed", widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.ChoiceField(
        choices=ReplacementDiscussion.Outcome.choices, widget=forms.RadioSelect, label="Outcome"
    )

    def __init__(self, *args, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = needs


class ReportForm(GovukForm):
    achieved = forms.CharField(
        label="Which actions and changes were achieved",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    impact = forms.CharField(
        label="Their impact and benefits", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    still_to_achieve = forms.CharField(
        label="What still needs achieving",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    new_intelligence = forms.CharField(
        label="New or more granular intelligence and more specific actions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class SignOffForm(GovukForm):
    decision = forms.ModelChoiceField(queryset=None, label="The board decision that signed it off")
    publication_date = DateField(
        label="Publication date", help_text="The date set centrally: it is not published before."
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class MonitoringForm(GovukForm):
    period = forms.CharField(
        label="Period", help_text="A quarter (2026-Q3), a year (2026) or a round's name."
    )
    format = forms.ChoiceField(
        choices=[("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("json", "JSON")],
        widget=forms.RadioSelect,
        initial="csv",
        label="Format",
    )

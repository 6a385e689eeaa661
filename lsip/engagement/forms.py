import datetime

from django import forms
from django.utils import timezone

from lsip.areas.models import Cycle
from lsip.core.forms import DateField, GovukForm, GovukModelForm
from lsip.core.widgets import use_picker
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Organisation

CHECKBOXES = "engagement/govuk_checkboxes.html"


def default_cycle(area, today: datetime.date | None = None):
    """The cycle a new engagement most likely belongs to: of the area's cycles that are not
    closed, the newest whose years include today, else the newest; None when all are closed
    (docs/decisions/0041-engagement-default-cycle.md)."""
    today = today or timezone.localdate()
    open_cycles = Cycle.objects.filter(area=area).exclude(status=Cycle.Status.CLOSED)
    open_cycles = open_cycles.order_by("-start_year")
    current = open_cycles.filter(start_year__lte=today.year, end_year__gte=today.year).first()
    return current or open_cycles.first()


class EngagementForm(GovukModelForm):
    date = DateField(
        label="Date",
        help_text="For example, 3 11 2025",
        error_messages={"required": "Enter the date of the engagement"},
    )

    class Meta:
        model = Engagement
        fields = [
            "type",
            "date",
            "erb_staff",
            "organisations",
            "consent_to_be_named",
            "notes",
            "cycle",
        ]
        labels = {
            "type": "Type of engagement",
            "erb_staff": "Who from the ERB",
            "organisations": "Organisations engaged",
            "consent_to_be_named": "They agreed to be named in the plan",
            "cycle": "Plan cycle",
        }
        help_texts = {
            "organisations": "Employers, providers, Jobcentre Plus or other stakeholders.",
        }
        error_messages = {
            "type": {"required": "Select the type of engagement"},
            "organisations": {"required": "Select at least one organisation"},
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.area = area
        organisations = Organisation.objects.filter(area=area, archived_on__isnull=True)
        if not self.instance._state.adding:  # keep those engaged even if archived since
            organisations = Organisation.objects.filter(area=area).filter(
                archived_on__isnull=True
            ) | Organisation.objects.filter(engagements=self.instance)
        self.fields["organisations"].queryset = organisations.distinct().only("pk", "name")
        use_picker(self.fields["organisations"], chosen_label="Chosen organisations")
        self.fields["cycle"].queryset = Cycle.objects.filter(area=area)
        self.fields["cycle"].empty_label = "Not part of a cycle"
        if self.instance._state.adding and "cycle" not in self.initial:
            self.initial["cycle"] = default_cycle(area)
        self.fields["notes"].widget.attrs["rows"] = 4


class EngagementFilterForm(GovukForm):
    type = forms.ChoiceField(required=False, label="Type")
    date_from = DateField(required=False, label="From")
    date_to = DateField(required=False, label="To")
    organisation = forms.CharField(required=False, label="Organisation")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "All types"), *Engagement.Type.choices]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class SkillsNeedForm(GovukModelForm):
    themes = forms.MultipleChoiceField(
        required=False,
        choices=SkillsNeed.Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Cross-cutting themes",
        help_text="Select all that apply.",
    )

    class Meta:
        model = SkillsNeed
        fields = [
            "organisation",
            "words",
            "need_type",
            "level",
            "number",
            "timescale",
            "themes",
            "detail",
        ]
        labels = {
            "organisation": "Whose need",
            "need_type": "Type of need",
            "level": "Level",
            "number": "How many people or roles",
            "timescale": "When",
        }
        error_messages = {
            "words": {"required": "Enter the occupation or skill in their words"},
            "need_type": {"required": "Select the type of need"},
            "number": {"invalid": "Enter a whole number, like 3"},
        }

    def __init__(self, *args, engagement, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.area = engagement.area
        self.instance.engagement = engagement
        self.fields["organisation"].queryset = engagement.organisations.all()
        self.fields["organisation"].empty_label = None
        use_picker(self.fields["organisation"])
        self.fields["themes"].template_name = CHECKBOXES
        self.fields["number"].widget.attrs["class"] += " govuk-input--width-5"
        self.fields["detail"].widget.attrs["rows"] = 3
        for name in ("level", "timescale"):
            self.fields[name].choices = [("", "Not known"), *self.fields[name].choices[1:]]

from django import forms

from lsip.areas.models import Cycle
from lsip.core.forms import DateField, GovukForm


class CycleForm(GovukForm):
    start_year = forms.IntegerField(
        min_value=2020,
        max_value=2100,
        help_text="The cycle runs for three years, for example 2026 to 2029.",
    )
    status = forms.ChoiceField(choices=Cycle.Status.choices)
    previous = forms.ModelChoiceField(
        queryset=Cycle.objects.none(),
        required=False,
        label="Carries forward from",
        empty_label="None",
    )
    substantive_draft_due = DateField(required=False, help_text="For example, 31 3 2026")
    final_due = DateField(required=False)
    publication_due = DateField(required=False)

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = Cycle.objects.filter(area=area)
        self.fields["start_year"].widget.attrs["class"] += " govuk-input--width-4"

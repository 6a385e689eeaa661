"""The forms of the approval pages, rendered with the GOV.UK components."""

from django import forms

from lsip.approval.feedback import SECTION_CHOICES
from lsip.approval.models import CycleCalendar
from lsip.core.forms import DateField, GovukForm, GovukModelForm


class StepForm(GovukForm):
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    confirm_failures = forms.BooleanField(
        label="Some readiness checks fail: submit anyway",
        required=False,
        help_text="Skills England will see which checks failed when you submitted.",
    )

    def __init__(self, *args, failing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not failing:
            del self.fields["confirm_failures"]


class ConfirmForm(GovukForm):
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DeferForm(GovukForm):
    note = forms.CharField(
        label="Why the confirmation is deferred, and until when",
        help_text="For example: until the mayor elected in May 2026 has considered the plan.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DisagreementForm(GovukForm):
    subject = forms.CharField(label="What the disagreement is about", max_length=200)
    details = forms.CharField(
        label="The specific areas of disagreement",
        help_text="Skills England is given these details if the disagreement is referred.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class MoveForm(GovukForm):
    stage = forms.ChoiceField(label="Where it goes next", widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note",
        required=False,
        help_text="Required to resolve it: say how it was resolved.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = stages


class FeedbackForm(GovukForm):
    section = forms.ChoiceField(label="Part of the plan", choices=SECTION_CHOICES)
    point = forms.CharField(label="Feedback", widget=forms.Textarea(attrs={"rows": 4}))


class AnswerForm(GovukForm):
    answer = forms.CharField(label="The ERB's answer", widget=forms.Textarea(attrs={"rows": 4}))


class CalendarForm(GovukModelForm):
    substantive_draft_due = DateField(label="Substantive draft due")
    final_due = DateField(label="Final version due")
    publication_due = DateField(label="Publication expected")

    class Meta:
        model = CycleCalendar
        fields = ["substantive_draft_due", "final_due", "publication_due", "publication_note"]

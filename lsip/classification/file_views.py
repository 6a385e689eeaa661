"""The coding page's file upload: a spreadsheet coded in the background, downloaded with its
codes from the job's page."""

from django import forms
from django.shortcuts import redirect
from django.views.generic import FormView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.classification import jobs
from lsip.core.forms import ImportFileForm


class CodeFileForm(ImportFileForm):
    kind = forms.ChoiceField(
        label="What to code",
        choices=[("soc", "Job titles, to SOC 2020"), ("sic", "Business descriptions, to SIC 2007")],
        initial="soc",
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label="Upload a spreadsheet",
        help_text="CSV or XLSX with a header row; every column is kept in the coded file.",
        error_messages={"required": "Select a CSV or XLSX file"},
    )
    column = forms.CharField(
        label="Column to code",
        max_length=200,
        help_text="Its name in the header row, for example Job title.",
        error_messages={"required": "Enter the name of the column to code"},
    )
    description_column = forms.CharField(
        label="Column describing the job (optional)",
        max_length=200,
        required=False,
        help_text="Used as context for job titles.",
    )


class CodeFile(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "coding/code_file.html"
    form_class = CodeFileForm

    def form_valid(self, form):
        data = form.cleaned_data
        job = jobs.start_coding(
            area=self.area,
            uploaded=data["file"],
            kind=data["kind"],
            column=data["column"].strip(),
            description_column=data["description_column"].strip(),
            user=self.request.user,
        )
        return redirect(job)

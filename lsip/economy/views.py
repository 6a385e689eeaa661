"""Pages of an area's economy: the profile, the imported datasets and their provenance, and
importing a file (SG 2.1: an evidence-based assessment of the area's economy)."""

from django import forms
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, FormView, ListView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import ImportFileForm
from lsip.economy import jobs, profile
from lsip.economy.models import Dataset


class ProfileView(AreaPermissionMixin, TemplateView):
    """The area profile: key figures, charts, district map and providers (public)."""

    capability = Capability.VIEW_PUBLIC
    template_name = "economy/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(profile.build(self.area, self.request.GET.get("map", "")))
        return context


def visible_datasets(area, capabilities):
    """Open data, and the area's own licensed files to those who may read the area's work."""
    if Capability.VIEW_AREA in capabilities:
        return Dataset.objects.filter(Q(area__isnull=True) | Q(area=area))
    return Dataset.objects.filter(area__isnull=True)


class DatasetList(AreaPermissionMixin, ListView):
    capability = Capability.VIEW_PUBLIC
    template_name = "economy/dataset_list.html"
    context_object_name = "datasets"

    def get_queryset(self):
        return visible_datasets(self.area, self.capabilities).select_related("imported_by")


class DatasetDetail(AreaPermissionMixin, DetailView):
    capability = Capability.VIEW_PUBLIC
    template_name = "economy/dataset_detail.html"
    context_object_name = "dataset"

    def get_object(self, queryset=None):
        return get_object_or_404(
            visible_datasets(self.area, self.capabilities), pk=self.kwargs["pk"]
        )


class ImportForm(ImportFileForm):
    """A labour-market file (refused above LSIP_IMPORT_MAX_MB), its kind and where it came from."""

    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[
            (
                jobs.TABLES,
                "Published tables: a Nomis export as downloaded (APS tables T01, T09a, T13a, "
                "T19; UK Business Counts by size band, or by industry and size band) or the ONS "
                "online job adverts reference tables",
            ),
            (
                jobs.POSTINGS,
                "Job postings: one advert a row (title, date, place, and SIC where known), "
                "licensed to the ERB; titles are coded to SOC 2020",
            ),
        ],
        initial=jobs.TABLES,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label="Upload the file",
        help_text="XLSX or CSV, as downloaded.",
        error_messages={"required": "Select an XLSX or CSV file"},
    )
    source = forms.URLField(
        label="Where it came from (optional)",
        help_text="The address you downloaded it from, kept with its provenance.",
        required=False,
        assume_scheme="https",
    )


class DatasetImport(AreaPermissionMixin, FormView):
    """Start the import of a file as a job and follow it on the job's page; with any problem,
    the job lists every one and nothing is stored."""

    capability = Capability.EDIT_AREA
    template_name = "economy/dataset_import.html"
    form_class = ImportForm

    def form_valid(self, form):
        job = jobs.start_import(
            area=self.area,
            uploaded=form.cleaned_data["file"],
            kind=form.cleaned_data["kind"],
            source=form.cleaned_data["source"],
            user=self.request.user,
        )
        return redirect(job)

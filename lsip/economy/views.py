"""Pages of an area's economy: the profile, the imported datasets and their provenance, and
importing a file (SG 2.1: an evidence-based assessment of the area's economy)."""

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, FormView, ListView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import ImportFileForm, mark_errors
from lsip.economy import profile
from lsip.economy.imports import import_dataset
from lsip.economy.models import Dataset
from lsip.economy.readers import ReadError
from lsip.engagement.imports.uploads import safe_name


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
    """A labour-market file (refused above LSIP_IMPORT_MAX_MB) and where it came from."""

    file = forms.FileField(
        label="Upload a labour-market file",
        help_text=(
            "A Nomis export as downloaded (APS tables T01, T09a, T13a, T19; UK Business Counts "
            "by size band, or by industry and size band) or the ONS online job adverts "
            "reference tables, as XLSX or CSV."
        ),
        error_messages={"required": "Select an XLSX or CSV file"},
    )
    source = forms.URLField(
        label="Where it came from (optional)",
        help_text="The address you downloaded it from, kept with its provenance.",
        required=False,
        assume_scheme="https",
    )


class DatasetImport(AreaPermissionMixin, FormView):
    """Import a file; with any problem, every one is listed and nothing is stored."""

    capability = Capability.EDIT_AREA
    template_name = "economy/dataset_import.html"
    form_class = ImportForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / safe_name(upload.name)
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                dataset = import_dataset(
                    path,
                    actor=self.request.user,
                    source=form.cleaned_data["source"] or f"Uploaded file {upload.name}",
                    filename=upload.name,
                )
            except ReadError as error:
                count = len(error.problems)
                form.add_error(
                    "file",
                    f"The file was not imported and nothing was changed: {count} "
                    f"problem{'s' * (count != 1)}, listed below the form",
                )
                mark_errors(form)
                return self.render_to_response(
                    self.get_context_data(
                        form=form,
                        problems=error.problems[:200],
                        more=max(0, len(error.problems) - 200),
                    )
                )
        messages.success(self.request, f"Imported {dataset.rows:,} figures of {dataset.title}")
        return redirect("economy:dataset-detail", area_slug=self.area.slug, pk=dataset.pk)

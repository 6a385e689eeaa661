"""The import pages: upload a survey or interview export, map its columns, preview what
would be imported and what is wrong, confirm doubtful employer matches, apply (SG 5.1)."""

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import GovukForm, ImportFileForm, mark_errors
from lsip.core.spreadsheets import SpreadsheetError
from lsip.engagement import jobs
from lsip.engagement.imports import uploads
from lsip.engagement.imports.fields import FIELDS, guess_mapping
from lsip.engagement.imports.parsing import check_spreadsheet, find_header, read_sheet, table
from lsip.engagement.imports.plan import MappingError, clean_mapping, plan_import
from lsip.engagement.models import Engagement, ImportBatch, SkillsNeed
from lsip.jobs.models import Job

PREVIEW_ROWS = 10


class ImportList(AreaPermissionMixin, ListView):
    """The area's past imports: file, when, who, and what each added."""

    capability = Capability.EDIT_AREA
    template_name = "engagement/import_list.html"
    context_object_name = "batches"
    paginate_by = 25

    def get_queryset(self):
        return ImportBatch.objects.filter(area=self.area).select_related("imported_by")


class UploadForm(ImportFileForm):
    file = forms.FileField(
        label="Upload a spreadsheet",
        help_text="A CSV or XLSX file as your survey tool exports it.",
        error_messages={"required": "Select a CSV or XLSX file"},
    )


class ImportUpload(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "engagement/import_upload.html"
    form_class = UploadForm

    def post(self, request, *args, **kwargs):
        """Refuse a body above the limit before Django reads it (LSIP_IMPORT_MAX_MB)."""
        limit = settings.LSIP_IMPORT_MAX_MB * 1024 * 1024
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit + 64 * 1024:  # the form's other fields and boundaries
            form = UploadForm(data={}, files={})
            form.full_clean()
            form.errors.clear()
            form.add_error("file", ImportFileForm.too_big())
            mark_errors(form)
            return self.render_to_response(self.get_context_data(form=form), status=413)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        token = uploads.store_upload(self.area, upload.name, upload.chunks(), self.request.user)
        path, name, _ = uploads.upload(self.area, token)
        try:
            check_spreadsheet(path, name)
        except SpreadsheetError as error:
            uploads.discard(self.area, token)
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return redirect("imports:import-map", area_slug=self.area.slug, token=token)


class _UploadMixin:
    def load_upload(self):
        found = uploads.upload(self.area, self.kwargs["token"], self.request.user)
        if found is None:
            raise Http404("No such upload")
        self.path, self.filename, self.mapping = found


class MappingForm(GovukForm):
    """A select per importable field, listing the file's columns."""

    def __init__(self, *args, columns=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Not in this file"), *((c, c) for c in columns)]
        fields = {}
        for field in FIELDS:
            label = field.label + ("" if not field.required else " (required)")
            fields[f"col_{field.key}"] = forms.ChoiceField(
                label=label, choices=choices, required=False, help_text=field.hint
            )
        fields["default_type"] = forms.ChoiceField(
            label="Engagement type when the file has none",
            choices=[("", "None: the file says")] + list(Engagement.Type.choices),
            required=False,
        )
        fields["default_need_type"] = forms.ChoiceField(
            label="Need type when the file has none",
            choices=[("", "None: the file says")] + list(SkillsNeed.NeedType.choices),
            required=False,
        )
        fields["date_order"] = forms.ChoiceField(
            label="Dates like 03/04/2025 are",
            choices=[
                ("auto", "Day first unless the file shows otherwise"),
                ("dmy", "Day first (3 April)"),
                ("mdy", "Month first (March 4)"),
            ],
        )
        self.fields.update(fields)
        from lsip.core.forms import style_widgets

        style_widgets(self)

    def mapping(self) -> dict:
        data = self.cleaned_data
        return {
            "columns": {f.key: data[f"col_{f.key}"] for f in FIELDS if data.get(f"col_{f.key}")},
            "defaults": {
                "type": data.get("default_type") or "",
                "need_type": data.get("default_need_type") or "",
            },
            "date_order": data.get("date_order") or "auto",
        }


class ImportMap(AreaPermissionMixin, _UploadMixin, FormView):
    """Choose which column holds which field; guessed from the column names at first."""

    capability = Capability.EDIT_AREA
    template_name = "engagement/import_map.html"
    form_class = MappingForm

    def get_form_kwargs(self):
        self.load_upload()
        self.error = ""
        self.columns = []
        try:
            sheet = read_sheet(self.path, self.filename)
            wanted = (self.mapping or {}).get("columns", {}).values()
            asked = self.request.GET.get("header_row", "")
            if asked.isdigit() and int(asked) > 0:
                self.header_row = find_header(sheet, (), int(asked))
            else:
                try:
                    self.header_row = find_header(sheet, wanted)
                except SpreadsheetError:
                    self.header_row = find_header(sheet)
            self.columns = table(sheet, (), self.header_row).columns
        except SpreadsheetError as error:
            self.error = str(error)
        kwargs = super().get_form_kwargs()
        kwargs["columns"] = self.columns
        return kwargs

    def get_initial(self):
        if self.mapping:
            mapping = self.mapping
        else:
            mapping = {"columns": guess_mapping(self.columns), "defaults": {}}
        initial = {f"col_{k}": v for k, v in mapping.get("columns", {}).items()}
        defaults = mapping.get("defaults", {})
        initial.update(
            default_type=defaults.get("type", ""),
            default_need_type=defaults.get("need_type", ""),
            date_order=mapping.get("date_order", "auto"),
        )
        return initial

    def form_valid(self, form):
        try:
            mapping = clean_mapping(form.mapping(), self.columns)
        except MappingError as error:
            form.add_error(None, str(error)[0].upper() + str(error)[1:])
            return self.form_invalid(form)
        mapping["header_row"] = self.header_row
        uploads.save_mapping(self.area, self.kwargs["token"], mapping)
        return redirect(
            "imports:import-preview", area_slug=self.area.slug, token=self.kwargs["token"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filename=self.filename,
            error=self.error,
            token=self.kwargs["token"],
            header_row=getattr(self, "header_row", None),
        )
        return context


class ImportPreview(AreaPermissionMixin, _UploadMixin, TemplateView):
    """Counts, the first rows as they would be imported, every error, doubtful matches."""

    capability = Capability.EDIT_AREA
    template_name = "engagement/import_preview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.load_upload()
        context.update(filename=self.filename, token=self.kwargs["token"], report=None)
        if not self.mapping:
            context["problem"] = "Map the columns of this file first."
            return context
        report = kwargs.get("report")
        if report is None:
            try:
                report = plan_import(
                    area=self.area,
                    path=self.path,
                    mapping=self.mapping,
                    filename=self.filename,
                    accept=kwargs.get("accept", ()),
                )
            except (SpreadsheetError, MappingError) as error:
                context["problem"] = str(error)
                return context
        context["report"] = report
        types = dict(Engagement.Type.choices)
        needs = dict(SkillsNeed.NeedType.choices)
        context["first_rows"] = [
            {
                "row": p,
                "type": types.get(p.values.get("type"), p.values.get("type")),
                "need": needs.get(p.values.get("need_type"), p.values.get("need_type")),
            }
            for p in report.prepared[:PREVIEW_ROWS]
        ]
        return context


class ImportApply(AreaPermissionMixin, _UploadMixin, View):
    """Start the import of the previewed file as a job (all of it or nothing) and follow it on
    the job's page; the same upload is never imported by two jobs at once."""

    capability = Capability.EDIT_AREA
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.load_upload()
        token = kwargs["token"]
        if not self.mapping:
            return redirect("imports:import-map", area_slug=self.area.slug, token=token)
        running = Job.objects.filter(
            area=self.area, kind=jobs.KIND, params__token=token, state__in=Job.ACTIVE
        ).first()
        job = running or jobs.start_import(
            area=self.area, token=token, accept=request.POST.getlist("accept"), user=request.user
        )
        return redirect(job)

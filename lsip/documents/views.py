"""The documents of an area, signed in: each narrative section's state and its editor with a
preview, the plan and progress report as web pages, builds of PDF and DOCX as background jobs,
the area's branding, marking a progress report final and publishing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import save_as
from lsip.delivery.models import ProgressReport
from lsip.delivery.report import set_publication_date, state_of
from lsip.documents import jobs, outline, publication, services
from lsip.documents.forms import (
    BrandingForm,
    BuildForm,
    NarrativeForm,
    NewProgressReportForm,
    ProgressReportForm,
)
from lsip.documents.models import Branding, Build, Publication
from lsip.documents.progress_document import passage_state
from lsip.documents.sections import part, parts_of
from lsip.documents.text import to_html
from lsip.plans.models import Plan


class PlanMixin(AreaPermissionMixin):
    @cached_property
    def plan(self) -> Plan:
        plan = (
            Plan.objects.filter(area=self.area)
            .select_related("cycle", "area")
            .order_by("-cycle__start_year")
            .first()
        )
        if plan is None:
            raise Http404("The area has no plan yet")
        return plan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = self.plan
        return context


def _states(plan, document: str, report: ProgressReport | None = None) -> list[dict]:
    """Each section the ERB writes, its state and where it is written: the documents' own
    editor, or for a progress report's passages the report's delivery page."""
    found = services.narratives(plan, document)
    rows = []
    for p in parts_of(document):
        if p.on_report and report is not None:
            state = passage_state(getattr(report, p.key))
            url = _passages_url(report)
        else:
            narrative = found.get(p.key)
            state = narrative.state if narrative else "empty"
            url = reverse(
                "documents:narrative",
                kwargs={"area_slug": plan.area.slug, "document": document, "key": p.key},
            )
        rows.append({"part": p, "state": state, "label": state.capitalize(), "url": url})
    return rows


def _passages_url(report: ProgressReport) -> str:
    area_slug = report.plan.area.slug
    page = reverse("delivery:report", kwargs={"area_slug": area_slug, "year": report.year})
    return f"{page}#narrative"


class DocumentsView(PlanMixin, TemplateView):
    template_name = "documents/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.plan
        build = services.latest_build(plan, services.PLAN, "pdf")
        context.update(
            sections=_states(plan, services.PLAN),
            builds=Build.objects.filter(plan=plan)[:10],
            main_body_pages=build.main_body_pages if build else None,
            publications=Publication.objects.filter(area=self.area),
            reports=ProgressReport.objects.filter(plan=plan),
            build_form=BuildForm(),
            new_report_form=NewProgressReportForm(),
        )
        return context


class DocumentPage(PlanMixin, TemplateView):
    """The plan (or a progress report) as a web page, as it stands now."""

    template_name = "documents/document.html"

    @cached_property
    def report(self):
        year = self.kwargs.get("year")
        if year is None:
            return None
        return get_object_or_404(ProgressReport, plan=self.plan, year=year)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        doc = services.build_document(self.plan, self.report)
        key = services.document_key(self.report)
        context.update(
            document=doc,
            parts=outline.parts(doc),
            contents=outline.contents(doc),
            draft=True,
            report=self.report,
            document_key=key,
            sections=_states(self.plan, key, self.report),
            build_form=BuildForm(),
            report_form=ProgressReportForm(instance=self.report) if self.report else None,
            report_state=state_of(self.report) if self.report else None,
        )
        return context


class NarrativeEdit(PlanMixin, FormView):
    capability = Capability.EDIT_PLAN
    template_name = "documents/narrative_form.html"
    form_class = NarrativeForm

    @cached_property
    def part(self):
        found = part(self.kwargs["document"], self.kwargs["key"])
        document = self.kwargs["document"]
        if found is None or not (document == "plan" or document.startswith("progress-")):
            raise Http404("No such section")
        return found

    def get(self, request, *args, **kwargs):
        document = self.kwargs["document"]
        if self.part.on_report and document != "plan":
            report = get_object_or_404(
                ProgressReport, plan=self.plan, year=int(document.split("-")[1])
            )
            return redirect(_passages_url(report))
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        narrative = services.narratives(self.plan, self.kwargs["document"]).get(self.part.key)
        if narrative is None:
            return {}
        return {"text": narrative.text, "complete": narrative.complete}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["part"] = self.part
        context["document_key"] = self.kwargs["document"]
        context["back"] = self._back()
        return context

    def _back(self):
        document = self.kwargs["document"]
        if document == "plan":
            return reverse("documents:plan", kwargs={"area_slug": self.area.slug})
        return reverse(
            "documents:progress",
            kwargs={"area_slug": self.area.slug, "year": int(document.split("-")[1])},
        )

    def form_valid(self, form):
        if "preview" in self.request.POST:
            return self.render_to_response(
                self.get_context_data(form=form, preview=to_html(form.cleaned_data["text"]))
            )
        try:
            services.save_narrative(
                self.plan,
                self.kwargs["document"],
                self.part.key,
                text=form.cleaned_data["text"],
                complete=form.cleaned_data["complete"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.part.title} saved")
        return redirect(self._back() + f"#{self.part.key}")


class StartBuild(PlanMixin, View):
    capability = Capability.EDIT_PLAN

    def post(self, request, *args, **kwargs):
        form = BuildForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Choose PDF or Word")
            return redirect("documents:overview", area_slug=self.area.slug)
        report = None
        if request.POST.get("year"):
            report = get_object_or_404(ProgressReport, plan=self.plan, year=request.POST["year"])
        job = jobs.start_build(
            plan=self.plan, fmt=form.cleaned_data["format"], user=request.user, report=report
        )
        return redirect("jobs:job-detail", area_slug=self.area.slug, pk=job.pk)


class BuildDownload(PlanMixin, View):
    def get(self, request, *args, **kwargs):
        build = get_object_or_404(Build, pk=kwargs["pk"], plan__area=self.area)
        path = services.build_path(build)
        if not path.exists():
            raise Http404("The file of this build has been removed")
        name = f"{self.area.slug}-{build.document}.{build.format}"
        return FileResponse(path.open("rb"), as_attachment=True, filename=name)


class Publish(PlanMixin, TemplateView):
    capability = Capability.MANAGE_AREA
    template_name = "documents/publish.html"

    def post(self, request, *args, **kwargs):
        try:
            found = publication.publish_from_page(self.plan, request.user)
        except ValidationError as error:
            context = self.get_context_data(problems=error.messages)
            return self.render_to_response(context)
        messages.success(request, f"{found.title} is published")
        return redirect("public:area", area_slug=self.area.slug)


class StartProgressReport(PlanMixin, View):
    capability = Capability.EDIT_PLAN

    def post(self, request, *args, **kwargs):
        form = NewProgressReportForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Enter the year the report is for")
            return redirect("documents:overview", area_slug=self.area.slug)
        try:
            report = services.progress_report(
                self.plan, form.cleaned_data["year"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("documents:overview", area_slug=self.area.slug)
        return redirect(report.get_absolute_url())


class ProgressAction(PlanMixin, View):
    """Set the publication date, mark final (the 20-page check) or publish a progress report."""

    capability = Capability.EDIT_PLAN

    def post(self, request, *args, **kwargs):
        report = get_object_or_404(ProgressReport, plan=self.plan, year=kwargs["year"])
        action = request.POST.get("action")
        try:
            if action == "date":
                form = ProgressReportForm(request.POST, instance=report)
                if not form.is_valid():
                    raise ValidationError([e for errors in form.errors.values() for e in errors])
                set_publication_date(
                    report, form.cleaned_data["publication_date"], actor=request.user
                )
                messages.success(request, "Publication date saved")
            elif action == "final":
                build = services.mark_final(report, actor=request.user)
                messages.success(request, f"Marked final: {build.pages} pages")
            elif action == "publish":
                if Capability.MANAGE_AREA not in self.capabilities:
                    raise PermissionDenied
                found = publication.publish_progress(report, request.user)
                messages.success(
                    request, f"Published; shown to the public from {found.available_from:%d %B %Y}"
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(report.get_absolute_url())


class BrandingEdit(AreaPermissionMixin, FormView):
    capability = Capability.MANAGE_AREA
    template_name = "documents/branding_form.html"
    form_class = BrandingForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Branding.objects.filter(area=self.area).first() or Branding(
            area=self.area
        )
        return kwargs

    def form_valid(self, form):
        save_as(self.request.user, form.instance)
        messages.success(self.request, "Branding saved")
        return redirect("documents:overview", area_slug=self.area.slug)

"""The engagement record's pages: engagements, their skills needs, breadth and downloads."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.areas.models import Cycle
from lsip.core.exports import Column, download
from lsip.core.forms import add_rule_errors
from lsip.core.sorting import sort_headers
from lsip.engagement import breadth as breadth_counts
from lsip.engagement import exports, jobs, services
from lsip.engagement.forms import EngagementFilterForm, EngagementForm, SkillsNeedForm
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.engagement.querysets import (
    LIST_COLUMNS,
    engagements_of,
    listed,
    needs_counted,
    needs_of,
    with_soc_titles,
)
from lsip.organisations.models import Organisation


class CycleChoiceMixin:
    """An optional `?cycle=<id>` narrowing a page or download to one plan cycle."""

    def chosen_cycle(self):
        value = self.request.GET.get("cycle", "")
        if not value:
            return None
        try:
            return Cycle.objects.get(area=self.area, pk=value)
        except (Cycle.DoesNotExist, ValidationError):
            raise Http404("No such cycle in this area") from None


class EngagementList(AreaPermissionMixin, TemplateView):
    """SG 5.1: every engagement of the area, filtered by type, dates and organisation."""

    template_name = "engagement/engagement_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = EngagementFilterForm(self.request.GET or None)
        sort = self.request.GET.get("sort", "")
        engagements = listed(engagements_of(self.area, **form.filters()), sort)
        # the list shows each engagement's kind, date and organisations' names: nothing else
        # is read (an imported engagement keeps its whole source row)
        engagements = (
            engagements.select_related(None)
            .only("id", "type", "date", "created_on")
            .prefetch_related(None)
            .prefetch_related(Prefetch("organisations", Organisation.objects.only("id", "name")))
        )
        page = Paginator(engagements, 50).get_page(self.request.GET.get("page"))
        needs_counted(page)
        context["headers"] = sort_headers(self.request.GET, LIST_COLUMNS, sort)
        context.update(form=form, page=page, cycles=Cycle.objects.filter(area=self.area))
        return context


class EngagementDetail(AreaPermissionMixin, TemplateView):
    template_name = "engagement/engagement_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        engagement = get_object_or_404(
            Engagement.objects.select_related("cycle", "import_batch"),
            area=self.area,
            pk=self.kwargs["pk"],
        )
        context["engagement"] = engagement
        context["organisations"] = engagement.organisations.select_related("local_authority")
        context["needs"] = with_soc_titles(needs_of(self.area, engagement=engagement))
        return context


class EngagementFormView(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    form_class = EngagementForm
    template_name = "engagement/engagement_form.html"
    engagement = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, instance=self.engagement)
        return kwargs

    def get_initial(self):
        organisation = self.request.GET.get("organisation")
        return {"organisations": [organisation]} if organisation else {}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        organisations = data.pop("organisations")
        try:
            if self.engagement is None:
                engagement = services.record_engagement(
                    area=self.area, organisations=organisations, actor=self.request.user, **data
                )
            else:
                engagement = services.update_engagement(
                    engagement=Engagement.objects.get(pk=self.engagement.pk),
                    organisations=organisations,
                    actor=self.request.user,
                    **data,
                )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{engagement} saved")
        return redirect(engagement_url(engagement))

    def get_context_data(self, **kwargs):
        return super().get_context_data(engagement=self.engagement, **kwargs)


def engagement_url(engagement):
    return reverse(
        "engagement:engagement-detail",
        kwargs={"area_slug": engagement.area.slug, "pk": engagement.pk},
    )


class EngagementCreate(EngagementFormView):
    pass


class EngagementUpdate(EngagementFormView):
    def dispatch(self, request, *args, **kwargs):
        self.engagement = get_object_or_404(
            Engagement, area__slug=kwargs["area_slug"], pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class SkillsNeedFormView(AreaPermissionMixin, FormView):
    """Add or change a skills need on an engagement; the need is coded to SOC 2020."""

    capability = Capability.EDIT_AREA
    form_class = SkillsNeedForm
    template_name = "engagement/need_form.html"
    need = None

    def dispatch(self, request, *args, **kwargs):
        self.engagement = get_object_or_404(
            Engagement, area__slug=kwargs["area_slug"], pk=kwargs["pk"]
        )
        if "need_pk" in kwargs:
            self.need = get_object_or_404(
                SkillsNeed, engagement=self.engagement, pk=kwargs["need_pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(engagement=self.engagement, instance=self.need)
        return kwargs

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        data["level"] = data.get("level") or ""
        data["timescale"] = data.get("timescale") or ""
        try:
            if self.need is None:
                need = services.add_skills_need(
                    engagement=self.engagement,
                    actor=self.request.user,
                    source=f"skills need on {self.engagement}",
                    **data,
                )
            else:
                # The model form has already copied the new values onto self.need.
                stored = SkillsNeed.objects.get(pk=self.need.pk)
                need = services.update_skills_need(need=stored, actor=self.request.user, **data)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Skills need “{need.words}” saved")
        return redirect(engagement_url(self.engagement))

    def get_context_data(self, **kwargs):
        need = with_soc_titles([self.need])[0] if self.need else None
        return super().get_context_data(engagement=self.engagement, need=need, **kwargs)


class BreadthView(CycleChoiceMixin, AreaPermissionMixin, TemplateView):
    """SG 5.1: how broad the employer engagement is and where the evidence is thin;
    `?format=csv` or `xlsx` downloads the same numbers."""

    template_name = "engagement/breadth.html"

    def get(self, request, *args, **kwargs):
        self.cycle = self.chosen_cycle()
        self.result = breadth_counts.kept_breadth(self.area, self.cycle)
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            columns = [Column(h, lambda r, h=h: r.get(h, "")) for h in breadth_counts.COLUMNS]
            return download(
                columns,
                breadth_counts.breadth_rows(self.result),
                fmt,
                f"{self.area.slug}-engagement-breadth",
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gaps_by_sector = {}
        for gap in self.result.gaps:
            gaps_by_sector.setdefault(gap.sector, []).append(gap)
        context.update(
            result=self.result,
            gaps_by_sector=gaps_by_sector,
            cycle=self.cycle,
            cycles=Cycle.objects.filter(area=self.area),
        )
        return context


class ExportView(CycleChoiceMixin, AreaPermissionMixin, TemplateView):
    """A download for Skills England: built while the page waits when it is small, else by a
    job whose page gives the file (LSIP_DOWNLOAD_IN_PAGE_ROWS)."""

    formats = ("csv", "xlsx")

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "csv")
        if fmt not in self.formats:
            raise Http404("No such format")
        cycle = self.chosen_cycle()
        wanted = exports.DOWNLOADS[self.download]
        if wanted.size(self.area, cycle) > settings.LSIP_DOWNLOAD_IN_PAGE_ROWS:
            job = jobs.start_export(
                area=self.area, what=self.download, fmt=fmt, cycle=cycle, user=request.user
            )
            return redirect(job)
        records = wanted.records(self.area, cycle)
        return download(wanted.columns, records, fmt, f"{self.area.slug}-{wanted.name}")


class EngagementRecordExport(ExportView):
    """SG 5.1: the record of every organisation engaged, for Skills England (no contacts)."""

    download = "record"


class SkillsNeedsExport(ExportView):
    """The skills-needs evidence coded to SOC 2020 and SIC 2007 (SG Annex D)."""

    download = "needs"
    formats = ("csv", "xlsx", "json")

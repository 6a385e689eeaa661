"""The all-areas pages for Skills England (SG 4, 7): the national view with its map and
tables, and two to six areas side by side."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.views.generic import TemplateView

from lsip.accounts.access import areas_visible_to, reads_every_area
from lsip.core.exports import Column, download
from lsip.national import aggregates, maps
from lsip.national.tables import TABLES
from lsip.plans.models import Priority

#: How many rows of each code table the page shows (the downloads hold them all).
SHOWN = 20
DOWNLOADS = ("csv", "xlsx")


class ReadsEveryArea:
    """Skills England reviewers (and superusers) only: the page aggregates every area."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not reads_every_area(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _format(request) -> str | None:
    fmt = request.GET.get("format")
    if fmt is None:
        return None
    if fmt not in DOWNLOADS:
        raise Http404("Downloads are CSV or XLSX")
    return fmt


class NationalView(ReadsEveryArea, TemplateView):
    """Every area on a map shaded by a chosen measure, with the table beside it, and the
    priorities and evidence aggregated by SOC 2020, SIC 2007 and sector."""

    template_name = "national/overview.html"

    def get(self, request, *args, **kwargs):
        fmt = _format(request)
        if fmt:
            table = TABLES.get(request.GET.get("table", ""))
            if table is None:
                raise Http404("No such table")
            rows = table.rows(aggregates.national_figures())
            return download(table.columns, rows, fmt, f"lsip-england-{table.key}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        measure = aggregates.MEASURE_KEYS.get(
            self.request.GET.get("measure", ""), aggregates.MEASURES[2]
        )
        national = aggregates.national_figures()
        rows = national.area_rows()
        values = {r.area.slug: r.values.get(measure.key) for r in rows}
        labels = {slug: _label(v, measure) for slug, v in values.items()}
        soc_units = aggregates.soc_table("unit", national)
        context.update(
            national=national,
            measure=measure,
            measures=aggregates.MEASURES,
            rows=[(r, labels[r.area.slug]) for r in rows],
            map=maps.shaded_map(values, labels),
            shows_standing=any(r.step or r.readiness or r.rag for r in rows),
            soc_units=soc_units[:SHOWN],
            soc_minor=aggregates.soc_table("minor", national)[:SHOWN],
            sic_divisions=aggregates.sic_division_table(national)[:SHOWN],
            sectors=aggregates.sector_table(national),
            named_not_prioritised=aggregates.named_not_prioritised(table=soc_units),
            demand_not_planned=aggregates.demand_not_planned(table=soc_units),
            shown=SHOWN,
        )
        return context


def _label(value, measure) -> str:
    if value is None:
        return "no figure"
    if measure.percent:
        return f"{value:.0%}"
    return f"{value:,}"


class Compare(TemplateView):
    """Two to six areas side by side on the same measures, with each plan's priorities.

    Anyone signed in may compare the areas they read; Skills England reads every area."""

    template_name = "national/compare.html"
    MIN, MAX = 2, 6

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def chosen(self):
        visible = areas_visible_to(self.request.user).order_by("name")
        slugs = self.request.GET.getlist("areas")
        by_slug = {a.slug: a for a in visible.filter(slug__in=slugs)}
        chosen = [by_slug[s] for s in dict.fromkeys(slugs) if s in by_slug]
        error = ""
        if slugs and not self.MIN <= len(chosen) <= self.MAX:
            error = f"Choose from {self.MIN} to {self.MAX} areas you can read"
        return visible, chosen, error

    def get(self, request, *args, **kwargs):
        fmt = _format(request)
        if fmt:
            _visible, chosen, error = self.chosen()
            if error or not chosen:
                raise Http404(error or "Choose the areas to compare")
            columns, records = self.table(aggregates.area_rows(chosen))
            return download(columns, records, fmt, "lsip-areas-side-by-side")
        return super().get(request, *args, **kwargs)

    @staticmethod
    def table(rows):
        """One line per measure, one column per area."""
        records = [
            {"label": m.label, "cells": [_label(r.values.get(m.key), m) for r in rows]}
            for m in aggregates.MEASURES
        ]
        records.append({"label": "Cycle", "cells": [r.cycle_label for r in rows]})
        columns = [Column("Measure", lambda rec: rec["label"])] + [
            Column(r.area.name, lambda rec, i=i: rec["cells"][i]) for i, r in enumerate(rows)
        ]
        return columns, records

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visible, chosen, error = self.chosen()
        context.update(visible=visible, chosen_slugs={a.slug for a in chosen}, error=error)
        if chosen and not error:
            rows = aggregates.area_rows(chosen)
            _columns, records = self.table(rows)
            priorities: dict = {}
            plan_ids = [r.plan_id for r in rows if r.plan_id]
            for priority in Priority.objects.filter(plan__in=plan_ids).order_by("position"):
                priorities.setdefault(priority.plan_id, []).append(priority)
            context.update(
                rows=rows,
                records=records,
                with_priorities=[(r, priorities.get(r.plan_id, [])) for r in rows],
                query="&".join(f"areas={a.slug}" for a in chosen),
            )
        return context

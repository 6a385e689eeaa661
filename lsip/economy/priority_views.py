"""The priority-sector page: weights, the ranked comparative table, the sensitivity view and
the CSV/XLSX export (SG 2.1)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.views.generic import FormView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import acting_as
from lsip.core.exports import Column, download
from lsip.core.forms import GovukForm
from lsip.economy import priority
from lsip.economy.models import PriorityWeights
from lsip.sectors.services import sectors_for


class WeightsForm(GovukForm):
    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in priority.CRITERIA:
            self.fields[criterion.key] = forms.DecimalField(
                label=criterion.label,
                help_text=f"{criterion.explanation} 0 leaves it out.",
                min_value=0,
                max_value=10,
                decimal_places=2,
                error_messages={
                    "required": f"Enter a weight for {criterion.label.lower()}, or 0",
                    "invalid": f"The weight for {criterion.label.lower()} must be a number",
                    "min_value": "A weight must be 0 or more",
                    "max_value": "A weight must be 10 or less",
                },
            )
        self.fields["sectors"] = forms.ModelMultipleChoiceField(
            queryset=sectors_for(area),
            required=False,
            label="Sectors to compare",
            help_text="Leave all unticked to compare every sector.",
            widget=forms.CheckboxSelectMultiple,
        )


def saved_weights(area) -> tuple[dict | None, list]:
    saved = PriorityWeights.objects.filter(area=area).first()
    if saved is None:
        return None, []
    return saved.weights, list(saved.sectors.all())


class PriorityView(AreaPermissionMixin, FormView):
    capability = Capability.VIEW_AREA
    template_name = "economy/priority.html"

    def get_form(self, form_class=None):
        weights, sectors = saved_weights(self.area)
        initial = {**priority.clean_weights(weights), "sectors": sectors}
        return WeightsForm(
            self.request.POST if self.request.method == "POST" else None,
            area=self.area,
            initial=initial,
        )

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            return export(self.area, fmt)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if Capability.EDIT_AREA not in self.capabilities:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        weights = {c.key: float(form.cleaned_data[c.key]) for c in priority.CRITERIA}
        with transaction.atomic(), acting_as(self.request.user):
            saved, _ = PriorityWeights.objects.get_or_create(area=self.area)
            saved.weights = weights
            saved.save()
            saved.sectors.set(form.cleaned_data["sectors"])
        return redirect("economy:priority", area_slug=self.area.slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        weights, sectors = saved_weights(self.area)
        result = priority.table(self.area, weights, sectors or None)
        context.update(
            table=result,
            changes=priority.sensitivity(result),
            method=priority.method(result),
            criteria=priority.CRITERIA,
            replaced=[] if sectors else priority.replaced_sectors(list(sectors_for(self.area))),
        )
        return context


def export(area, fmt: str):
    """The ranked table, one row a sector, with each criterion's value and scaled value."""
    weights, sectors = saved_weights(area)
    result = priority.table(area, weights, sectors or None)
    columns = [
        Column("Rank", lambda r: r.rank),
        Column("Sector", lambda r: r.sector.name),
        Column("Kind", lambda r: r.sector.get_kind_display()),
        Column("Score", lambda r: round(r.score, 4)),
    ]
    for c in result.criteria:
        columns += [
            Column(c.label, lambda r, k=c.key: _rounded(r.values.get(k))),
            Column(f"{c.label} (scaled)", lambda r, k=c.key: round(r.scaled.get(k, 0), 4)),
            Column(f"{c.label} (weight)", lambda r, k=c.key: result.weights[k]),
        ]
    first = result.rows[0] if result.rows else None
    columns.append(Column("Method", lambda r: priority.method(result) if r is first else ""))
    columns.append(Column("Sources", lambda r: " ".join(result.sources) if r is first else ""))
    return download(columns, result.rows, fmt, f"priority-sectors-{area.slug}")


def _rounded(value):
    """Shares, quotients and growth to four places; counts (apportioned) to whole numbers."""
    if value is None:
        return None
    return round(value, 4) if abs(value) < 10 else round(value)

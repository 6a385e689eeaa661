"""The context the plan answers to (SG 2.1, 2.2): the Strategic Authority's sector
skills priorities (or, where there is none, the local authorities' economic plans) and the
ten national Industrial Strategy sectors, each reflected and how, or why not; a Strategic
Authority priority not reflected stops submission (SG 3.5, `lsip.plans.readiness`)."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path

from lsip.plans import annex_forms, readiness
from lsip.plans.models import ContextLink
from lsip.plans.views.parts import ItemDeleteView, ItemFormView, ItemListView
from lsip.sectors.models import Sector
from lsip.sectors.services import NATIONAL_SECTORS


class ContextPart:
    model = ContextLink
    list_name = "context-list"
    noun = "context link"


def national_sectors() -> list[Sector]:
    """The ten national sectors in the order of SG 2.1: eight growth-driving, two foundation."""
    order = {name: n for n, (name, _) in enumerate(NATIONAL_SECTORS)}
    sectors = Sector.objects.filter(area__isnull=True)
    return sorted(sectors, key=lambda s: (order.get(s.name, len(order)), s.name))


class ContextList(ContextPart, ItemListView):
    """How the plan answers the Strategic Authority's sector skills priorities (or, where
    there is none, the local authorities' plans) and each of the ten national Industrial
    Strategy sectors: reflected and how, or why not. A national sector not yet answered is
    listed as such, with a link to answer it."""

    template_name = "plans/context_list.html"

    def get_context_data(self, **kwargs):
        links = list(
            self.plan.context_links.select_related("sector").prefetch_related("priorities")
        )
        local = [link for link in links if link.kind == ContextLink.Kind.STRATEGIC_AUTHORITY]
        by_sector = {
            link.sector_id: link
            for link in links
            if link.kind == ContextLink.Kind.INDUSTRIAL_STRATEGY and link.sector_id
        }
        national = [(sector, by_sector.pop(sector.pk, None)) for sector in national_sectors()]
        national_ids = {sector.pk for sector, _ in national}
        other = [
            link
            for link in links
            if link.kind == ContextLink.Kind.INDUSTRIAL_STRATEGY
            and link.sector_id not in national_ids
        ]
        found = readiness.findings(self.plan)
        stopping = {item.pk for f in found if f.blocks_submission for item in f.items}
        for link in local:
            link.blocks_submission = link.pk in stopping
        return super().get_context_data(
            findings=found,
            local=local,
            national=national,
            unanswered=sum(1 for _, link in national if link is None),
            other=other,
            **kwargs,
        )


class ContextFormView(ContextPart, ItemFormView):
    form_class = annex_forms.ContextLinkForm
    links = ("priorities",)
    national = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "national": self.national}

    def get_context_data(self, **kwargs):
        kind = self.item.kind if self.item else None
        if self.national is not None or kind == ContextLink.Kind.INDUSTRIAL_STRATEGY:
            sector = self.national or self.item.sector
            name = sector.name if sector else self.item.name
            title, intro = (
                f"How the plan answers {name}",
                f"{name} is one of the Industrial Strategy's national sectors (SG 2.1). Say "
                "whether the plan reflects it and how, or why it does not.",
            )
        else:
            if self.area.is_devolved:
                source = f"{self.area.strategic_authority}'s sector skills priorities"
            else:
                source = "the local authorities' economic plans"
            title = "Change a context link" if self.item else "Add a priority the plan answers"
            intro = (
                f"A priority from {source} for this cycle, and how the plan reflects it or "
                "why it does not (SG 2.2)."
            )
            if self.area.is_devolved:
                intro += (
                    " The plan cannot be submitted while a Strategic Authority priority is not "
                    "reflected (SG 3.5): the reason is kept as the note of the disagreement for "
                    "Skills England."
                )
        return super().get_context_data(**kwargs) | {"title": title, "intro": intro}


class ContextCreate(ContextFormView):
    pass


class ContextAddNational(ContextFormView):
    """Answer one national Industrial Strategy sector: the add form with the sector fixed.
    If the plan already answers it, its answer is opened instead."""

    def find_sector(self):
        # After the permission check: a national sector, whatever the area.
        self.national = get_object_or_404(Sector, area__isnull=True, pk=self.kwargs["sector_pk"])

    def get(self, request, *args, **kwargs):
        self.find_sector()
        existing = ContextLink.objects.filter(
            plan=self.plan, kind=ContextLink.Kind.INDUSTRIAL_STRATEGY, sector=self.national
        ).first()
        if existing is not None:
            return redirect("plans:context-update", area_slug=self.area.slug, pk=existing.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.find_sector()
        return super().post(request, *args, **kwargs)


class ContextUpdate(ContextFormView):
    item_in_url = True


class ContextDelete(ContextPart, ItemDeleteView):
    pass


urlpatterns = [
    path("<uuid:pk>/context/", ContextList.as_view(), name="context-list"),
    path("<uuid:pk>/context/new/", ContextCreate.as_view(), name="context-create"),
    path(
        "<uuid:pk>/context/national/<uuid:sector_pk>/",
        ContextAddNational.as_view(),
        name="context-add-national",
    ),
    path("context/<uuid:pk>/edit/", ContextUpdate.as_view(), name="context-update"),
    path("context/<uuid:pk>/delete/", ContextDelete.as_view(), name="context-delete"),
]

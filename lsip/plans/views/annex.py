"""The plan's annex pages (see lsip/plans/urls.py): the Annex A occupation and industry table
(SG Annex A, Annex D), outcomes and metrics (SG 7), the context the plan answers to (SG 2.1,
2.2: the Strategic Authority's sector skills priorities and the ten national Industrial
Strategy sectors) and the cross-cutting duties (Skills and Post-16 Education Act 2022 s1(6);
SG 2.2: equality of opportunity).

Reading needs VIEW_AREA, changing EDIT_PLAN. The plan and its items are looked up within the
area of the URL only. Every change goes through `lsip.plans.services`, which refuses a lost
update (`locking.ConflictError`): the page then answers 409 with who changed the item and
when, and the item as it now stands beside what the person typed.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.classification.coder.store import CoderFilesMissingError
from lsip.classification.models import SicItem, SocExtendedGroup, SocGroup
from lsip.core.forms import add_rule_errors
from lsip.plans import annex_forms, conflicts, merging, readiness, services
from lsip.plans.locking import ConflictError
from lsip.plans.models import ContextLink, Duty, OccupationEntry, Outcome, OutcomeArea, Plan
from lsip.sectors.models import Sector
from lsip.sectors.services import NATIONAL_SECTORS

PLAN_NAV = "plans/_plan_nav.html"

#: SG 2.2 and the Skills and Post-16 Education Act 2022 s1(6): where each duty comes from.
DUTY_SOURCES = {
    Duty.Kind.NET_ZERO: "Skills and Post-16 Education Act 2022, section 1(6)",
    Duty.Kind.ADAPTATION: "Skills and Post-16 Education Act 2022, section 1(6)",
    Duty.Kind.ENVIRONMENT: "Skills and Post-16 Education Act 2022, section 1(6)",
    Duty.Kind.EQUALITY: "statutory guidance, section 2.2",
}


def plan_nav_template() -> str | None:
    """The plan's shared sub-navigation, once it exists."""
    try:
        get_template(PLAN_NAV)
    except TemplateDoesNotExist:
        return None
    return PLAN_NAV


class PlanPartMixin:
    """Put after AreaPermissionMixin: the plan of the URL (`<uuid:pk>` is the plan's) or,
    with `item_in_url`, the item (`<uuid:pk>` is the item's), within the URL's area only."""

    model: type[Model]
    item_in_url = False
    list_name = ""
    noun = ""

    def dispatch(self, request, *args, **kwargs):
        if self.item_in_url:
            self.item = get_object_or_404(
                self.model.objects.select_related("plan__cycle"),
                plan__area=self.area,
                pk=kwargs["pk"],
            )
            self.plan = self.item.plan
        else:
            self.item = None
            self.plan = get_object_or_404(
                Plan.objects.select_related("cycle"), area=self.area, pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def list_url(self, anchor=None) -> str:
        url = reverse(
            f"plans:{self.list_name}", kwargs={"area_slug": self.area.slug, "pk": self.plan.pk}
        )
        return f"{url}#item-{anchor}" if anchor else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            item=self.item,
            noun=self.noun,
            list_url=self.list_url(),
            plan_nav=plan_nav_template(),
            can_edit=Capability.EDIT_PLAN in self.capabilities,
        )
        return context


class ItemFormView(AreaPermissionMixin, PlanPartMixin, FormView):
    """Add (plan in the URL) or change (item in the URL) one item of the plan."""

    capability = Capability.EDIT_PLAN
    template_name = "plans/annex_form.html"
    links: tuple[str, ...] = ()
    intro = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(plan=self.plan, instance=self.item or self.model(plan=self.plan))
        return kwargs

    def form_valid(self, form):
        instance = form.save(commit=False)
        links = {name: form.cleaned_data[name] for name in self.links if name in form.fields}
        try:
            services.save(
                instance,
                actor=self.request.user,
                expected_version=form.cleaned_data.get("version") if self.item else None,
                links=links,
                read=merging.values_read(form),
            )
        except ConflictError as conflict:
            return conflicts.refused(self, form, conflict)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.noun.capitalize()} “{instance}” saved")
        return redirect(self.list_url(instance.pk))

    def get_context_data(self, **kwargs):
        title = f"Change {self.noun}" if self.item else f"Add {self.article()} {self.noun}"
        return super().get_context_data(title=title, intro=self.intro, **kwargs)

    def article(self):
        return "an" if self.noun[:1].lower() in "aeiou" else "a"


class ItemDeleteView(AreaPermissionMixin, PlanPartMixin, TemplateView):
    """Remove one item, refusing if it changed since the page was opened."""

    capability = Capability.EDIT_PLAN
    item_in_url = True
    template_name = "plans/annex_delete.html"

    def post(self, request, *args, **kwargs):
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            messages.error(request, "Open the item again before removing it")
            return redirect(request.path)
        try:
            services.delete(self.item, actor=request.user, expected_version=version)
        except ConflictError as conflict:
            self.item = conflict.current
            return self.render_to_response(self.get_context_data(conflict=conflict), status=409)
        messages.success(request, f"{self.noun.capitalize()} “{self.item}” removed")
        return redirect(self.list_url())


class ItemListView(AreaPermissionMixin, PlanPartMixin, TemplateView):
    capability = Capability.VIEW_AREA


# Annex A: occupations and industries (SG Annex A, Annex D) -----------------------------------


class OccupationPart:
    model = OccupationEntry
    list_name = "occupation-list"
    noun = "Annex A entry"


def with_titles(entries):
    """Each entry with `.soc` and `.sic`: [(code, title or None)], titles of the installed
    SOC 2020 and SIC 2007 (two or three queries for the whole table)."""
    entries = list(entries)
    soc = {c for e in entries for c in e.soc_codes}
    sic = {c for e in entries for c in e.sic_codes}
    titles = dict(SocGroup.objects.filter(code__in=soc).values_list("code", "title"))
    titles |= dict(SocExtendedGroup.objects.filter(code__in=soc).values_list("code", "title"))
    sic_titles = dict(SicItem.objects.filter(code__in=sic).values_list("code", "title"))
    for entry in entries:
        entry.soc = [(code, titles.get(code)) for code in entry.soc_codes]
        entry.sic = [(code, sic_titles.get(code)) for code in entry.sic_codes]
    return entries


class OccupationList(OccupationPart, ItemListView):
    """The Annex A table: each occupation with its SOC 2020 and SIC 2007 codes and titles,
    the mapping's limitations, and for a role SOC 2020 does not describe, its definition and
    the rationale (SG Annex A, Annex D)."""

    template_name = "plans/annex_a.html"

    def get_context_data(self, **kwargs):
        entries = self.plan.occupations.select_related("sector")
        return super().get_context_data(entries=with_titles(entries), **kwargs)


class OccupationFormView(OccupationPart, ItemFormView):
    form_class = annex_forms.OccupationForm
    template_name = "plans/annex_a_form.html"
    intro = (
        "Define an occupation the plan targets and map it to SOC 2020 and SIC 2007 (SG Annex "
        "D). A role that SOC 2020 does not yet describe needs a clear definition and the "
        "reason it has no code."
    )

    def post(self, request, *args, **kwargs):
        if "suggest" in request.POST:
            return self.suggest()
        return super().post(request, *args, **kwargs)

    def suggest(self):
        """The coder's SOC 2020 candidates for the occupation's name, as the area's coding
        pages give them (the area's learned mappings first); nothing is saved."""
        from lsip.classification import services as coding

        data = self.request.POST
        form_class = self.get_form_class()
        initial = {name: data.get(name, "") for name in form_class.base_fields}
        form = form_class(
            plan=self.plan, instance=self.item or self.model(plan=self.plan), initial=initial
        )
        name = data.get("name", "").strip()
        context = {"form": form, "suggested_for": name}
        if not name:
            context["suggest_error"] = "Enter the occupation's name to get suggestions"
        else:
            try:
                coder = coding.soc_coder()
                result = coder.code(name, None, None, coding.learned_mappings(self.area))
                context["suggestions"] = result.candidates
            except CoderFilesMissingError:
                context["suggest_error"] = (
                    "The SOC 2020 files are not installed, so codes cannot be suggested: "
                    "run lsip refdata install"
                )
        return self.render_to_response(self.get_context_data(**context))


class OccupationCreate(OccupationFormView):
    pass


class OccupationUpdate(OccupationFormView):
    item_in_url = True


class OccupationDelete(OccupationPart, ItemDeleteView):
    pass


# Outcomes and metrics (SG 7) -----------------------------------------------------------------


class OutcomePart:
    model = Outcome
    list_name = "outcome-list"
    noun = "outcome"


#: What each of the four outcome areas of SG 7 might measure, for an empty group.
OUTCOME_HINTS = {
    OutcomeArea.SKILLS: "For example, the share of employers reporting skills gaps in the "
    "priority occupations.",
    OutcomeArea.EMPLOYERS: "For example, employers meaningfully engaged: co-designing "
    "provision, offering industry placements or taking up learning.",
    OutcomeArea.PROVISION: "For example, changes in the curriculum offer or take-up of "
    "priority provision, entry level to level 8, with progression pathways.",
    OutcomeArea.FUNDING: "For example, how funding is used to support the plan's priorities.",
}


class OutcomeList(OutcomePart, ItemListView):
    """The plan's outcomes under the four outcome areas of SG 7, each with its metric,
    baseline, target and annual milestones."""

    template_name = "plans/outcome_list.html"

    def get_context_data(self, **kwargs):
        outcomes = list(self.plan.outcomes.prefetch_related("priorities"))
        groups = [
            {
                "value": value,
                "label": label,
                "hint": OUTCOME_HINTS[value],
                "outcomes": [o for o in outcomes if o.area_of_outcome == value],
            }
            for value, label in OutcomeArea.choices
        ]
        return super().get_context_data(groups=groups, **kwargs)


class OutcomeFormView(OutcomePart, ItemFormView):
    form_class = annex_forms.OutcomeForm
    links = ("priorities",)
    intro = (
        "An outcome the plan expects over its three years and how progress is measured: one "
        "metric with its baseline, target and annual milestones (SG 7)."
    )

    def get_initial(self):
        area = self.request.GET.get("area", "")
        return {"area_of_outcome": area} if area in OutcomeArea.values else {}


class OutcomeCreate(OutcomeFormView):
    pass


class OutcomeUpdate(OutcomeFormView):
    item_in_url = True


class OutcomeDelete(OutcomePart, ItemDeleteView):
    pass


# Context: Strategic Authority priorities and the Industrial Strategy (SG 2.1, 2.2) ----------


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


# Cross-cutting duties (Act s1(6); SG 2.2) ----------------------------------------------------


class DutyPart:
    model = Duty
    list_name = "duty-list"
    noun = "duty"


class DutyList(DutyPart, ItemListView):
    """The four duties the plan must consider, each recorded once, those not yet recorded
    shown as a warning."""

    template_name = "plans/duty_list.html"

    def get_context_data(self, **kwargs):
        recorded = {
            duty.kind: duty for duty in self.plan.duties.prefetch_related("priorities", "actions")
        }
        rows = [
            {
                "kind": value,
                "label": label,
                "source": DUTY_SOURCES[value],
                "duty": recorded.get(value),
            }
            for value, label in Duty.Kind.choices
        ]
        missing = [row["label"].lower() for row in rows if row["duty"] is None]
        return super().get_context_data(rows=rows, missing=missing, **kwargs)


class DutyFormView(DutyPart, ItemFormView):
    form_class = annex_forms.DutyForm
    links = ("priorities", "actions")
    intro = (
        "The plan must consider the skills that contribute to net zero, adaptation to "
        "climate change and other environmental goals (Skills and Post-16 Education Act 2022, "
        "section 1(6)), and equality of opportunity (SG 2.2)."
    )

    def get_initial(self):
        kind = self.request.GET.get("kind", "")
        return {"kind": kind} if kind in Duty.Kind.values else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.item is None:
            context["title"] = "Record how the plan considered a duty"
        return context


class DutyCreate(DutyFormView):
    pass


class DutyUpdate(DutyFormView):
    item_in_url = True


class DutyDelete(DutyPart, ItemDeleteView):
    pass


urlpatterns = [
    path("<uuid:pk>/annex-a/", OccupationList.as_view(), name="occupation-list"),
    path("<uuid:pk>/annex-a/new/", OccupationCreate.as_view(), name="occupation-create"),
    path("annex-a/<uuid:pk>/edit/", OccupationUpdate.as_view(), name="occupation-update"),
    path("annex-a/<uuid:pk>/delete/", OccupationDelete.as_view(), name="occupation-delete"),
    path("<uuid:pk>/outcomes/", OutcomeList.as_view(), name="outcome-list"),
    path("<uuid:pk>/outcomes/new/", OutcomeCreate.as_view(), name="outcome-create"),
    path("outcomes/<uuid:pk>/edit/", OutcomeUpdate.as_view(), name="outcome-update"),
    path("outcomes/<uuid:pk>/delete/", OutcomeDelete.as_view(), name="outcome-delete"),
    path("<uuid:pk>/context/", ContextList.as_view(), name="context-list"),
    path("<uuid:pk>/context/new/", ContextCreate.as_view(), name="context-create"),
    path(
        "<uuid:pk>/context/national/<uuid:sector_pk>/",
        ContextAddNational.as_view(),
        name="context-add-national",
    ),
    path("context/<uuid:pk>/edit/", ContextUpdate.as_view(), name="context-update"),
    path("context/<uuid:pk>/delete/", ContextDelete.as_view(), name="context-delete"),
    path("<uuid:pk>/duties/", DutyList.as_view(), name="duty-list"),
    path("<uuid:pk>/duties/new/", DutyCreate.as_view(), name="duty-create"),
    path("duties/<uuid:pk>/edit/", DutyUpdate.as_view(), name="duty-update"),
    path("duties/<uuid:pk>/delete/", DutyDelete.as_view(), name="duty-delete"),
]

"""A priority with the evidence behind it (SG 3.4) and its actions; adding, changing,
moving and removing priorities (SG Annex A: four to six overarching priorities)."""

from collections import Counter

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import TemplateView, View

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.classification.models import SocGroup
from lsip.economy.priority import CRITERIA
from lsip.economy.profile import FLAGS
from lsip.engagement.querysets import with_soc_titles
from lsip.plans import evidence, services
from lsip.plans.forms import PriorityForm, indicator_choices
from lsip.plans.models import LEVELS, Activity, Aim, Priority
from lsip.plans.views.editing import ItemDelete, ItemFormView
from lsip.plans.views.lookups import plan_url, plans_of, priorities_of, priority_url
from lsip.sectors.labels import labelled
from lsip.sectors.services import SicNotInstalledError

LEVEL_LABELS = dict(LEVELS)
#: The figures of a priority's sectors shown as its evidence (`lsip.economy.priority`).
SECTOR_FIGURES = ("employment", "share", "lq", "growth", "businesses")
AIM_LABELS = dict(Aim.choices)


class PriorityDetail(AreaPermissionMixin, TemplateView):
    """A priority, what it covers, the evidence behind it (SG 3.4) and its actions."""

    template_name = "plans/priority_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        priority = get_object_or_404(priorities_of(self.area), pk=self.kwargs["pk"])
        try:
            found, sic_missing = evidence.evidence_for(priority), False
        except SicNotInstalledError:  # its sectors cannot be measured without SIC 2007
            found, sic_missing = evidence_without_sector_figures(priority), True
        found.linked = with_soc_titles(found.linked)
        found.related = with_soc_titles(found.related)
        soc_titles = dict(
            SocGroup.objects.filter(code__in=priority.soc_codes).values_list("code", "title")
        )
        actions = priority.actions.prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.prefetch_related("leads", "partners"),
            )
        )
        for action in actions:
            action.aim_labels = [AIM_LABELS.get(a, a) for a in action.aims]
        for row in found.cited:  # a rate (employment rate) is a share; the rest are counts
            row["is_rate"] = "denominator" in row
        context.update(
            sector_criteria=[c for c in CRITERIA if c.key in SECTOR_FIGURES],
            flags=FLAGS,
            sic_missing=sic_missing,
            needs_total=len(found.linked) + len(found.related),
            plan=priority.plan,
            priority=priority,
            evidence=found,
            sectors=labelled(priority.sectors.select_related("area")),
            soc=[(code, soc_titles.get(code, "")) for code in priority.soc_codes],
            levels=[LEVEL_LABELS.get(level, level) for level in priority.levels],
            actions=actions,
        )
        return context


def evidence_without_sector_figures(priority) -> evidence.Evidence:
    """`evidence.evidence_for` but for the figures of its sectors, which need SIC 2007."""
    linked = list(priority.skills_needs.select_related("organisation"))
    related = [n for n in evidence.related_needs(priority) if n not in linked]
    reported = linked + related
    return evidence.Evidence(
        linked=linked,
        related=related,
        employers=len({n.organisation_id for n in reported if n.organisation_id}),
        by_need_type=dict(Counter(n.get_need_type_display() for n in reported)),
        sectors=None,
        cited=evidence.cited_indicators(priority),
    )


class PriorityFormView(ItemFormView):
    form_class = PriorityForm
    noun = "priority"
    template_name = "plans/priority_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["show_all_needs"] = self.request.GET.get("needs") == "all"
        kwargs["indicator_options"] = indicator_choices(self.area)
        return kwargs

    def links(self, form):
        return {
            "sectors": form.cleaned_data["sectors"],
            "skills_needs": form.cleaned_data["skills_needs"],
        }

    def success_url_for(self, item):
        return priority_url(item)


class PriorityCreate(PriorityFormView):
    def load(self):
        self.plan = get_object_or_404(plans_of(self.area), pk=self.kwargs["pk"])

    def new_item(self):
        return Priority(plan=self.plan)

    def siblings(self):
        return list(self.plan.priorities.all())

    def cancel_url(self):
        return plan_url(self.plan)


class PriorityUpdate(PriorityFormView):
    def load(self):
        self.item = get_object_or_404(priorities_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.item.plan

    def cancel_url(self):
        return priority_url(self.item)


class PriorityMove(AreaPermissionMixin, View):
    """Move a priority one place up or down the plan's order (a button on the plan page that
    works without JavaScript); audited and kept as a revision like any change."""

    capability = Capability.EDIT_PLAN
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        priority = get_object_or_404(priorities_of(self.area), pk=self.kwargs["pk"])
        direction = request.POST.get("direction")
        if direction not in ("up", "down"):
            messages.error(request, "Choose to move the priority up or down")
        else:
            place = services.move_priority(priority, up=direction == "up", actor=request.user)
            messages.success(request, f"Priority “{priority}” is now number {place}")
        return redirect(f"{plan_url(priority.plan)}#priority-{priority.pk}")


class PriorityDelete(ItemDelete):
    noun = "priority"

    def load(self):
        self.item = get_object_or_404(priorities_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.item.plan

    def consequence(self):
        actions = self.item.actions.count()
        activities = Activity.objects.filter(action__priority=self.item).count()
        return (
            f"Its {actions} action{'s' if actions != 1 else ''} and {activities} "
            f"activit{'ies' if activities != 1 else 'y'} are removed with it."
        )

    def after_url(self):
        return plan_url(self.plan)

    def cancel_url(self):
        return priority_url(self.item)


urlpatterns = [
    path("<uuid:pk>/priorities/new/", PriorityCreate.as_view(), name="priority-create"),
    path("priorities/<uuid:pk>/", PriorityDetail.as_view(), name="priority-detail"),
    path("priorities/<uuid:pk>/edit/", PriorityUpdate.as_view(), name="priority-update"),
    path("priorities/<uuid:pk>/delete/", PriorityDelete.as_view(), name="priority-delete"),
    path("priorities/<uuid:pk>/move/", PriorityMove.as_view(), name="priority-move"),
]

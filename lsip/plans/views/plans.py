"""The plans of an area by cycle (SG 2), opening a cycle's plan, a plan with its
priorities in order and what stops its submission (`lsip.plans.readiness`), and changing
its title and summary."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.areas.models import Cycle
from lsip.core.forms import add_rule_errors
from lsip.plans import readiness, services
from lsip.plans.forms import PlanCreateForm, PlanForm
from lsip.plans.models import Action, Activity
from lsip.plans.views.editing import ItemFormView
from lsip.plans.views.lookups import plan_url, plans_of


class PlanList(AreaPermissionMixin, TemplateView):
    """The area's plans by cycle, and the cycles that have no plan yet."""

    template_name = "plans/plan_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cycles = list(Cycle.objects.filter(area=self.area).order_by("-start_year"))
        plans = {p.cycle_id: p for p in plans_of(self.area).annotate(n=Count("priorities"))}
        context["rows"] = [(cycle, plans.get(cycle.pk)) for cycle in cycles]
        context["without_plan"] = list(services.open_cycles(self.area).order_by("-start_year"))
        return context


class PlanCreate(AreaPermissionMixin, FormView):
    """Open the plan of a cycle (SG 2: one plan per three-year cycle)."""

    capability = Capability.EDIT_PLAN
    form_class = PlanCreateForm
    template_name = "plans/plan_create.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def get_initial(self):
        initial = {}
        cycle = (
            services.open_cycles(self.area)
            .filter(pk=self._uuid(self.request.GET.get("cycle")))
            .first()
        )
        if cycle:
            initial["cycle"] = cycle.pk
            initial["title"] = (
                f"{self.area.name} Local Skills Improvement Plan "
                f"{cycle.start_year} to {cycle.end_year}"
            )
        return initial

    @staticmethod
    def _uuid(value):
        import uuid

        try:
            return uuid.UUID(str(value))
        except ValueError:
            return None

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            plan = services.create_plan(
                cycle=data["cycle"],
                title=data["title"],
                summary=data["summary"],
                actor=self.request.user,
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{plan.title} opened")
        return redirect(plan_url(plan))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["free_cycles"] = services.open_cycles(self.area).exists()
        return context


class PlanDetail(AreaPermissionMixin, TemplateView):
    """The plan: its priorities in order with their actions and how many activities each has."""

    template_name = "plans/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = get_object_or_404(plans_of(self.area), pk=self.kwargs["pk"])
        actions = Action.objects.annotate(activity_count=Count("activities"))
        priorities = plan.priorities.prefetch_related(
            "sectors", Prefetch("actions", queryset=actions)
        )
        context.update(
            plan=plan,
            priorities=priorities,
            warning=services.priority_count_warning(plan),
            findings=readiness.findings(plan),
            activity_count=Activity.objects.filter(action__priority__plan=plan).count(),
            last_revision=plan.revisions.select_related("actor").first(),
        )
        return context


class PlanUpdate(ItemFormView):
    form_class = PlanForm
    noun = "plan"

    def load(self):
        self.item = get_object_or_404(plans_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.item

    def heading(self):
        return f"Change {self.item}"

    def success_url_for(self, item):
        return plan_url(item)

    def cancel_url(self):
        return plan_url(self.plan)


urlpatterns = [
    path("", PlanList.as_view(), name="plan-list"),
    path("new/", PlanCreate.as_view(), name="plan-create"),
    path("<uuid:pk>/", PlanDetail.as_view(), name="plan-detail"),
    path("<uuid:pk>/edit/", PlanUpdate.as_view(), name="plan-update"),
]

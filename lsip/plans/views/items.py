"""The plan's core pages (SG 2.2, 3.4, Annex A): the plans of an area by cycle, a plan with
its priorities in order, a priority with its evidence and actions, the forms that add, change
and remove priorities, actions and Annex B activities, and the Annex B table.

Reading needs `VIEW_AREA`; every change needs `EDIT_PLAN` and goes through
`lsip.plans.services`, which refuses a lost update: the form then comes back (409) with who
changed the item and when, the item as it now stands beside what was typed, and the new
version, so that a deliberate second save overwrites it."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView, View

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.areas.models import Cycle
from lsip.classification.models import SocGroup
from lsip.core.exports import Column, download
from lsip.core.forms import add_rule_errors
from lsip.economy.priority import CRITERIA
from lsip.economy.profile import FLAGS
from lsip.engagement.querysets import with_soc_titles
from lsip.plans import conflicts, evidence, merging, readiness, services
from lsip.plans.forms import (
    ActionForm,
    ActivityForm,
    DeleteForm,
    PlanCreateForm,
    PlanForm,
    PriorityForm,
    indicator_choices,
)
from lsip.plans.locking import ConflictError
from lsip.plans.models import LEVELS, Action, Activity, Aim, Plan, Priority
from lsip.sectors.services import SicNotInstalledError

LEVEL_LABELS = dict(LEVELS)
#: The figures of a priority's sectors shown as its evidence (`lsip.economy.priority`).
SECTOR_FIGURES = ("employment", "share", "lq", "growth", "businesses")
AIM_LABELS = dict(Aim.choices)


def plan_url(plan):
    return reverse("plans:plan-detail", kwargs={"area_slug": plan.area.slug, "pk": plan.pk})


def priority_url(priority, anchor=""):
    url = reverse(
        "plans:priority-detail", kwargs={"area_slug": priority.plan.area.slug, "pk": priority.pk}
    )
    return f"{url}#{anchor}" if anchor else url


# Finding records within the URL's area ------------------------------------------------------


def plans_of(area):
    return Plan.objects.filter(area=area).select_related("area", "cycle")


def priorities_of(area):
    return Priority.objects.filter(plan__area=area).select_related("plan", "plan__area")


def actions_of(area):
    return Action.objects.filter(priority__plan__area=area).select_related(
        "priority", "priority__plan", "priority__plan__area"
    )


def activities_of(area):
    return Activity.objects.filter(action__priority__plan__area=area).select_related(
        "action", "action__priority", "action__priority__plan", "action__priority__plan__area"
    )


# What an item holds, in words (for the "as it now stands" of a refused save) ----------------


# The plans of an area ------------------------------------------------------------------------


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
            sectors=priority.sectors.all(),
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


def annex_b_rows(plan):
    """The plan's activities in the plan's order (priority, action, activity)."""
    return (
        Activity.objects.filter(action__priority__plan=plan)
        .select_related("action", "action__priority")
        .prefetch_related("leads", "partners")
        .order_by(
            "action__priority__position",
            "action__priority__created_on",
            "action__position",
            "action__created_on",
            "position",
            "created_on",
        )
    )


def _names(records) -> str:
    return "; ".join(str(record) for record in records.all())


#: The Annex B table's columns (SG Annex A): the same in the page and its downloads.
ANNEX_B_COLUMNS = [
    Column("Priority", lambda a: a.action.priority.title),
    Column("Action", lambda a: a.action.title),
    Column("Activity", lambda a: a.title),
    Column("Lead organisations", lambda a: _names(a.leads)),
    Column("Supporting partners", lambda a: _names(a.partners)),
    Column("Start", lambda a: a.start.isoformat()),
    Column("End", lambda a: a.end.isoformat()),
    Column("Milestones", lambda a: a.milestones),
    Column("Expected outcomes", lambda a: a.expected_outcomes),
    Column("Monitoring and measurement", lambda a: a.measures),
    Column("Status", lambda a: a.get_status_display()),
    Column("Percent complete", lambda a: a.percent_complete),
]


class ActivityTable(AreaPermissionMixin, TemplateView):
    """SG Annex A, Annex B: every activity of the plan, with its leads, partners, timescales,
    expected outcomes and how it is monitored (a live document); `?format=csv` or `xlsx`
    downloads it."""

    template_name = "plans/activity_table.html"

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            plan = get_object_or_404(plans_of(self.area), pk=self.kwargs["pk"])
            name = f"{self.area.slug}-{plan.cycle.label}-annex-b"
            return download(ANNEX_B_COLUMNS, annex_b_rows(plan), fmt, name)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = get_object_or_404(plans_of(self.area), pk=self.kwargs["pk"])
        context.update(plan=plan, activities=annex_b_rows(plan))
        return context


# Changing the plan ---------------------------------------------------------------------------


class ItemFormView(AreaPermissionMixin, FormView):
    """Add or change one item: the parent (when adding) or the item is looked up within the
    URL's area; the save goes through `services.save` with the version read."""

    capability = Capability.EDIT_PLAN
    template_name = "plans/item_form.html"
    noun = ""
    item = None  # the item being changed, None when adding
    parent = None  # the record an item is added to

    def get(self, request, *args, **kwargs):
        self.load()  # after AreaPermissionMixin.dispatch: permission first, then records
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        return super().post(request, *args, **kwargs)

    def load(self):
        raise NotImplementedError

    def new_item(self):
        raise NotImplementedError

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, instance=self.item if self.item else self.new_item())
        return kwargs

    def links(self, form) -> dict:
        return {}

    def success_url_for(self, item):
        raise NotImplementedError

    def form_valid(self, form):
        item = form.instance
        creating = item._state.adding
        if creating:
            siblings = self.siblings()
            item.position = (max((s.position for s in siblings), default=-1) + 1) if siblings else 0
        version = form.cleaned_data.get("version")
        try:
            services.save(
                item,
                actor=self.request.user,
                expected_version=None if creating else (version or 0),
                links=self.links(form),
                read=merging.values_read(form),
            )
        except ConflictError as conflict:
            return conflicts.refused(self, form, conflict)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.noun.capitalize()} “{item}” saved")
        return redirect(self.success_url_for(item))

    def siblings(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            item=self.item,
            noun=self.noun,
            heading=self.heading(),
            cancel_url=self.cancel_url(),
        )
        context["needs_limited"] = getattr(context.get("form"), "needs_limited", False)
        return context

    def heading(self):
        return f"Change {self.noun} “{self.item}”" if self.item else f"Add {self.noun}"

    def cancel_url(self):
        raise NotImplementedError


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


class ActionFormView(ItemFormView):
    form_class = ActionForm
    noun = "action"

    def success_url_for(self, item):
        return priority_url(item.priority, f"action-{item.pk}")

    def cancel_url(self):
        return priority_url(self.priority)


class ActionCreate(ActionFormView):
    def load(self):
        self.priority = get_object_or_404(priorities_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.priority.plan

    def new_item(self):
        return Action(priority=self.priority)

    def siblings(self):
        return list(self.priority.actions.all())

    def heading(self):
        return f"Add an action to “{self.priority}”"


class ActionUpdate(ActionFormView):
    def load(self):
        self.item = get_object_or_404(actions_of(self.area), pk=self.kwargs["pk"])
        self.priority = self.item.priority
        self.plan = self.priority.plan


class ActivityFormView(ItemFormView):
    form_class = ActivityForm
    noun = "activity"

    def links(self, form):
        return {"leads": form.cleaned_data["leads"], "partners": form.cleaned_data["partners"]}

    def success_url_for(self, item):
        return priority_url(item.action.priority, f"activity-{item.pk}")

    def cancel_url(self):
        return priority_url(self.action.priority, f"action-{self.action.pk}")


class ActivityCreate(ActivityFormView):
    def load(self):
        self.action = get_object_or_404(actions_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.action.priority.plan

    def new_item(self):
        return Activity(action=self.action)

    def siblings(self):
        return list(self.action.activities.all())

    def heading(self):
        return f"Add an activity to “{self.action}”"


class ActivityUpdate(ActivityFormView):
    def load(self):
        self.item = get_object_or_404(activities_of(self.area), pk=self.kwargs["pk"])
        self.action = self.item.action
        self.plan = self.action.priority.plan


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


class ItemDelete(AreaPermissionMixin, FormView):
    """Confirm, then remove an item and what hangs from it, refusing if it changed since."""

    capability = Capability.EDIT_PLAN
    form_class = DeleteForm
    template_name = "plans/item_delete.html"
    noun = ""

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        return {"version": self.item.version}

    def form_valid(self, form):
        try:
            services.delete(
                self.item, actor=self.request.user, expected_version=form.cleaned_data["version"]
            )
        except ConflictError as conflict:
            form.add_error(None, str(conflict))
            form.set_version(conflict.current.version)
            self.item = conflict.current
            context = self.get_context_data(form=form, conflict=conflict)
            return self.render_to_response(context, status=409)
        messages.success(self.request, f"{self.noun.capitalize()} “{self.item}” removed")
        return redirect(self.after_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            item=self.item,
            noun=self.noun,
            consequence=self.consequence(),
            cancel_url=self.cancel_url(),
        )
        return context


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


class ActionDelete(ItemDelete):
    noun = "action"

    def load(self):
        self.item = get_object_or_404(actions_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.item.priority.plan

    def consequence(self):
        n = self.item.activities.count()
        return f"Its {n} activit{'ies' if n != 1 else 'y'} are removed with it."

    def after_url(self):
        return priority_url(self.item.priority)

    def cancel_url(self):
        return priority_url(self.item.priority, f"action-{self.item.pk}")


class ActivityDelete(ItemDelete):
    noun = "activity"

    def load(self):
        self.item = get_object_or_404(activities_of(self.area), pk=self.kwargs["pk"])
        self.plan = self.item.action.priority.plan

    def consequence(self):
        return "It is removed from the Annex B table."

    def after_url(self):
        return priority_url(self.item.action.priority, f"action-{self.item.action_id}")

    def cancel_url(self):
        return priority_url(self.item.action.priority, f"activity-{self.item.pk}")


urlpatterns = [
    path("", PlanList.as_view(), name="plan-list"),
    path("new/", PlanCreate.as_view(), name="plan-create"),
    path("<uuid:pk>/", PlanDetail.as_view(), name="plan-detail"),
    path("<uuid:pk>/edit/", PlanUpdate.as_view(), name="plan-update"),
    path("<uuid:pk>/annex-b/", ActivityTable.as_view(), name="activity-table"),
    path("<uuid:pk>/priorities/new/", PriorityCreate.as_view(), name="priority-create"),
    path("priorities/<uuid:pk>/", PriorityDetail.as_view(), name="priority-detail"),
    path("priorities/<uuid:pk>/edit/", PriorityUpdate.as_view(), name="priority-update"),
    path("priorities/<uuid:pk>/delete/", PriorityDelete.as_view(), name="priority-delete"),
    path("priorities/<uuid:pk>/move/", PriorityMove.as_view(), name="priority-move"),
    path("priorities/<uuid:pk>/actions/new/", ActionCreate.as_view(), name="action-create"),
    path("actions/<uuid:pk>/edit/", ActionUpdate.as_view(), name="action-update"),
    path("actions/<uuid:pk>/delete/", ActionDelete.as_view(), name="action-delete"),
    path("actions/<uuid:pk>/activities/new/", ActivityCreate.as_view(), name="activity-create"),
    path("activities/<uuid:pk>/edit/", ActivityUpdate.as_view(), name="activity-update"),
    path("activities/<uuid:pk>/delete/", ActivityDelete.as_view(), name="activity-delete"),
]

"""The changes and actions of a priority (SG 2.2) and their activities (SG Annex A,
Annex B): adding, changing and removing them, and the Annex B table with its CSV and XLSX
downloads."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.core.exports import Column, download
from lsip.plans.forms import ActionForm, ActivityForm
from lsip.plans.models import Action, Activity
from lsip.plans.views.editing import ItemDelete, ItemFormView
from lsip.plans.views.lookups import (
    actions_of,
    activities_of,
    plans_of,
    priorities_of,
    priority_url,
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
    path("<uuid:pk>/annex-b/", ActivityTable.as_view(), name="activity-table"),
    path("priorities/<uuid:pk>/actions/new/", ActionCreate.as_view(), name="action-create"),
    path("actions/<uuid:pk>/edit/", ActionUpdate.as_view(), name="action-update"),
    path("actions/<uuid:pk>/delete/", ActionDelete.as_view(), name="action-delete"),
    path("actions/<uuid:pk>/activities/new/", ActivityCreate.as_view(), name="activity-create"),
    path("activities/<uuid:pk>/edit/", ActivityUpdate.as_view(), name="activity-update"),
    path("activities/<uuid:pk>/delete/", ActivityDelete.as_view(), name="activity-delete"),
]

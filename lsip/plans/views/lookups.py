"""The plan's records, found within the area of the URL only (another area's id is a
404), and the addresses of the plan's and a priority's pages."""

from django.urls import reverse

from lsip.plans.models import Action, Activity, Plan, Priority


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

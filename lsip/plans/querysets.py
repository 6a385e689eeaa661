"""The one way to read an area's plans, shared by pages and summaries."""

from django.db.models import Count

from lsip.plans.models import Plan


def latest_plan(area) -> Plan | None:
    """The plan of the area's latest cycle, with `priority_count`, `action_count` and
    `activity_count` (one query), or None before a plan is opened."""
    return (
        Plan.objects.filter(area=area)
        .select_related("cycle")
        .annotate(
            priority_count=Count("priorities", distinct=True),
            action_count=Count("priorities__actions", distinct=True),
            activity_count=Count("priorities__actions__activities", distinct=True),
        )
        .order_by("-cycle__start_year")
        .first()
    )

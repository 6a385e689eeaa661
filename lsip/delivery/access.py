"""Who sees and reports on which activities. Pages, the API and the exports all start here.

A partner contributor speaks for one organisation (`RoleAssignment.organisation`) and sees
only the Annex B activities that organisation leads or supports, their updates and the
metric values they gave; anyone else who reads the area (ERB staff, the board, the Strategic
Authority, Skills England) sees all of them. Only a partner contributor submits updates, for
their own organisation; ERB staff, and in a devolved area the Strategic Authority, accept
them or send them back (`may_review`).
"""

from django.db.models import Q

from lsip.accounts.access import can, roles_in
from lsip.accounts.roles import Capability, Role
from lsip.delivery.models import MetricValue, Update
from lsip.plans.models import Activity, Plan


def current_plan(area) -> Plan | None:
    """The plan being delivered: the newest approved or published cycle's plan, else the
    newest plan of the area."""
    plans = Plan.objects.filter(area=area).select_related("cycle").order_by("-cycle__start_year")
    delivered = plans.filter(cycle__status__in=["approved", "published", "closed"]).first()
    return delivered or plans.first()


def organisations_of(user, area) -> list:
    """The organisations `user` speaks for in `area` as a partner contributor."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        a.organisation
        for a in user.roles.filter(area=area, role=Role.PARTNER_CONTRIBUTOR).select_related(
            "organisation"
        )
        if a.organisation_id
    ]


def is_partner_only(user, area) -> bool:
    """A partner contributor who holds no other role that reads the whole area."""
    roles = roles_in(user, area)
    if getattr(user, "is_superuser", False):
        return False
    return Role.PARTNER_CONTRIBUTOR in roles and roles <= {Role.PARTNER_CONTRIBUTOR}


def visible_activities(user, area, plan=None):
    """The activities of `plan` (the current plan when not given) that `user` may see."""
    plan = plan or current_plan(area)
    if plan is None or not can(user, area, Capability.VIEW_AREA):
        return Activity.objects.none()
    activities = Activity.objects.filter(action__priority__plan=plan)
    if is_partner_only(user, area):
        organisations = organisations_of(user, area)
        activities = activities.filter(
            Q(leads__in=organisations) | Q(partners__in=organisations)
        ).distinct()
    return activities


def visible_updates(user, area):
    """The updates `user` may see: a partner contributor, those on their activities."""
    if not can(user, area, Capability.VIEW_AREA):
        return Update.objects.none()
    updates = Update.objects.filter(organisation__area=area)
    if is_partner_only(user, area):
        plan = current_plan(area)
        updates = updates.filter(activity__in=visible_activities(user, area, plan))
    return updates


def visible_metric_values(user, area):
    """Metric values of the area's plans; a partner contributor sees those their organisation
    gave (by update, upload or the API)."""
    if not can(user, area, Capability.VIEW_AREA):
        return MetricValue.objects.none()
    values = MetricValue.objects.filter(outcome__plan__area=area)
    if is_partner_only(user, area):
        values = values.filter(organisation__in=organisations_of(user, area))
    return values


def may_report_on(user, activity) -> list:
    """The organisations `user` may submit an update for on `activity` (empty: none)."""
    area = activity.action.priority.plan.area
    if not can(user, area, Capability.CONTRIBUTE):
        return []
    involved = set(activity.leads.values_list("pk", flat=True)) | set(
        activity.partners.values_list("pk", flat=True)
    )
    return [o for o in organisations_of(user, area) if o.pk in involved]


def may_review(user, area) -> bool:
    """ERB staff accept updates or send them back; in a devolved area the Strategic Authority
    too (SG 6: "the ERB and SA should work jointly on this"), as it edits the plan with the
    ERB there (EDIT_PLAN)."""
    return can(user, area, Capability.EDIT_PLAN)

"""Where each Annex B activity stands on a date, from the partners' accepted updates (SG 6:
"seek updates and feedback on progress in delivering the changes set out in the LSIP").

An activity's position is its latest *accepted* update dated on or before the date; an
update waiting for the ERB, or sent back, does not count. An activity nobody has reported on
yet takes the status recorded on the plan itself (decision 0070).

The documents (progress report) and the national view call `activity_progress`; keep its
signature and the fields of `ActivityProgress` stable.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from lsip.delivery.models import Status, Update
from lsip.plans.models import Activity

#: The plan's own activity statuses in the partners' words (decision 0070).
FROM_PLAN_STATUS = {
    Activity.Status.PLANNED: Status.NOT_STARTED,
    Activity.Status.ON_TRACK: Status.ON_TRACK,
    Activity.Status.AT_RISK: Status.AT_RISK,
    Activity.Status.DELAYED: Status.OFF_TRACK,
    Activity.Status.STOPPED: Status.OFF_TRACK,
    Activity.Status.COMPLETE: Status.COMPLETE,
}


@dataclass(frozen=True)
class ActivityProgress:
    """One activity's position on a date."""

    activity: Activity
    status: str  # a `Status` value
    percent: int
    as_of: date | None  # the accepted update's date; None when taken from the plan
    update: Update | None  # the accepted update it comes from, if any

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def reported(self) -> bool:
        """Whether a partner's accepted update says this (rather than the plan)."""
        return self.update is not None


def plan_activities(plan):
    """The plan's activities in plan order (priority, action, activity), with their leads,
    partners and action and priority fetched."""
    return (
        Activity.objects.filter(action__priority__plan=plan)
        .select_related("action__priority")
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


def latest_accepted(activity_ids, until: date) -> dict:
    """The latest accepted update on or before `until` of each activity, by activity id."""
    latest = {}
    updates = (
        Update.objects.filter(
            activity_id__in=list(activity_ids), state=Update.State.ACCEPTED, as_of__lte=until
        )
        .select_related("organisation")
        .order_by("activity_id", "-as_of", "-reviewed_on", "-created_on")
    )
    for update in updates:
        latest.setdefault(update.activity_id, update)
    return latest


def activity_progress(plan, until: date | None = None) -> list[ActivityProgress]:
    """Each Annex B activity of `plan` as it stood on `until` (today when not given), in
    plan order: the status and per cent of its latest accepted update up to that date, or the
    plan's own status and per cent when none has been accepted."""
    until = until or timezone.localdate()
    activities = list(plan_activities(plan))
    latest = latest_accepted([a.pk for a in activities], until)
    result = []
    for activity in activities:
        update = latest.get(activity.pk)
        if update is not None:
            result.append(
                ActivityProgress(
                    activity, update.status, update.percent_complete, update.as_of, update
                )
            )
        else:
            result.append(
                ActivityProgress(
                    activity,
                    FROM_PLAN_STATUS.get(activity.status, Status.NOT_STARTED),
                    activity.percent_complete,
                    None,
                    None,
                )
            )
    return result

"""Partners' updates on Annex B activities and the ERB's review of them (SG 6: "seek updates
and feedback on progress in delivering the changes set out in the LSIP").

A partner contributor submits an update for their own organisation, with evidence and the
values of the metrics they feed; ERB staff accept it (it then counts: see `progress`) or send
it back with a question, which the partner answers with a new update. Nothing is ever
overwritten: every update stays in the history.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as
from lsip.delivery import access
from lsip.delivery.models import Evidence, MetricValue, Round, Update
from lsip.plans.models import Outcome


@dataclass(frozen=True)
class Value:
    """A metric value a partner reports with an update."""

    outcome: Outcome
    on: date
    value: float


def metrics_for(activity):
    """The outcomes whose metrics a partner on `activity` feeds: those of its priority."""
    return Outcome.objects.filter(priorities=activity.action.priority_id).order_by(
        "position", "created_on"
    )


def open_round_for(plan, on: date):
    """The open round of the plan whose period covers `on`, else the latest open one."""
    rounds = Round.objects.filter(plan=plan, closed_on__isnull=True)
    return (
        rounds.filter(period_start__lte=on, period_end__gte=on).first()
        or rounds.order_by("-due_on").first()
    )


def submit_update(
    *,
    activity,
    organisation,
    actor,
    as_of: date,
    status: str,
    percent_complete: int,
    narrative: str,
    links=(),
    files=(),
    values=(),
    answers: Update | None = None,
    round: Round | None = None,
) -> Update:
    """Record a partner's update, its evidence (links: (url, description); files: uploaded
    files) and metric values, in one transaction."""
    if organisation not in access.may_report_on(actor, activity):
        raise PermissionDenied(
            "You may report only on activities your organisation leads or supports"
        )
    allowed = set(metrics_for(activity).values_list("pk", flat=True))
    for value in values:
        if value.outcome.pk not in allowed:
            raise ValidationError(f"“{value.outcome.metric}” is not a metric of this activity")
    plan = activity.action.priority.plan
    update = Update(
        activity=activity,
        organisation=organisation,
        round=round or open_round_for(plan, as_of),
        as_of=as_of,
        status=status,
        percent_complete=percent_complete,
        narrative=narrative,
        submitted_by=actor,
        answers=answers,
    )
    update.full_clean()
    with transaction.atomic(), acting_as(actor):
        update.save()
        for url, description in links:
            Evidence(update=update, link=url, description=description).save()
        for uploaded in files:
            evidence = Evidence(update=update, description=uploaded.name[:300])
            evidence.file.save(uploaded.name, uploaded, save=True)
        for value in values:
            metric = MetricValue(
                outcome=value.outcome,
                on=value.on,
                value=value.value,
                source=MetricValue.Source.UPDATE,
                source_detail=f"Update from {organisation.name}",
                update=update,
                organisation=organisation,
                entered_by=actor,
            )
            metric.full_clean()
            metric.save()
    return update


def _review(update: Update, actor, state: str, question: str = "") -> Update:
    area = update.organisation.area
    if not access.may_review(actor, area):
        raise PermissionDenied("Only ERB staff review updates")
    if update.state != Update.State.SUBMITTED:
        raise ValidationError(f"This update has already been {update.get_state_display().lower()}")
    with transaction.atomic(), acting_as(actor):
        # Locked while it is reviewed, so two reviewers cannot both decide it.
        current = Update.objects.select_for_update().get(pk=update.pk)
        if current.state != Update.State.SUBMITTED:
            raise ValidationError("Someone else has just reviewed this update")
        current.state, current.reviewed_by = state, actor
        current.reviewed_on, current.question = timezone.now(), question
        current.save()
    update.refresh_from_db()
    return update


def accept_update(update: Update, *, actor) -> Update:
    """ERB staff accept an update: it now counts towards the activity's progress."""
    return _review(update, actor, Update.State.ACCEPTED)


def send_back(update: Update, *, actor, question: str) -> Update:
    """ERB staff send an update back with a question for the partner to answer."""
    from lsip.delivery.jobs import start_question_email

    if not (question or "").strip():
        raise ValidationError({"question": "Say what the partner needs to answer"})
    update = _review(update, actor, Update.State.RETURNED, question.strip())
    start_question_email(update, user=actor)  # emailed by the worker, not in the request
    return update


def counted_values(queryset):
    """Metric values that count: from the ERB, an upload, the API, or an accepted update."""
    from django.db.models import Q

    return queryset.filter(Q(update__isnull=True) | Q(update__state=Update.State.ACCEPTED))

"""Delivery's long work: the rounds' emails (never sent inside a page request) and the
upload of metric values (SG 6, 7)."""

from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from lsip.jobs.registry import JobRejectedError, Outcome, Problem, register
from lsip.jobs.services import enqueue

REMINDERS = "delivery-reminders"
METRICS_IMPORT = "metric-values-import"
QUESTION = "delivery-question"


def start_reminders(round_, user=None):
    """Queue the sending of a round's due emails (the opening email when it has just opened)."""
    return enqueue(
        kind=REMINDERS,
        title=f"Emails for the {round_.name} round",
        area=round_.plan.area,
        user=user,
        params={"round": str(round_.pk)},
    )


@register(REMINDERS)
def run_reminders(job, progress) -> Outcome:
    """Send what is due today for one round (params["round"]) or, on the schedule, for every
    open round of every area. Each email goes once (see `rounds.send_due`)."""
    from lsip.delivery import rounds

    today = timezone.localdate()
    chosen = rounds.open_rounds()
    if job.params.get("round"):
        chosen = chosen.filter(pk=job.params["round"])
    sent = 0
    for round_ in chosen:
        sent += len(rounds.send_due(round_, today, progress=progress))
    outcome = Outcome(summary=f"Sent {sent} email{'s' if sent != 1 else ''}")
    if job.area_id and job.params.get("round"):
        outcome.link = reverse(
            "delivery:round-detail",
            kwargs={"area_slug": job.area.slug, "pk": job.params["round"]},
        )
        outcome.link_text = "See the round"
    return outcome


def start_metrics_import(*, area, path: Path, filename: str, user):
    return enqueue(
        kind=METRICS_IMPORT,
        title=f"Metric values from {filename}",
        area=area,
        user=user,
        params={"path": str(path), "filename": filename},
        upload=str(path.parent),
    )


@register(METRICS_IMPORT)
def run_metrics_import(job, progress) -> Outcome:
    from lsip.delivery import metrics

    path = Path(job.params["path"])
    if not path.exists():
        raise JobRejectedError("The uploaded file is no longer kept: upload it again")
    try:
        made = metrics.import_values(
            area=job.area,
            path=path,
            filename=job.params["filename"],
            actor=job.started_by,
            progress=progress,
        )
    except metrics.RejectedError as error:
        raise JobRejectedError(
            f"{job.params['filename']} was not imported: {error}. Nothing was changed.",
            problems=[Problem(p.reason, p.row, p.field, p.value) for p in error.problems],
        ) from None
    return Outcome(
        summary=f"Imported {made} metric value{'s' if made != 1 else ''} from "
        f"{job.params['filename']}",
        link=reverse("delivery:metrics", kwargs={"area_slug": job.area.slug}),
        link_text="See the metrics",
    )


def start_question_email(update, user=None):
    """Queue the email that tells a partner their update was sent back with a question."""
    return enqueue(
        kind=QUESTION,
        title=f"Question on the update on {update.activity.title}"[:300],
        area=update.organisation.area,
        user=user,
        params={"update": str(update.pk)},
    )


@register(QUESTION)
def run_question_email(job, progress) -> Outcome:
    from lsip.delivery import rounds
    from lsip.delivery.models import Update

    update = Update.objects.select_related("activity", "organisation", "submitted_by").get(
        pk=job.params["update"]
    )
    sent = rounds.send_question(update)
    return Outcome(summary=f"Sent the question to {', '.join(sent) or 'nobody (no address)'}")

"""The annual progress report's content (Stage 2 guidance 3.3): "which of the actions/changes
set out in the LSIP have been achieved; what has the impact and benefits of the
actions/changes been; and what still needs to be achieved, including any new or more granular
intelligence and/or more specific actions", with the ERB's narrative, "signed off by the
LSIP's own local governance structures" (a passed board decision) and never published before
the date set centrally ("No reports should be published before this date").
`is_published` is the one rule of when a report is published (decision 0076).

The documents app renders it from `progress_report_content(plan, year)`, which returns plain
data (dicts, lists, strings, numbers, ISO dates), so it can be drawn in HTML, PDF or DOCX.
Decision 0073 gives the readings.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as
from lsip.delivery import feedback, metrics
from lsip.delivery.models import ProgressReport, ReviewEvidence, Status
from lsip.delivery.rag import plan_rag
from lsip.delivery.review import replacement_flag


def report_date(plan, year: int, today: datetime.date | None = None) -> datetime.date:
    """The date the report's figures are taken at: 31 May of its year (the report is published
    around the end of June), or today when that is earlier."""
    today = today or timezone.localdate()
    return min(datetime.date(year, 5, 31), today)


def is_signed_off(report: ProgressReport | None) -> bool:
    """Stage 2 guidance 3.3: "The report should be signed off by the LSIP's own local
    governance structures": a passed decision of the area's board is recorded on it
    (`sign_off` checks the board and the outcome when it is recorded)."""
    return bool(report and report.decision_id and report.decision.outcome == "passed")


def is_published(report: ProgressReport | None, today: datetime.date | None = None) -> bool:
    """Whether the year's report is published today: signed off by a passed board decision
    and its publication date (set centrally) has come. Stage 2 guidance 3.3: "No reports
    should be published before this date." This is the one rule (decision 0076): the
    delivery pages and the CLI show the state from it, the public pages and the API list a
    progress report's publication only when it holds, and the document says it."""
    today = today or timezone.localdate()
    return bool(
        is_signed_off(report) and report.publication_date and today >= report.publication_date
    )


def state_of(report: ProgressReport | None, today: datetime.date | None = None) -> str:
    if report is None:
        return "not started"
    if is_published(report, today):
        return "published"
    if is_signed_off(report):
        return "signed off, not yet published"
    return "draft"


def sign_off(report: ProgressReport, *, decision, publication_date, actor) -> ProgressReport:
    """Record the board decision that signed the report off and its publication date. The
    decision must be the area's board's, and passed."""
    if decision.board.area_id != report.plan.area_id:
        raise ValidationError({"decision": "Choose a decision of this area's board"})
    if decision.outcome != "passed":
        raise ValidationError({"decision": "The decision did not pass: it signs nothing off"})
    if publication_date is None:
        raise ValidationError({"publication_date": "Enter the publication date set centrally"})
    with transaction.atomic(), acting_as(actor):
        report.decision = decision
        set_publication_date(report, publication_date, actor=actor)
    return report


def set_publication_date(report: ProgressReport, day, *, actor) -> ProgressReport:
    """Save the date the report may be published from (the delivery sign-off and the
    documents page both set it here). A publication already made in lsip follows the new
    date, so the public never reads the report before it (decision 0076)."""
    with transaction.atomic(), acting_as(actor):
        report.publication_date = day
        report.full_clean()
        report.save()
        if day is not None:
            for item in report.publications.filter(withdrawn_on__isnull=True):
                available = max(item.published_on, day)
                if item.available_from != available:
                    item.available_from = available
                    item.save()
    return report


def _iso(day):
    return day.isoformat() if day else None


def progress_report_content(
    plan, year: int, today: datetime.date | None = None, *, activities=None, values=None
) -> dict:
    """Everything the year's progress report says, as plain data:

    - `achieved`: activities complete by the report date, under their priority and action;
    - `impact`: each metric's baseline, latest value, milestones and target, and employers'
      feedback per priority;
    - `still_to_achieve`: activities not complete, with status, per cent and RAG;
    - `new_intelligence`: evidence recorded since approval, linked to a priority or new;
    - `narrative`: the ERB's four passages; `sign_off` and `publication`: the board decision,
      the publication date and whether it may be shown as published (`published`).

    `activities` and `values` (querysets), when given, limit the activities listed and the
    metric values used: a partner contributor's view of a report not yet published
    (decision 0074). Once it is published the whole report is shown to everyone.
    """
    today = today or timezone.localdate()
    on = report_date(plan, year, today)
    report = (
        ProgressReport.objects.filter(plan=plan, year=year)
        .select_related("decision__board")
        .first()
    )
    rag = plan_rag(plan, on)
    limited = activities is not None and not is_published(report, today)
    if limited:
        rag = rag.limited_to(activities.values_list("pk", flat=True))
    achieved, still = [], []
    for priority in rag.priorities:
        for action in priority.actions:
            for item in action.activities:
                progress = item.progress
                row = {
                    "priority": priority.priority.title,
                    "action": action.action.title,
                    "activity": progress.activity.title,
                    "leads": [o.name for o in progress.activity.leads.all()],
                    "status": progress.status_label,
                    "percent": progress.percent,
                    "rag": item.rag.value,
                    "reason": item.reason,
                    "as_of": _iso(progress.as_of),
                    "narrative": progress.update.narrative if progress.update else "",
                }
                (achieved if progress.status == Status.COMPLETE else still).append(row)
    impact = []
    for summary in metrics.summaries(plan, values if limited else None):
        o = summary.outcome
        latest = [v for v in summary.values if v.on <= on]
        impact.append(
            {
                "outcome": o.name,
                "metric": o.metric,
                "unit": o.unit,
                "baseline": o.baseline,
                "baseline_date": _iso(o.baseline_date),
                "latest": latest[-1].value if latest else None,
                "latest_date": _iso(latest[-1].on) if latest else None,
                "milestones": dict(summary.milestones),
                "target": o.target,
                "source": o.data_source,
            }
        )
    intelligence = [
        {
            "title": e.title,
            "description": e.description,
            "recorded_on": _iso(e.recorded_on),
            "tag": e.get_tag_display(),
            "priority": e.priority.title if e.priority_id else None,
        }
        for e in ReviewEvidence.objects.filter(plan=plan, recorded_on__lte=on).select_related(
            "priority"
        )
    ]
    flag = replacement_flag(plan)
    decision = report.decision if report and report.decision_id else None
    return {
        "plan": plan.title,
        "area": plan.area.name,
        "year": year,
        "as_of": _iso(on),
        "state": state_of(report, today),
        "rag": {"overall": rag.rag.value, "activities": rag.counts()},
        "achieved": achieved,
        "impact": impact,
        "employer_feedback": [
            {
                "priority": s.priority.title,
                "answers": s.total,
                "working_share": s.working_share,
                "counts": dict(s.rows),
            }
            for s in feedback.summary(plan)
        ],
        "still_to_achieve": still,
        "new_intelligence": intelligence,
        "replacement_flag": flag.message if flag.raised else None,
        "narrative": {
            "achieved": report.achieved if report else "",
            "impact": report.impact if report else "",
            "still_to_achieve": report.still_to_achieve if report else "",
            "new_intelligence": report.new_intelligence if report else "",
        },
        "sign_off": {
            "decision": decision.question,
            "decided_on": _iso(decision.decided_on),
            "board": decision.board.name,
        }
        if decision
        else None,
        "publication_date": _iso(report.publication_date) if report else None,
        "published": is_published(report, today),
    }

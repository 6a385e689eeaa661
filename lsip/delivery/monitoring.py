"""The monitoring return for Skills England (SG 6: "submitting regular monitoring reports to
Skills England"; SG 7): for one period, where every activity stands, each metric's values,
and counts of engagement (updates, partners reporting and silent, employers' feedback,
engagements recorded). One table, so CSV, XLSX and JSON say the same; `Section` says which
part a row belongs to.

A period is a quarter ("2026-Q3" or "2026Q3"), a year ("2026") or the name of a round.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from lsip.core.exports import Column
from lsip.delivery.metrics import summaries
from lsip.delivery.models import Feedback, Round, Update
from lsip.delivery.rag import plan_rag


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    name: str
    start: datetime.date
    end: datetime.date


def parse_period(text: str, plan=None) -> Period:
    """A quarter, a year, or a round of the plan, by name."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{4})[- ]?[Qq]([1-4])", text)
    if match:
        year, quarter = int(match[1]), int(match[2])
        last = quarter * 3
        return Period(
            f"{year} Q{quarter}",
            datetime.date(year, last - 2, 1),
            datetime.date(year, last, calendar.monthrange(year, last)[1]),
        )
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return Period(text, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    if plan is not None:
        found = Round.objects.filter(plan=plan, name__iexact=text).first()
        if found:
            return Period(found.name, found.period_start, found.period_end)
    raise PeriodError(
        f"“{text}” is not a period: give a quarter (2026-Q3), a year (2026) or a round's name"
    )


COLUMNS = [
    Column("Section", lambda r: r.get("section", "")),
    Column("Period", lambda r: r.get("period", "")),
    Column("Priority", lambda r: r.get("priority", "")),
    Column("Action", lambda r: r.get("action", "")),
    Column("Item", lambda r: r.get("item", "")),
    Column("Lead organisations", lambda r: r.get("leads", "")),
    Column("Status", lambda r: r.get("status", "")),
    Column("Percent complete", lambda r: r.get("percent", "")),
    Column("RAG", lambda r: r.get("rag", "")),
    Column("Value", lambda r: r.get("value", "")),
    Column("Date", lambda r: r.get("date", "")),
    Column("Baseline", lambda r: r.get("baseline", "")),
    Column("Target", lambda r: r.get("target", "")),
    Column("Unit", lambda r: r.get("unit", "")),
    Column("Source", lambda r: r.get("source", "")),
]


def monitoring_rows(plan, period: Period, activities=None) -> list[dict]:
    """The rows of the return. `activities`, when given, limits the progress rows (a partner
    contributor's export holds only their own activities)."""
    rag = plan_rag(plan, period.end)
    allowed = None if activities is None else set(activities.values_list("pk", flat=True))
    rows = []
    for priority in rag.priorities:
        for action in priority.actions:
            for item in action.activities:
                activity = item.activity
                if allowed is not None and activity.pk not in allowed:
                    continue
                rows.append(
                    {
                        "section": "Progress",
                        "period": period.name,
                        "priority": priority.priority.title,
                        "action": action.action.title,
                        "item": activity.title,
                        "leads": "; ".join(o.name for o in activity.leads.all()),
                        "status": item.progress.status_label,
                        "percent": item.progress.percent,
                        "rag": item.rag.label,
                        "date": item.progress.as_of.isoformat() if item.progress.as_of else "",
                        "source": "Accepted update" if item.progress.reported else "The plan",
                    }
                )
    if allowed is not None:
        return rows
    for summary in summaries(plan):
        o = summary.outcome
        in_period = [v for v in summary.values if period.start <= v.on <= period.end]
        for value in in_period or [None]:
            rows.append(
                {
                    "section": "Metric",
                    "period": period.name,
                    "item": o.metric,
                    "value": value.value if value else "",
                    "date": value.on.isoformat() if value else "",
                    "baseline": o.baseline if o.baseline is not None else "",
                    "target": o.target if o.target is not None else "",
                    "unit": o.unit,
                    "source": value.get_source_display() if value else "No value in the period",
                }
            )
    rows.extend(_engagement(plan, period, rag))
    return rows


def _engagement(plan, period: Period, rag) -> list[dict]:
    from lsip.engagement.models import Engagement

    # Updates on the period: their position is dated in it (a quarter's updates arrive after
    # it ends, in its round, and still belong to that quarter's return).
    updates = Update.objects.filter(
        activity__action__priority__plan=plan,
        as_of__gte=period.start,
        as_of__lte=period.end,
    )
    reporting = updates.values("organisation").distinct().count()
    leads = set()
    for activity in rag.activities():
        if activity.activity.start <= period.end and activity.activity.end >= period.start:
            leads |= {o.pk for o in activity.activity.leads.all()}
    reported = set(updates.values_list("organisation", flat=True))
    counts = [
        ("Updates received", updates.count()),
        ("Updates accepted", updates.filter(state=Update.State.ACCEPTED).count()),
        ("Partners reporting", reporting),
        ("Lead partners silent", len(leads - reported)),
        (
            "Employer feedback answers",
            Feedback.objects.filter(
                priority__plan=plan,
                created_on__date__gte=period.start,
                created_on__date__lte=period.end,
            ).count(),
        ),
        (
            "Engagements recorded",
            Engagement.objects.filter(
                area=plan.area, date__gte=period.start, date__lte=period.end
            ).count(),
        ),
    ]
    return [
        {"section": "Engagement", "period": period.name, "item": name, "value": value}
        for name, value in counts
    ]

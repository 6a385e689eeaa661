"""The values of the plan's metrics (SG 7: "a clear set of outcomes ... how progress will be
measured and the metrics that will be used ... annual milestones"), from partners' updates,
a spreadsheet upload or the API, each keeping its source, and the chart of each metric
against its baseline, milestones and target.

An upload applies completely or not at all: every row is checked first and every problem is
reported by row, column and reason.
"""

import datetime
import math
from dataclasses import dataclass
from pathlib import Path

import altair as alt
from django.db import transaction

from lsip.audit.context import acting_as
from lsip.core.charts import spec_of, titled
from lsip.core.spreadsheets import SpreadsheetError, read_table
from lsip.delivery.access import current_plan
from lsip.delivery.models import MetricValue
from lsip.delivery.updates import counted_values
from lsip.organisations.models import Organisation
from lsip.plans.models import Outcome

#: The columns of an upload ("Organisation" and "Note" may be left out).
COLUMNS = ("Metric", "Date", "Value", "Organisation", "Note")
REQUIRED = ("Metric", "Date", "Value")


@dataclass(frozen=True)
class RowProblem:
    reason: str
    row: int | None = None
    field: str = ""
    value: str = ""


class RejectedError(Exception):
    def __init__(self, message, problems):
        super().__init__(message)
        self.problems = problems


def parse_date(text: str) -> datetime.date:
    """A date as spreadsheets give it: 2026-09-30 (with or without a time) or 30/09/2026."""
    text = (text or "").strip()
    for fmt, length in (("%Y-%m-%d", 10), ("%d/%m/%Y", None)):
        try:
            return datetime.datetime.strptime(text[:length] if length else text, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date: write it as 2026-09-30 or 30/09/2026")


def parse_value(text: str) -> float:
    try:
        value = float(str(text).replace(",", "").strip())
    except ValueError:
        raise ValueError("not a number") from None
    if math.isnan(value) or math.isinf(value):
        raise ValueError("not a number")
    return value


def outcomes_by_metric(plan) -> dict[str, Outcome]:
    """The plan's outcomes, found by metric name (any case) or by id."""
    found = {}
    for outcome in Outcome.objects.filter(plan=plan):
        found[outcome.metric.strip().lower()] = outcome
        found[str(outcome.pk)] = outcome
    return found


def _check_row(number, row, outcomes, organisations):
    """(the MetricValue a row gives, or None; the row's problems)."""
    problems = []
    outcome = outcomes.get((row.get("Metric") or "").strip().lower())
    if outcome is None:
        problems.append(
            RowProblem("Not a metric of the plan", number, "Metric", row.get("Metric", ""))
        )
    parsed = {}
    for column, parse in (("Date", parse_date), ("Value", parse_value)):
        try:
            parsed[column] = parse(row.get(column, ""))
        except ValueError as error:
            problems.append(RowProblem(str(error), number, column, row.get(column, "")))
    organisation = None
    name = (row.get("Organisation") or "").strip()
    if name:
        organisation = organisations.get(name.lower())
        if organisation is None:
            problems.append(
                RowProblem("Not an organisation of the area", number, "Organisation", name)
            )
    if problems:
        return None, problems
    value = MetricValue(
        outcome=outcome,
        on=parsed["Date"],
        value=parsed["Value"],
        organisation=organisation,
        note=(row.get("Note") or "").strip()[:300],
    )
    return value, []


def import_values(*, area, path: Path, filename: str, actor, progress=None) -> int:
    """Read a CSV or XLSX of metric values into the current plan's metrics, all or nothing;
    returns how many values were added. Raises RejectedError listing every problem."""
    plan = current_plan(area)
    if plan is None:
        raise RejectedError("the area has no plan", [])
    try:
        header, rows = read_table(path)
    except SpreadsheetError as error:
        raise RejectedError(str(error).replace(str(path.name), filename), []) from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RejectedError(
            f"no column named {', '.join(missing)}",
            [RowProblem(f"The file needs a column named “{c}”", None, c) for c in missing],
        )
    outcomes = outcomes_by_metric(plan)
    organisations = {o.name.strip().lower(): o for o in Organisation.objects.filter(area=area)}
    problems, values = [], []
    for number, row in enumerate(rows, start=2):
        if progress and number % 500 == 0:
            progress(number, len(rows) + 1, "Checking the rows")
        value, row_problems = _check_row(number, row, outcomes, organisations)
        problems.extend(row_problems)
        if value is not None:
            value.source, value.source_detail = MetricValue.Source.UPLOAD, filename[:300]
            value.entered_by = actor
            values.append(value)
    if problems:
        raise RejectedError(f"{len(problems)} problem{'s' if len(problems) > 1 else ''}", problems)
    if not values:
        raise RejectedError("the file has no values", [])
    if progress:
        progress(len(rows), len(rows), "Saving")
    with transaction.atomic(), acting_as(actor):
        for value in values:
            value.save()
    return len(values)


def add_value(*, outcome, on, value, actor, source, source_detail="", organisation=None, note=""):
    """One value from the API or entered by the ERB."""
    made = MetricValue(
        outcome=outcome,
        on=on,
        value=value,
        source=source,
        source_detail=source_detail[:300],
        organisation=organisation,
        entered_by=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:300],
    )
    made.full_clean()
    with transaction.atomic(), acting_as(actor):
        made.save()
    return made


@dataclass
class MetricSummary:
    outcome: Outcome
    values: list
    latest: MetricValue | None

    @property
    def milestones(self) -> list[tuple[str, float]]:
        o = self.outcome
        return [
            (label, v)
            for label, v in (
                ("Year 1", o.milestone_year1),
                ("Year 2", o.milestone_year2),
                ("Year 3", o.milestone_year3),
            )
            if v is not None
        ]


def summaries(plan, values_queryset=None) -> list[MetricSummary]:
    """Each outcome of the plan with its counted values, oldest first."""
    values = counted_values(
        values_queryset if values_queryset is not None else MetricValue.objects.all()
    ).filter(outcome__plan=plan)
    by_outcome: dict = {}
    for value in values.select_related("organisation").order_by("on", "created_on"):
        by_outcome.setdefault(value.outcome_id, []).append(value)
    result = []
    for outcome in Outcome.objects.filter(plan=plan).order_by("position", "created_on"):
        found = by_outcome.get(outcome.pk, [])
        result.append(MetricSummary(outcome, found, found[-1] if found else None))
    return result


def milestone_dates(plan) -> list[datetime.date]:
    """The end of each year of the cycle: where the annual milestones fall (year 1 ends 31
    August of the cycle's first year plus one, as the academic year does)."""
    start = plan.cycle.start_year
    return [datetime.date(start + n, 8, 31) for n in (1, 2, 3)]


def start_of(plan) -> datetime.date:
    """Where a baseline with no date is drawn: the end of the academic year before the cycle."""
    return datetime.date(plan.cycle.start_year, 8, 31)


#: The two lines of a metric's chart, and how each is drawn (GOV.UK dark grey, dashed: the
#: plan; GOV.UK blue, solid: what was reported).
PLAN_LINE, REPORTED_LINE = "Plan: baseline, milestones and target", "Reported"


def chart(summary: MetricSummary, plan) -> dict:
    """The metric's reported values against the plan's line from its baseline through the
    annual milestones to its target, as a self-contained Vega-Lite spec."""
    o = summary.outcome
    points = []
    if o.baseline is not None:
        start = (o.baseline_date or start_of(plan)).isoformat()
        points.append(
            {"date": start, "value": o.baseline, "series": PLAN_LINE, "label": "Baseline"}
        )
    steps = (
        (o.milestone_year1, "Year 1 milestone"),
        (o.milestone_year2, "Year 2 milestone"),
        (o.target, "Target") if o.target is not None else (o.milestone_year3, "Year 3 milestone"),
    )
    for (value, label), end in zip(steps, milestone_dates(plan), strict=True):
        if value is not None:
            points.append(
                {"date": end.isoformat(), "value": value, "series": PLAN_LINE, "label": label}
            )
    for value in summary.values:
        points.append({"date": value.on.isoformat(), "value": value.value, "series": REPORTED_LINE})
    series = [PLAN_LINE, REPORTED_LINE]
    base = alt.Chart(alt.Data(values=points))
    # Each point of the plan's line named on the chart: the baseline, the milestones and the
    # target are what the reported values are read against (SG 7).
    labels = (
        base.transform_filter(alt.datum.series == PLAN_LINE)
        .mark_text(dy=-12, fontSize=11, color="#505a5f")
        .encode(x="date:T", y="value:Q", text="label:N")
    )
    line = base.mark_line(point=True, strokeWidth=3).encode(
        x=alt.X("date:T", title="Date"),
        y=alt.Y("value:Q", title=o.unit or "Value"),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=series, range=["#505a5f", "#1d70b8"]),
            legend=alt.Legend(orient="bottom", labelLimit=400),
        ),
        strokeDash=alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=series, range=[[6, 4], [1, 0]]), legend=None
        ),
        tooltip=[
            alt.Tooltip("date:T", title="Date"),
            alt.Tooltip("value:Q", title=o.unit or "Value"),
            alt.Tooltip("series:N", title="Line"),
        ],
    )
    chart = alt.layer(line, labels).properties(
        title=titled(o.metric, f"Source: {o.data_source}" if o.data_source else ""),
        width="container",
        height=240,
    )
    return spec_of(chart)

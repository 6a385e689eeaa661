"""The annual progress report as one document (Stage 2 guidance 3.3): which of the plan's
changes and actions have been achieved, their impact and benefits, and what still needs to be
achieved with any new intelligence and more specific actions; at most 20 pages.

The report is the delivery app's record of the year (`delivery.ProgressReport`: the ERB's
passages, the board's sign-off, the publication date, draft or final). Where each activity
stands comes from `activity_progress`; the metrics, feedback and new intelligence from
`progress_report_content`; the figures are taken as at `report_date` (decision 0073)."""

import datetime

import altair as alt
from django.utils import timezone

from lsip.core.charts import spec_of, titled
from lsip.delivery.models import ProgressReport
from lsip.delivery.progress import activity_progress
from lsip.delivery.report import is_published, progress_report_content, report_date
from lsip.documents import tree
from lsip.documents.plan_document import OGL, Words, _plain, branding_of, day
from lsip.documents.text import to_html

PAGE_LIMIT = 20


def positions(plan, until: datetime.date) -> list[dict]:
    """Each Annex B activity's status on `until` (the partners' accepted updates, or the
    plan's own status where nobody has reported yet): {activity, status, label, percent,
    as_of, reported}."""
    return [
        {
            "activity": p.activity,
            "status": p.status,
            "label": p.status_label,
            "percent": p.percent,
            "as_of": p.as_of,
            "reported": p.reported,
        }
        for p in activity_progress(plan, until)
    ]


def passage_state(text: str) -> str:
    """A report passage is written or not; the board's sign-off, not a tick, finishes it."""
    return "drafted" if text.strip() else "empty"


def _passage(section: tree.Section, key: str, written: dict) -> tree.Section:
    """The report's own passage `key` (written on its delivery page, decision 0077)."""
    text = written.get(key, "")
    section.narrative = key
    section.state = passage_state(text)
    if text.strip():
        section.add({"type": "html", "html": to_html(text)})
    else:
        section.add({"type": "missing", "text": f"{section.title}: to be written."})
    return section


def build(report: ProgressReport, *, today: datetime.date | None = None) -> tree.Document:
    today = today or timezone.localdate()
    plan = report.plan
    area = plan.area
    until = report_date(plan, report.year, today)
    words = Words(plan, report.document_key)
    found = positions(plan, until)
    content = progress_report_content(plan, report.year, today)
    written = content.get("narrative") or {}
    source = f"Source: {area.name} LSIP delivery record, positions as at {day(until)}."
    branding = branding_of(area)
    doc = tree.Document(
        kind="progress",
        title=f"{plan.title}: progress report {report.year}",
        subtitle=f"Local Skills Improvement Plan for {area.name}, {plan.cycle.label}: "
        f"annual progress report",
        area=area.name,
        date=today.isoformat(),
        branding=branding,
        colophon=[
            f"Published by {branding['name'] or 'the designated ERB'} for {area.name}.",
            "Prepared under the LSIP Stage 2 guidance (Department for Education), section 3.3.",
            OGL,
        ],
        page_limit=PAGE_LIMIT,
    )
    intro = words.put(tree.Section("introduction", "Introduction"), "introduction")
    done = [p for p in found if p["status"] == "complete"]
    reported = sum(1 for p in found if p["reported"])
    intro.add(
        tree.para(
            f"This report covers the {len(found)} activities of the plan's Annex B as they "
            f"stood on {day(until)}: {len(done)} complete, {len(found) - len(done)} still in "
            f"hand. {reported} positions come from partners' accepted updates; the others are "
            f"the plan's own record."
        )
    )
    achieved = _passage(
        tree.Section("achieved", "What has been achieved", "1."),
        "achieved",
        written,
    )
    achieved.add(
        tree.table(
            "Activities complete",
            ["Activity", "Action", "Lead organisations", "Completed by"],
            [_row(p, complete=True) for p in done],
            source,
            widths=[34, 30, 22, 14],
        )
    )
    impact = _passage(
        tree.Section("impact", "Impact and benefits", "2."),
        "impact",
        written,
    )
    impact.blocks.extend(_outcomes(plan, report, until, content.get("impact")))
    impact.blocks.extend(_feedback(content.get("employer_feedback"), area, until))
    still = _passage(
        tree.Section("still-to-achieve", "What still needs to be achieved", "3."),
        "still_to_achieve",
        written,
    )
    open_ = [p for p in found if p["status"] != "complete"]
    if found:
        still.add(_status_chart(found, source))
    still.add(
        tree.table(
            "Activities still in hand",
            ["Activity", "Status", "Per cent complete", "Due to finish", "Lead organisations"],
            [
                [
                    p["activity"].title,
                    p["label"],
                    f"{p['percent']}%",
                    f"{p['activity'].end:%B %Y}",
                    ", ".join(o.name for o in p["activity"].leads.all()) or "—",
                ]
                for p in open_
            ],
            source,
            widths=[36, 14, 12, 14, 24],
        )
    )
    still.children.append(_intelligence(content, written, area, until))
    sign_off = words.put(tree.Section("sign-off", "Sign-off", "4."), "sign_off")
    signed = content.get("sign_off")
    if signed:
        sign_off.add(
            tree.para(
                f"Signed off by {signed['board']} on "
                f"{day(datetime.date.fromisoformat(signed['decided_on']))}: "
                f"{signed['decision']}"
            )
        )
    status = "final" if report.status == ProgressReport.Status.FINAL else "a draft"
    when = f" on {day(report.finalised_on)}" if report.finalised_on else ""
    sign_off.add(tree.para(f"This report is {status}{when}.{_published(report, today)}"))
    doc.sections = [intro, achieved, impact, still, sign_off]
    return doc


def _published(report: ProgressReport, today: datetime.date) -> str:
    """What the sign-off section says of publication, by the one rule (decision 0076)."""
    if report.publication_date is None:
        return ""
    if is_published(report, today):
        return f" It is published from {day(report.publication_date)}."
    return f" It is not published before {day(report.publication_date)}."


def _row(p, complete=False):
    activity = p["activity"]
    return [
        activity.title,
        activity.action.title,
        ", ".join(o.name for o in activity.leads.all()) or "—",
        day(p["as_of"]) if p["as_of"] else f"{activity.end:%B %Y} (planned)",
    ]


def _outcomes(plan, report, until, impact=None) -> list[dict]:
    """Each outcome's baseline, this year's milestone, the latest value reported by the
    report's date (where the delivery app records values) and the target."""
    outcomes = list(plan.outcomes.all())
    if not outcomes:
        return []
    year_of_cycle = max(1, min(3, report.year - plan.cycle.start_year + 1))
    milestone = f"milestone_year{year_of_cycle}"
    latest = {row["outcome"]: row for row in impact or []}

    def reported(o):
        row = latest.get(o.name)
        if not row or row.get("latest") is None:
            return "None yet"
        on = datetime.date.fromisoformat(row["latest_date"])
        return f"{_plain(row['latest'])} ({day(on)})"

    return [
        tree.table(
            f"Outcomes: baseline, the year {year_of_cycle} milestone, the latest value and "
            "the target",
            [
                "Outcome",
                "Metric",
                "Baseline",
                f"Year {year_of_cycle} milestone",
                "Latest reported",
                "Target",
            ],
            [
                [
                    o.name,
                    f"{o.metric} ({o.unit})",
                    _plain(o.baseline),
                    _plain(getattr(o, milestone)),
                    reported(o),
                    _plain(o.target),
                ]
                for o in outcomes
            ],
            f"Source: {plan.area.name} LSIP, outcomes and metrics, values reported as at "
            f"{day(until)}; data sources as the plan names "
            "them.",
            widths=[22, 28, 10, 12, 16, 12],
        )
    ]


def _feedback(rows, area, until) -> list[dict]:
    """Employers' answers, priority by priority, to whether the changes are working."""
    rows = [r for r in rows or [] if r["answers"]]
    if not rows:
        return []
    answers = list(rows[0]["counts"])
    return [
        tree.table(
            "Employers' feedback: are the changes working?",
            ["Priority", "Answers", *answers],
            [[r["priority"], r["answers"], *(r["counts"][a] for a in answers)] for r in rows],
            f"Source: {area.name} employer feedback recorded in lsip, as at {day(until)}.",
        )
    ]


def _intelligence(content, written, area, until) -> tree.Section:
    """Stage 2 guidance 3.3 and 3.4: new or more granular intelligence and more specific
    actions, with the replacement-LSIP advice where a new need fits no priority."""
    section = tree.Section("new-intelligence", "New intelligence and more specific actions", "3.1")
    if written.get("new_intelligence", "").strip():
        section.add({"type": "html", "html": to_html(written["new_intelligence"])})
    items = content.get("new_intelligence") or []
    if items:
        section.add(
            tree.table(
                "Intelligence recorded since the plan was approved",
                ["Intelligence", "Recorded", "Kind", "Priority it is linked to"],
                [
                    [
                        f"{i['title']}\n{i['description']}".strip(),
                        day(datetime.date.fromisoformat(i["recorded_on"])),
                        i["tag"],
                        i["priority"] or "None: a new need",
                    ]
                    for i in items
                ],
                f"Source: {area.name} LSIP delivery record, as at {day(until)}.",
                widths=[46, 14, 14, 26],
            )
        )
    else:
        section.add(tree.para("No new intelligence has been recorded since the plan was approved."))
    if content.get("replacement_flag"):
        section.add(tree.para(content["replacement_flag"] + "."))
    return section


def _status_chart(found, source) -> dict:
    counts: dict[str, int] = {}
    for p in found:
        counts[p["label"]] = counts.get(p["label"], 0) + 1
    values = [{"status": k, "activities": v} for k, v in counts.items()]
    chart = (
        alt.Chart(alt.InlineData(values=values), title=titled("Activities by status", source))
        .mark_bar()
        .encode(
            y=alt.Y("status:N", title=None, sort="-x"),
            x=alt.X("activities:Q", title="Activities", axis=alt.Axis(format="d")),
        )
        .properties(width=360)
    )
    return tree.chart(
        "Activities by status",
        spec_of(chart),
        "",
        "; ".join(f"{k}: {v}" for k, v in counts.items()),
    )

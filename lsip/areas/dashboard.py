"""The ERB's working dashboard on an area's overview: where the area's work stands, each figure
read through its own app's querysets and rules, in a handful of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from lsip.audit.models import AuditEntry
from lsip.classification.querysets import pending_reviews
from lsip.core.figures import kept
from lsip.economy import frames, indicators
from lsip.engagement.breadth import engaged_employers
from lsip.governance.meetings import next_meeting, overdue_actions
from lsip.governance.querysets import latest_board
from lsip.plans import readiness
from lsip.plans.querysets import latest_plan
from lsip.plans.services import FEWEST_PRIORITIES, MOST_PRIORITIES

#: How many of the latest audit entries the dashboard shows.
RECENT_CHANGES = 5


@dataclass
class Dashboard:
    employers_engaged: int
    enterprises: int | None  # UK Business Counts, latest year; None when not loaded
    enterprises_period: str
    coding_backlog: int
    plan: object  # plans.Plan with item counts, or None
    findings: list  # plans.readiness findings: what stands between the plan and submission
    board: object  # governance.Board, or None
    next_meeting: object  # governance.Meeting, or None
    overdue_actions: int
    recent_changes: list

    @property
    def enterprises_label(self) -> str:
        return f"{self.enterprises:,}" if self.enterprises else ""

    @property
    def engaged_percent(self) -> str:
        """Employers engaged as a share of the area's enterprises, e.g. "0.4%"."""
        if not self.enterprises:
            return ""
        return f"{self.employers_engaged / self.enterprises:.1%}"

    @property
    def blocking(self) -> list:
        return [f for f in self.findings if f.blocks_submission]

    @property
    def warnings(self) -> list:
        return [f for f in self.findings if not f.blocks_submission]

    @property
    def priorities_in_range(self) -> bool:
        """SG Annex A: four to six overarching priorities."""
        return bool(self.plan) and (
            FEWEST_PRIORITIES <= self.plan.priority_count <= MOST_PRIORITIES
        )


def enterprises(area) -> tuple[int | None, str]:
    """The area's enterprises in the newest UK Business Counts year held, and that year, as
    the economy profile shows them: the published totals of its districts summed (summing
    the rounded size bands instead can differ by a few); (None, "") when the counts are not
    loaded or the districts have no GSS codes yet."""
    places = frames.places_of(area, districts=False, england=False)
    codes = places[area.name]
    if not codes:
        return None, ""
    frame = frames.load("ubc-enterprises-by-size", measures=["enterprises"], geographies=codes)
    series = indicators.series(
        frame,
        places,
        measure="enterprises",
        breakdown="size=total",
        key="enterprises",
        title="Enterprises",
    )
    latest = [r for r in series.rows if r["period"] == series.period and r["value"] is not None]
    if not latest:
        return None, ""
    return int(latest[0]["value"]), series.period


def dashboard(area, today: date | None = None) -> Dashboard:
    """Where the area's work stands today."""
    today = today or date.today()
    board = latest_board(area)
    count, period = enterprises(area)
    plan = latest_plan(area)
    return Dashboard(
        employers_engaged=kept(area, "employers-engaged", engaged_employers(area).count),
        enterprises=count,
        enterprises_period=period,
        coding_backlog=pending_reviews(area).count(),
        plan=plan,
        findings=readiness.findings(plan) if plan else [],
        board=board,
        next_meeting=next_meeting(board, today - timedelta(days=1)) if board else None,
        overdue_actions=overdue_actions(board, today).count() if board else 0,
        recent_changes=list(AuditEntry.objects.filter(area=area)[:RECENT_CHANGES]),
    )

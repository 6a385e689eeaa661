"""Skills England's view of submission and approval (SG 4: monitoring and oversight): every
area's lifecycle step and readiness result in one table, sortable by any column."""

from dataclasses import dataclass

from lsip.approval import lifecycle
from lsip.approval.checks import ORDER
from lsip.approval.readiness import check_plan
from lsip.approval.timeline import deadlines
from lsip.core.sorting import Column
from lsip.plans.models import Plan

#: The table's columns (`lsip.core.sorting` headings); each sorts the rows by its key.
COLUMNS = [
    Column("area", "Area"),
    Column("cycle", "Cycle"),
    Column("step", "Step"),
    Column("since", "Since"),
    Column("readiness", "Readiness"),
    Column("fails", "Failing checks", numeric=True),
    Column("warnings", "Warnings", numeric=True),
    Column("next_due", "Next deadline"),
]

#: The lifecycle's order, so that sorting by step follows it.
STEP_ORDER = {kind: n for n, kind in enumerate(lifecycle.Kind.values)}


@dataclass
class Row:
    area: object
    cycle: object
    position: object
    report: object
    next_due: object

    def key(self, column: str):
        """The value this row sorts by in `column` (None sorts last)."""
        counts = self.report.counts if self.report else {}
        return {
            "area": self.area.name,
            "cycle": self.cycle.label if self.cycle else None,
            "step": STEP_ORDER.get(self.position.kind) if self.position else None,
            "since": self.position.at if self.position else None,
            "readiness": ORDER[self.report.worst] if self.report else None,
            "fails": counts.get("fail"),
            "warnings": counts.get("warning"),
            "next_due": self.next_due.due if self.next_due else None,
        }[column]


def rows(areas) -> list[Row]:
    """One row per area: its current cycle, step, readiness and next deadline."""
    result = []
    for area in areas.order_by("name"):
        position = lifecycle.current_step(area)
        cycle = position.cycle if position else None
        plan = Plan.objects.filter(cycle=cycle).first() if cycle else None
        next_due = None
        if cycle is not None:
            next_due = next((d for d in deadlines(cycle) if not d.met_on and d.due), None)
        result.append(Row(area, cycle, position, check_plan(plan) if plan else None, next_due))
    return result


def sort(found: list[Row], sort: str) -> list[Row]:
    """The rows sorted by `sort` (a column key, "-key" the other way), empty values last."""
    key = sort.removeprefix("-")
    if key not in {c.key for c in COLUMNS}:
        key, sort = "area", "area"
    present = [r for r in found if r.key(key) is not None]
    missing = [r for r in found if r.key(key) is None]
    present.sort(key=lambda r: (r.key(key), r.area.name), reverse=sort.startswith("-"))
    return present + missing

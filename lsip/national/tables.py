"""The national tables, each as columns and rows, so that the page and its CSV and XLSX
downloads (`lsip.core.exports`) say the same thing."""

from collections.abc import Callable
from dataclasses import dataclass

from lsip.core.exports import Column
from lsip.national import aggregates


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: Callable[[aggregates.National], list]  # the rows, from the national figures


def _area_columns() -> list[Column]:
    columns = [
        Column("Area", lambda r: r.area.name),
        Column("Cycle", lambda r: r.cycle_label),
    ]
    columns += [
        Column(m.label, lambda r, k=m.key: _rounded(r.values.get(k))) for m in aggregates.MEASURES
    ]
    columns += [
        Column("Lifecycle step", lambda r: r.step),
        Column("Readiness", lambda r: r.readiness),
        Column("Delivery RAG", lambda r: r.rag),
    ]
    return columns


def _rounded(value):
    return round(value, 3) if isinstance(value, float) else value


def _soc_columns(label: str) -> list[Column]:
    return [
        Column(label, lambda r: r.code),
        Column("Title", lambda r: r.title),
        Column("Areas prioritising", lambda r: r.areas_prioritising),
        Column("Areas naming it in the plan", lambda r: r.areas_in_plan),
        Column("Skills needs", lambda r: r.needs),
        Column("Areas whose employers named it", lambda r: r.areas_with_needs),
        Column("Job postings", lambda r: _rounded(r.postings)),
    ]


TABLES = {
    t.key: t
    for t in [
        Table("areas", "The areas", _area_columns(), aggregates.National.area_rows),
        Table(
            "soc-unit",
            "Priorities by SOC 2020 unit group",
            _soc_columns("SOC 2020 unit group"),
            lambda n: aggregates.soc_table("unit", n),
        ),
        Table(
            "soc-minor",
            "Priorities by SOC 2020 minor group",
            _soc_columns("SOC 2020 minor group"),
            lambda n: aggregates.soc_table("minor", n),
        ),
        Table(
            "sic-division",
            "Priorities by SIC 2007 division",
            [
                Column("SIC 2007 division", lambda r: r.code),
                Column("Title", lambda r: r.title),
                Column("Areas prioritising", lambda r: r.areas_prioritising),
            ],
            aggregates.sic_division_table,
        ),
        Table(
            "sectors",
            "Priorities by Industrial Strategy sector",
            [
                Column("Sector", lambda r: r.title),
                Column("Kind", lambda r: r.code),
                Column("Areas prioritising", lambda r: r.areas_prioritising),
            ],
            aggregates.sector_table,
        ),
        Table(
            "named-not-prioritised",
            "Named often by employers, prioritised nowhere",
            _soc_columns("SOC 2020 unit group"),
            lambda n: aggregates.named_not_prioritised("unit", limit=None, national=n),
        ),
        Table(
            "demand-not-planned",
            "Job-postings demand that no plan mentions",
            _soc_columns("SOC 2020 unit group"),
            lambda n: aggregates.demand_not_planned("unit", limit=None, national=n),
        ),
    ]
}

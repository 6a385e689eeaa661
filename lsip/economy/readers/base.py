"""What every reader returns: a file's provenance and its figures in the long format."""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Figure:
    """One figure before it belongs to a stored dataset (see `Observation`)."""

    geography: str
    measure: str
    breakdown: str
    period: str
    period_end: date
    value: float | None
    flag: str = ""
    ci: float | None = None


@dataclass(frozen=True)
class Problem:
    """Why a file, or a row of it, cannot be imported: where, which field, and why."""

    row: int | None
    field: str
    reason: str

    def __str__(self):
        if self.row:
            return f"Row {self.row}, {self.field}: {self.reason}"
        return self.reason[:1].upper() + self.reason[1:]  # the whole file: the reason says it


class ReadError(Exception):
    """The file cannot be imported; `problems` lists every reason found, row by row."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


@dataclass
class ParsedFile:
    """A file read completely and checked, ready to be stored as one dataset."""

    family: str
    title: str
    publisher: str
    edition: str
    edition_date: date
    licence: str
    figures: list[Figure] = field(default_factory=list)
    measures: dict[str, str] = field(default_factory=dict)
    breakdowns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)

    @property
    def periods(self) -> list[str]:
        ends = {}
        for figure in self.figures:
            ends[figure.period] = figure.period_end
        return sorted(ends, key=ends.get)


OGL = "Open Government Licence v3.0"

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def period_end(label: str) -> date | None:
    """The last day a period label covers: "Jan 2017-Dec 2017", "Apr 2021-Mar 2022", "2018",
    "Jan 2022" or "2025-03"; None when the label is not a period."""
    text = str(label).strip()
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return _month_end(int(m[1]), int(m[2]))
    months = re.findall(r"([A-Za-z]{3})[a-z]*\s+(\d{4})", text)
    if months and (month := _MONTHS.get(months[-1][0].lower())):
        return _month_end(int(months[-1][1]), month)
    return None


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def slug(text: str) -> str:
    """A stable key from a publisher's label: "NVQ4+" -> "nvq4-plus"."""
    text = str(text).lower().replace("+", "-plus").replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")

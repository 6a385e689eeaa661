"""Nomis table exports (xlsx or csv) as ERBs download them: APS tables and UK Business Counts.

A Nomis sheet stacks blocks, one per date (or per date and industry). Each block opens with
the dataset's title and copyright line, then `date`, `industry`, `confidence` ... lines,
an `Area` header of column labels, for APS a second header (number, Flags, conf), the rows
(one per place) and the footnotes. APS cells may hold "*", "!", "~" or "-" instead of a
number or an interval: they are kept as flags, never turned into numbers.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from lsip.economy.readers.base import (
    OGL,
    Figure,
    ParsedFile,
    Problem,
    ReadError,
    period_end,
    slug,
)
from lsip.economy.readers.geography import NOMIS_SKIPPED, OUTSIDE, PlaceMatcher, merge_predecessors

MARKERS = {"*", "!", "~", "-", "#"}
_COPYRIGHT = re.compile(r"\[from Nomis on (\d{1,2} \w+ \d{4})\]")
_LABEL = re.compile(r"^(?P<table>T\w+):\d+ \((?P<body>.*)\)\s*$")


@dataclass(frozen=True)
class Table:
    """A Nomis table lsip reads, and how its column labels become measures and breakdowns."""

    family: str
    title: str


APS_TABLES = {
    "T01": Table("aps-economic-activity", "APS: economic activity of people aged 16-64 (T01)"),
    "T09a": Table("aps-employment-by-occupation", "APS: employment by occupation (T09a)"),
    "T13a": Table("aps-employment-by-industry", "APS: employment by industry (T13a)"),
    "T19": Table("aps-qualifications", "APS: highest qualification by age and sex (T19)"),
}
UBC_SIZE = Table("ubc-enterprises-by-size", "UK Business Counts: enterprises by size band")
UBC_INDUSTRY_SIZE = Table(
    "ubc-enterprises-by-industry-size",
    "UK Business Counts: enterprises by industry and size band",
)
KNOWN = "APS tables T01, T09a, T13a and T19, and UK Business Counts enterprises by size band"


def looks_like_nomis(rows: list[tuple]) -> bool:
    return any(_COPYRIGHT.search(str(r[0])) for r in rows[:6] if r and r[0])


def aps_column(table: str, body: str) -> tuple[str, str, str, str]:
    """(measure, measure label, breakdown key, breakdown label) of an APS column label."""
    head, _, tail = body.partition(" : ")
    tail = tail.strip()
    if table == "T09a":
        name = re.sub(r"^All people - ", "", head).replace(" (SOC2010)", "").strip()
        return "employment", "In employment", f"soc2010={slug(name)}", name
    if table == "T13a":
        name = head.replace(" (SIC 2007)", "").strip()
        code, _, label = name.partition(" ")
        return "employment", "In employment", f"sic-sections={code}", f"{code} {label}".strip()
    if table == "T01":
        group, _, status = head.partition(" - ")
        label = f"{group}: {status}".replace(": All", ": all people")
        return f"{slug(group)}-{slug(status)}", label, "", ""
    # T19: "Total - All people aged 16-64 : NVQ4+"
    people = head.split(" - ", 1)[-1].strip()
    return (
        "people",
        "People",
        f"people={slug(people)};qualification={slug(tail)}",
        f"{people}: {tail}",
    )


class NomisReader:
    """Reads a whole Nomis export, block by block, into figures for England and districts."""

    publisher = "ONS (via Nomis)"

    def __init__(self, rows: list[tuple], filename: str):
        self.rows = rows
        self.filename = filename
        self.places = PlaceMatcher()
        self.problems: list[Problem] = []
        self.skipped: Counter = Counter()
        self.notes: list[str] = []
        self.measures: dict[str, str] = {}
        self.breakdowns: dict[str, str] = {}
        self.table: Table | None = None

    def read(self) -> ParsedFile:
        title = str(self.rows[0][0]).strip()
        edition_date = self._edition_date()
        figures, district_rows = [], []
        for start, end in self._blocks():
            block_figures, districts = self._read_block(start, end)
            figures += block_figures
            district_rows.append((start, districts))
        self._check_blocks(district_rows)
        self.problems += self.places.problems
        if self.table is None and not self.problems:
            self.problems.append(Problem(None, "layout", "no table block found"))
        if self.problems:
            raise ReadError(self.problems)
        return ParsedFile(
            family=self.table.family,
            title=self.table.title,
            publisher=self.publisher,
            edition=f"{title}, downloaded from Nomis on {edition_date:%-d %B %Y}",
            edition_date=edition_date,
            licence=OGL,
            figures=merge_predecessors(figures),
            measures=self.measures,
            breakdowns=self.breakdowns,
            notes=self.notes,
            skipped=self.skipped,
        )

    def _edition_date(self) -> date:
        for row in self.rows[:6]:
            if row and (m := _COPYRIGHT.search(str(row[0]))):
                return datetime.strptime(m[1], "%d %B %Y").date()
        raise ReadError([Problem(2, "copyright line", "no '[from Nomis on DATE]' line")])

    def _blocks(self):
        """(first, last) row indexes of each block: from its `Area` header to its last row."""
        starts = [i for i, r in enumerate(self.rows) if r and str(r[0]).strip() == "Area"]
        if not starts:
            raise ReadError([Problem(None, "layout", "no 'Area' header row: not a Nomis table")])
        for n, start in enumerate(starts):
            end = start + 1
            if self.rows[end] and not self.rows[end][0] and "number" in self.rows[end]:
                end += 1  # APS: the number, Flags, conf row under the labels
            limit = starts[n + 1] if n + 1 < len(starts) else len(self.rows)
            while end < limit and self.rows[end] and self.rows[end][0] not in (None, ""):
                end += 1
            while end < limit and not (self.rows[end] and self.rows[end][0]):
                end += 1
            yield start, end
            self._collect_notes(end, limit)

    def _collect_notes(self, start, limit):
        for row in self.rows[start:limit]:
            if row and row[0] and len([c for c in row if c not in (None, "")]) == 1:
                text = str(row[0]).strip()
                if len(text) > 30 and text not in self.notes and "Crown Copyright" not in text:
                    self.notes.append(text)

    def _block_meta(self, header_at: int) -> dict[str, str]:
        meta = {}
        i = header_at - 1
        while i >= 0 and not _COPYRIGHT.search(str(self.rows[i][0] if self.rows[i] else "")):
            row = self.rows[i]
            if row and len(row) > 1 and row[0] and row[1] is not None:
                meta[str(row[0]).strip().lower()] = str(row[1]).strip()
            i -= 1
        return meta

    def _read_block(self, header_at: int, end: int) -> tuple[list[Figure], list[str]]:
        meta = self._block_meta(header_at)
        period = meta.get("date", "")
        ends = period_end(period)
        if ends is None:
            self.problems.append(
                Problem(header_at, "date", f"no period above this block ({period!r})")
            )
            return [], []
        header = self.rows[header_at]
        labels = [str(c).strip() if c else "" for c in header]
        if any(_LABEL.match(label) for label in labels[1:]):
            columns, first_row = self._aps_columns(header_at, labels), header_at + 2
        elif "Micro (0 to 9)" in labels:
            columns, first_row = self._ubc_columns(meta, labels), header_at + 1
        else:
            self.problems.append(
                Problem(header_at + 1, "column labels", f"unknown Nomis table; lsip reads {KNOWN}")
            )
            return [], []
        figures, districts = [], []
        seen = set()
        for i in range(first_row, end):
            row = self.rows[i]
            if not row or not row[0]:
                continue
            code = self._place(str(row[0]), i + 1)
            if code is None:
                continue
            name = str(row[0]).strip()
            if name in seen:
                self.problems.append(
                    Problem(i + 1, "Area", f"'{name}' appears twice in the {period} block")
                )
                continue
            seen.add(name)
            districts.append(name)
            for at, measure, breakdown in columns:
                figure = self._figure(row, at, code, measure, breakdown, period, ends, i + 1)
                if figure:
                    figures.append(figure)
        return figures, districts

    def _aps_columns(self, header_at, labels):
        columns, tables = [], set()
        units = [str(c).strip().lower() if c else "" for c in self.rows[header_at + 1]]
        for at, label in enumerate(labels):
            m = _LABEL.match(label)
            if not m:
                continue
            tables.add(m["table"])
            if m["table"] not in APS_TABLES:
                self.problems.append(
                    Problem(
                        header_at + 1,
                        "column labels",
                        f"APS table {m['table']} is not one lsip reads ({KNOWN})",
                    )
                )
                return []
            if units[at : at + 3] != ["number", "flags", "conf"]:
                self.problems.append(
                    Problem(
                        header_at + 2,
                        "column units",
                        f"expected number, Flags, conf under '{label}'",
                    )
                )
                return []
            measure, measure_label, breakdown, breakdown_label = aps_column(m["table"], m["body"])
            self.measures[measure] = measure_label
            if breakdown:
                self.breakdowns[breakdown] = breakdown_label
            columns.append((at, measure, breakdown))
        self._set_table(APS_TABLES.get(next(iter(tables))), header_at)
        return columns

    def _ubc_columns(self, meta, labels):
        industry = meta.get("industry", "Total")
        self._set_table(UBC_SIZE if industry == "Total" else UBC_INDUSTRY_SIZE, None)
        prefix = ""
        if industry != "Total":
            number, _, name = industry.partition(" : ")
            prefix = f"ubc-industry={number.strip()};"
            self.breakdowns[f"ubc-industry={number.strip()}"] = name.strip()
        self.measures["enterprises"] = "Enterprises"
        columns = []
        for at, label in enumerate(labels[1:], 1):
            if not label:
                continue
            size = slug(label.split(" (")[0])
            key = f"{prefix}size={size}"
            self.breakdowns[f"size={size}"] = label
            columns.append((at, "enterprises", key))
        return columns

    def _set_table(self, table, row):
        if self.table is None:
            self.table = table
        elif table is not self.table:
            self.problems.append(Problem(row, "layout", "blocks of different tables in one file"))

    def _place(self, text: str, row: int) -> str | None:
        kind, sep, name = text.partition(":")
        kind = kind.strip().lower()
        if not sep:
            self.problems.append(Problem(row, "Area", f"'{text}' has no Nomis geography type"))
            return None
        if kind in NOMIS_SKIPPED:
            self.skipped[NOMIS_SKIPPED[kind]] += 1
            return None
        if kind == "country" and name.strip() != "England":
            self.skipped[OUTSIDE] += 1
            return None
        if kind not in ("country", "ladu", "lad", "ualad", "la"):
            self.problems.append(
                Problem(row, "Area", f"geography type '{kind}' is not one lsip reads")
            )
            return None
        code = self.places.code_for(name.split(" - from ")[0], row)
        if code == OUTSIDE:
            self.skipped[OUTSIDE] += 1
            return None
        return code

    def _figure(self, row, at, code, measure, breakdown, period, ends, number):
        cells = list(row[at : at + 3]) + [None, None, None]
        value, flags, ci = cells[0], cells[1], cells[2]
        flag = set()
        if isinstance(value, str):
            marker = value.strip()
            if marker not in MARKERS:
                self.problems.append(
                    Problem(
                        number,
                        self.breakdowns.get(breakdown) or measure,
                        f"'{marker}' is neither a number nor a Nomis marker",
                    )
                )
                return None
            flag.add(marker)
            value = None
        if flags not in (None, "") and self.table and self.table.family.startswith("aps"):
            flag.add(str(flags).strip())
        if isinstance(ci, str):
            if ci.strip() in MARKERS:
                flag.add(ci.strip())
            ci = None
        if not (self.table and self.table.family.startswith("aps")):
            ci = None
        return Figure(
            code,
            measure,
            breakdown,
            period,
            ends,
            None if value is None else float(value),
            "".join(sorted(flag)),
            None if ci is None else float(ci),
        )

    def _check_blocks(self, blocks):
        """Every block names the same places: fewer in one means the file was cut short."""
        if not blocks:
            return
        most = max(len(d) for _, d in blocks)
        for start, districts in blocks:
            if len(districts) < most:
                self.problems.append(
                    Problem(
                        start + 1,
                        "Area",
                        f"this block has {len(districts)} places where others have {most}: "
                        "the file looks cut short",
                    )
                )
            if "country:England" not in districts:
                self.problems.append(Problem(start + 1, "Area", "this block has no England row"))

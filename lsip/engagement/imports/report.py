"""What an import would do and what is wrong with it, for the preview page and the CLI.

SG 5.1 needs a record the ERB can stand behind, so the report names every rejected row by its
row number as the spreadsheet shows it, the field and the reason; any error means nothing is
applied.
"""

from dataclasses import dataclass, field

from lsip.engagement.imports.fields import LABELS


@dataclass
class RowError:
    row: int
    field: str  # a field key, or "" for the whole row
    value: str
    reason: str

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field or "row")


@dataclass
class PreparedRow:
    """A row that passed validation: its values by field key and its fingerprint."""

    row: int
    values: dict
    source_key: str
    employer: object = None  # matching.Employer
    source: dict = field(default_factory=dict)  # every column of the row, as text


@dataclass
class Doubtful:
    """A file's employer and an existing organisation with a similar name in the same place."""

    pair: str
    name: str
    place: str
    existing: object
    rows: list[int]
    accepted: bool = False


@dataclass
class Report:
    filename: str
    sha256: str
    header_row: int = 0
    rows_read: int = 0
    errors: list[RowError] = field(default_factory=list)
    prepared: list[PreparedRow] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (row, same as row)
    already_imported: list[int] = field(default_factory=list)
    employers: list = field(default_factory=list)
    doubtful: list[Doubtful] = field(default_factory=list)
    #: (row, field) of the cells read as the value their formula last gave, as kept in the file
    formula_cells: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    @property
    def to_import(self) -> list[PreparedRow]:
        return self.prepared

    @property
    def needs(self) -> int:
        return sum(1 for p in self.prepared if p.values.get("occupation"))

    @property
    def new_employers(self) -> int:
        return sum(1 for e in self.employers if e.existing is None)

    @property
    def matched_employers(self) -> int:
        return sum(1 for e in self.employers if e.existing is not None)

    def summary_lines(self) -> list[str]:
        lines = [
            f"{self.filename}: {self.rows_read} rows under the header (row {self.header_row})",
            f"  engagements to import   {len(self.prepared)}",
            f"  skills needs            {self.needs}",
            f"  new employers           {self.new_employers}",
            f"  existing employers      {self.matched_employers}",
            f"  already imported        {len(self.already_imported)}",
            f"  duplicate rows in file  {len(self.duplicates)}",
            f"  doubtful matches        {len(self.doubtful)}",
            f"  rows with errors        {len(self.rejected_rows)}",
        ]
        if self.formula_cells:
            lines.append(f"  formulas read as values {len(self.formula_cells)}")
        return lines

    def formula_text(self) -> str:
        """Which cells held a formula, read as the value the file keeps for it."""
        cells = ", ".join(f"row {row} ({label})" for row, label in self.formula_cells[:20])
        more = len(self.formula_cells) - 20
        return cells + (f" and {more} more" if more > 0 else "")

    def text(self) -> str:
        """The report as the CLI prints it."""
        lines = self.summary_lines()
        if self.formula_cells:
            lines.append(
                "cells holding a formula, read as the value the file keeps for it: "
                + self.formula_text()
            )
        for row, first in self.duplicates:
            lines.append(f"row {row}: the same as row {first}; imported once")
        for d in self.doubtful:
            verdict = "same employer (accepted)" if d.accepted else "treated as a new employer"
            lines.append(
                f"doubtful match {d.pair}: {d.name!r} ({d.place}) is like existing "
                f"{d.existing.name!r}, rows {', '.join(map(str, d.rows[:10]))}: {verdict}"
            )
        for e in self.errors:
            value = f" ({e.value!r})" if e.value else ""
            lines.append(f"row {e.row}, {e.label}{value}: {e.reason}")
        return "\n".join(lines)

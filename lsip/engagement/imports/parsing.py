"""Reading a survey or interview export into rows numbered as the spreadsheet shows them.

Refused, with one message and before anything is written (SG 5.1 asks for a reliable record,
so a file is read whole or not at all): a file above `LSIP_IMPORT_MAX_MB` (checked before it
is read), a file that is not CSV or XLSX, text that is neither UTF-8 nor Windows-1252, merged
cells at or below the header row, and a header row that cannot be found.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from lsip.core.spreadsheets import SpreadsheetError, decode_text


@dataclass
class Sheet:
    """The cells of a file: rows as lists, each with its row number as the spreadsheet shows
    it, and the merged ranges of an XLSX sheet as (first row, last row, "A1:C1")."""

    name: str
    rows: list[tuple[int, list]]
    merged: list[tuple[int, int, str]]
    #: XLSX cells holding a formula: (row, column index) -> whether the file keeps the value
    #: the formula last gave (Excel saves it; a file written by a program may not).
    formulas: dict = field(default_factory=dict)


@dataclass
class Table:
    """The header and the data rows under it: (row number, {column: value})."""

    header_row: int
    columns: list[str]
    rows: list[tuple[int, dict]]
    #: Cells under the header holding a formula: (row, column name) -> value kept or not.
    formulas: dict = field(default_factory=dict)


def check_size(path: Path, name: str | None = None) -> None:
    """Refuse a file above settings.LSIP_IMPORT_MAX_MB before reading any of it."""
    limit = settings.LSIP_IMPORT_MAX_MB
    size = Path(path).stat().st_size
    if size > limit * 1024 * 1024:
        raise SpreadsheetError(
            f"{name or Path(path).name}: the file is {size / 1024 / 1024:.1f} MB, above the "
            f"{limit:g} MB limit for an import (LSIP_IMPORT_MAX_MB); split it into smaller files"
        )


def check_spreadsheet(path: Path, name: str | None = None) -> None:
    """Refuse at once, from the file's first bytes, what `read_sheet` would refuse as a whole:
    too big, an old Excel file, a binary file, neither CSV nor XLSX, empty. Reading every row
    can then wait for the step that needs it, so an upload page answers in a moment."""
    path = Path(path)
    name = name or path.name
    if not path.is_file():
        raise SpreadsheetError(f"{name}: no such file")
    check_size(path, name)
    with path.open("rb") as handle:
        head = handle.read(65536)
    suffix = Path(name).suffix.lower()
    if head.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        if suffix not in (".xlsx", ".xlsm") and not zipfile.is_zipfile(path):
            raise SpreadsheetError(f"{name}: not a CSV or XLSX file")
        return
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            f"{name}: an old Excel (.xls) or other Office file; save it as .xlsx or CSV"
        )
    if suffix not in (".csv", ".txt", ".tsv", ""):
        raise SpreadsheetError(f"{name}: not a CSV or XLSX file (save the sheet as either)")
    if b"\0" in head or _looks_binary(head[:4096]):
        raise SpreadsheetError(f"{name}: a binary file, not a CSV or XLSX spreadsheet")
    if not head.strip():
        raise SpreadsheetError(f"{name}: the file has no rows")


def read_sheet(path: Path, name: str | None = None) -> Sheet:
    """Every row of the file's first sheet, blank rows left out but counted."""
    path = Path(path)
    name = name or path.name
    check_spreadsheet(path, name)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04") or Path(name).suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, name)
    return _read_csv(path, name)


def _read_csv(path: Path, name: str) -> Sheet:
    text = decode_text(path.read_bytes(), name)
    delimiter = _delimiter(text[:65536])
    rows = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, row in enumerate(reader, 1):
            if any(cell.strip() for cell in row):
                rows.append((number, row))
    except csv.Error as error:
        raise SpreadsheetError(f"{name}: not readable as CSV ({error})") from None
    if not rows:
        raise SpreadsheetError(f"{name}: the file has no rows")
    return Sheet(name, rows, [])


def _delimiter(sample: str) -> str:
    """Comma, unless the first lines hold no comma but semicolons or tabs (European exports)."""
    lines = sample.splitlines()[:20]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", ";", "\t")}
    if counts[","]:
        return ","
    return max(counts, key=counts.get) if any(counts.values()) else ","


def _looks_binary(head: bytes) -> bool:
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


def _read_xlsx(path: Path, name: str) -> Sheet:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise SpreadsheetError(f"{name}: not a readable XLSX workbook ({error})") from None
    try:
        sheet = workbook.worksheets[0]
        merged = _merged_ranges(path, getattr(sheet, "_worksheet_path", ""))
        formulas = _formula_cells(path, getattr(sheet, "_worksheet_path", ""))
        sheet.reset_dimensions()
        rows = []
        with_formulas = {number for number, _ in formulas}
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = ["" if v is None else v for v in row]
            if any(str(cell).strip() for cell in cells) or number in with_formulas:
                rows.append((number, cells))
    finally:
        workbook.close()
    if not rows:
        raise SpreadsheetError(f"{name}: the first sheet has no rows")
    return Sheet(name, rows, merged, formulas)


def _merged_ranges(path: Path, sheet_path: str) -> list[tuple[int, int, str]]:
    """(first row, last row, range) of each merged range of the sheet, read from its XML."""
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(sheet_path.lstrip("/"))
        except KeyError:
            return []
    ranges = []
    for ref in re.findall(rb'<(?:\w+:)?mergeCell [^>]*ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"', xml):
        ref = ref.decode()
        numbers = [int(n) for n in re.findall(r"\d+", ref)]
        ranges.append((min(numbers), max(numbers), ref))
    return ranges


_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]+)</(?:\w+:)?v>")


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def _formula_cells(path: Path, sheet_path: str) -> dict:
    """(row, column index) -> whether a value is kept, for each cell holding a formula, read
    from the sheet's XML (openpyxl gives a formula's kept value, or None when there is none,
    which would read as an empty cell)."""
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(sheet_path.lstrip("/"))
        except KeyError:
            return {}
    if b"<f" not in xml and b":f" not in xml:
        return {}
    found = {}
    for match in _CELL.finditer(xml):
        inner = match.group(2) or b""
        if b"<f" not in inner and b":f>" not in inner and b":f " not in inner:
            continue
        ref = _REF.search(match.group(1))
        if ref is None:
            continue
        key = (int(ref.group(2)), _column_index(ref.group(1)))
        found[key] = _VALUE.search(inner) is not None
    return found


def cell_text(value) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _fold(text) -> str:
    return " ".join(str(text).casefold().split())


def find_header(sheet: Sheet, columns=(), header_row: int | None = None) -> int:
    """The row number of the header: `header_row` when given; else the first row holding
    every column name in `columns`; else (no mapping yet) the first row as wide as the widest
    of the first 30 rows and made of text, so that title rows above it are skipped."""
    if header_row:
        if not any(number == header_row for number, _ in sheet.rows):
            raise SpreadsheetError(
                f"{sheet.name}: row {header_row} is empty; it cannot be the header"
            )
        return header_row
    wanted = {_fold(c) for c in columns if c}
    if wanted:
        for number, row in sheet.rows[:50]:
            if wanted <= {_fold(cell_text(c)) for c in row}:
                return number
        raise SpreadsheetError(
            f"{sheet.name}: no row among the first 50 holds the mapped columns "
            f"({', '.join(sorted(repr(c) for c in columns if c))}); give the header row "
            "(--header-row N) or map the columns again"
        )
    first = sheet.rows[:30]
    width = max(sum(1 for c in row if str(c).strip()) for _, row in first)
    for number, row in first:
        filled = [c for c in row if str(c).strip()]
        if len(filled) >= max(1, width * 0.8) and all(isinstance(c, str) for c in filled):
            return number
    return first[0][0]


def table(sheet: Sheet, columns=(), header_row: int | None = None) -> Table:
    """The header and data rows of `sheet` (see `find_header`). Merged cells at or below the
    header are refused: a merged cell holds its value in its first row only, so the rows it
    spans would silently lose it."""
    number = find_header(sheet, columns, header_row)
    merged = [ref for first, last, ref in sheet.merged if last >= number]
    if merged:
        raise SpreadsheetError(
            f"{sheet.name}: merged cells at {', '.join(merged[:10])}; unmerge them and fill in "
            "each row, then import again"
        )
    header_cells = next(row for n, row in sheet.rows if n == number)
    header = [cell_text(c) for c in header_cells]
    named = [h for h in header if h]
    duplicates = sorted({h for h in named if named.count(h) > 1})
    if duplicates:
        raise SpreadsheetError(
            f"{sheet.name}: columns named more than once: {', '.join(duplicates)}"
        )
    rows = []
    for n, row in sheet.rows:
        if n <= number:
            continue
        rows.append((n, {h: row[i] if i < len(row) else "" for i, h in enumerate(header) if h}))
    if not rows:
        raise SpreadsheetError(
            f"{sheet.name}: no rows under the header (row {number}); there is nothing to import"
        )
    formulas = {
        (n, header[i]): kept
        for (n, i), kept in sheet.formulas.items()
        if n > number and i < len(header) and header[i]
    }
    return Table(number, named, rows, formulas)

"""Reading and writing the CSV and XLSX files people bring and take away.

A file that cannot be read is refused with one message saying which file and why; nothing is
guessed silently. CSV is read as UTF-8 (with or without a byte-order mark), or as Windows-1252
when it is not UTF-8, which is what spreadsheet programs in the UK save.
"""

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.cell import WriteOnlyCell


class SpreadsheetError(ValueError):
    """A file that cannot be read as a table; the message names the file and the reason."""


def read_table(path: Path) -> tuple[list[str], list[dict]]:
    """(column names, rows as dicts keyed by column name) of a CSV or XLSX file."""
    path = Path(path)
    if not path.is_file():
        raise SpreadsheetError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise SpreadsheetError(f"{path.name}: not a CSV or XLSX file")


def _read_csv(path: Path):
    raw = path.read_bytes()
    if b"\0" in raw[:4096]:
        raise SpreadsheetError(f"{path.name}: a binary file, not CSV text")
    text = decode_text(raw, path.name)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    return _to_dicts(path, rows)


def decode_text(raw: bytes, name: str) -> str:
    """A text file's bytes as text: UTF-8 (with or without its mark), else Windows-1252, the
    two encodings spreadsheets save CSV in; anything else is refused with where it fails."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise SpreadsheetError(
                f"{name}: the text is neither UTF-8 nor Windows-1252 (byte {error.start + 1} "
                "cannot be read); save it as CSV UTF-8"
            ) from None


def _read_xlsx(path: Path):
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise SpreadsheetError(f"{path.name}: not a readable XLSX workbook ({error})") from None
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return _to_dicts(path, rows)


def _to_dicts(path: Path, rows: list[list[str]]):
    rows = [row for row in rows if any(str(cell).strip() for cell in row)]
    if not rows:
        raise SpreadsheetError(f"{path.name}: the file has no rows")
    header = [str(name).strip() for name in rows[0]]
    duplicates = sorted({n for n in header if n and header.count(n) > 1})
    if duplicates:
        raise SpreadsheetError(
            f"{path.name}: columns named more than once: {', '.join(duplicates)}"
        )
    return header, [
        dict(zip(header, row + [""] * (len(header) - len(row)), strict=False)) for row in rows[1:]
    ]


def require_columns(path: Path, header: list[str], *names: str | None) -> None:
    missing = [n for n in names if n and n not in header]
    if missing:
        raise SpreadsheetError(
            f"{Path(path).name}: no column named {', '.join(repr(m) for m in missing)}; "
            f"the columns are {', '.join(repr(h) for h in header)}"
        )


#: What a spreadsheet takes as the start of a formula in a text cell (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    """A text cell that a spreadsheet would run as a formula, shown as text instead: an
    apostrophe is put before it (CSV and formula injection). Numbers, and text that is only a
    number such as "-3.5", are left as they are. Every file lsip writes for people to open
    passes its cells through here (`write_table`, `csv_text`)."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return f"'{value}"
    return value


def safe_rows(header: list[str], rows) -> list[list]:
    """The rows' cells in the header's order, each made safe to open with `as_text`."""
    return [[as_text(row.get(name, "")) for name in header] for row in rows]


def csv_text(header: list[str], rows) -> str:
    """Rows (dicts) as CSV text with a header line, each cell made safe with `as_text`."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([as_text(name) for name in header])
    writer.writerows(safe_rows(header, rows))
    return out.getvalue()


def write_table(path: Path, header: list[str], rows: list[dict]) -> None:
    """Write rows to CSV (UTF-8 with BOM, so Excel reads it) or XLSX, by the file's suffix.

    A text cell a spreadsheet would run as a formula is written as text (`as_text`), and in
    XLSX every text value is a string cell, never a formula."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([_xlsx_cell(sheet, as_text(name)) for name in header])
        for cells in safe_rows(header, rows):
            sheet.append([_xlsx_cell(sheet, value) for value in cells])
        workbook.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([as_text(name) for name in header])
        writer.writerows(safe_rows(header, rows))


def _xlsx_cell(sheet, value):
    """A text value as a string cell: openpyxl would otherwise store text starting with "="
    as a formula."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell

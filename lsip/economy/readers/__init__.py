"""Readers of labour-market files: each knows one publisher's layout and returns a
`ParsedFile` in the long format, or raises `ReadError` listing every problem found.

`read_file` opens a file (xlsx or csv), asks each reader whether the layout is its own, and
reads it completely before anything is stored.
"""

import csv
import io
import warnings
import zipfile
from pathlib import Path

import openpyxl

from lsip.core.spreadsheets import SpreadsheetError, decode_text
from lsip.economy.readers.base import ParsedFile, Problem, ReadError
from lsip.economy.readers.nomis import KNOWN, NomisReader, looks_like_nomis
from lsip.economy.readers.ons_job_adverts import looks_like_ons_job_adverts, read_ons_job_adverts

__all__ = ["ParsedFile", "Problem", "ReadError", "read_file"]

LAYOUTS = f"Nomis exports ({KNOWN}) and the ONS online job adverts reference tables"


def read_file(path: Path) -> ParsedFile:
    """Read and check a whole file; raise ReadError naming every problem."""
    sheets = _sheets(path)
    first = next(iter(sheets.values()), [])
    if looks_like_nomis(first):
        return NomisReader(first, path.name).read()
    if looks_like_ons_job_adverts(sheets):
        return read_ons_job_adverts(sheets)
    raise ReadError([Problem(None, "layout", f"not a layout lsip reads; it reads {LAYOUTS}")])


def _sheets(path: Path) -> dict[str, list[tuple]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = decode_text(path.read_bytes(), path.name)
        except SpreadsheetError as error:
            reason = str(error).removeprefix(f"{path.name}: ")
            raise ReadError([Problem(None, "file", f"'{path.name}': {reason}")]) from None
        return {"Data": [tuple(_number(c) for c in row) for row in csv.reader(io.StringIO(text))]}
    if suffix not in (".xlsx", ".xlsm"):
        raise ReadError([Problem(None, "file", f"'{path.name}' is not an .xlsx or .csv file")])
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Workbook contains no default style")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReadError(
            [Problem(None, "file", f"'{path.name}' is damaged or incomplete ({error})")]
        ) from None
    try:
        sheets = {}
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            sheets[sheet.title] = [tuple(r) for r in sheet.iter_rows(values_only=True)]
        return sheets
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise ReadError(
            [Problem(None, "file", f"'{path.name}' is damaged or incomplete ({error})")]
        ) from None
    finally:
        workbook.close()


def _number(cell: str):
    """CSV cells: numbers as numbers, markers and text as they are, empty as None."""
    text = cell.strip()
    if text == "":
        return None
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text

"""Downloads as declarative column lists, so that CSV, XLSX and JSON say the same thing; a
text cell a spreadsheet would take for a formula is written as text in CSV and XLSX."""

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.http import HttpResponse

from lsip.core.spreadsheets import FORMULA_STARTS, as_text, write_table  # noqa: F401

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable


def rows(columns, records) -> list[dict]:
    return [{c.heading: c.value(r) for c in columns} for r in records]


def write_export(columns, records, path: Path) -> int:
    """Write the records to `path` as CSV, XLSX or JSON (by its suffix); returns the rows."""
    path = Path(path)
    table = rows(columns, records)
    if path.suffix == ".json":
        path.write_bytes(json.dumps(table, indent=1, ensure_ascii=False).encode())
    else:
        write_table(path, [c.heading for c in columns], table)
    return len(table)


def download(columns, records, fmt: str, filename: str) -> HttpResponse:
    """The records as a CSV, XLSX or JSON download named `filename`.`fmt`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export.{fmt}"
        write_export(columns, records, path)
        body = path.read_bytes()
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

"""Downloads as declarative column lists, so that CSV, XLSX and JSON say the same thing."""

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.http import HttpResponse

from lsip.core.spreadsheets import write_table

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


def download(columns, records, fmt: str, filename: str) -> HttpResponse:
    """The records as a CSV, XLSX or JSON download named `filename`.`fmt`."""
    header = [c.heading for c in columns]
    table = rows(columns, records)
    if fmt == "json":
        body = json.dumps(table, indent=1, ensure_ascii=False).encode()
    else:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"export.{fmt}"
            write_table(path, header, table)
            body = path.read_bytes()
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

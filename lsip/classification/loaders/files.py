"""Reading the ONS workbooks and replacing a table in one step, shared by the loaders."""

import zipfile
from pathlib import Path

import openpyxl
from django.db import connections, transaction
from openpyxl.utils.exceptions import InvalidFileException

from lsip.refdata.errors import RefdataError


def sheet_rows(path: Path, name: str) -> list[tuple]:
    """Every row of one sheet, as values, each as long as the longest.

    The sheets may record a wrong dimension (see the data manifest), so it is reset before
    reading: otherwise read-only mode sees only the first row.
    """
    try:
        workbook = openpyxl.load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise RefdataError(f"{path.name}: not a readable Excel workbook ({error})") from None
    try:
        if name not in workbook.sheetnames:
            raise RefdataError(
                f"{path.name}: no sheet {name!r} (it has {', '.join(workbook.sheetnames)})"
            )
        sheet = workbook[name]
        sheet.reset_dimensions()
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()
    width = max((len(row) for row in rows), default=0)
    return [tuple(row) + (None,) * (width - len(row)) for row in rows]


def heading(value) -> str:
    """A column heading with its line breaks and repeated spaces folded, in lower case."""
    return " ".join(str(value or "").split()).lower()


def columns(path: Path, header, wanted: dict[str, str]) -> dict[str, int]:
    """The position of each wanted heading (name -> heading text) in `header`."""
    found = [heading(cell) for cell in header]
    missing = [text for text in wanted.values() if text not in found]
    if missing:
        raise RefdataError(
            f"{path.name}: the columns {', '.join(repr(m) for m in missing)} are missing "
            f"(headings found: {', '.join(repr(f) for f in found if f)})"
        )
    return {name: found.index(text) for name, text in wanted.items()}


def text(value) -> str:
    """A cell as one line of text: spaces folded, None as ""."""
    return " ".join(str(value).split()) if value is not None else ""


def replace(model, objects: list) -> None:
    """Empty `model`'s table and fill it with `objects`, all or nothing.

    The table is emptied with one DELETE: these rows send no signals and nothing cascades
    from them, and Django's own delete would read every row first.
    """
    connection = connections[model.objects.db]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        model.objects.bulk_create(objects, batch_size=2000)


def tree(path: Path, rows, make, noun: str, needed_level, needed: str) -> list:
    """The items `make(path, number, row)` builds from `rows` (None skips a row), checked to
    form one tree: each code once, every parent present, and some items at `needed_level`."""
    items = {}
    for number, row in enumerate(rows, start=2):
        item = make(path, number, row)
        if item is None:
            continue
        if item.code in items:
            raise RefdataError(f"{path.name}: row {number}: {noun} {item.code} appears twice")
        items[item.code] = item
    orphans = sorted(i.code for i in items.values() if i.parent_id and i.parent_id not in items)
    if orphans:
        raise RefdataError(f"{path.name}: {noun}s without their parent: {', '.join(orphans)}")
    if not any(i.level == needed_level for i in items.values()):
        raise RefdataError(f"{path.name}: no {needed} in the sheet")
    return list(items.values())

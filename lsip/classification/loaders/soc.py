"""SOC 2020 Volume 1 (structure and descriptions) and Volume 2 (the coding index)."""

import csv
import io
from pathlib import Path

from django.db import transaction

from lsip.classification.codes import UNCODED, soc_ext_code
from lsip.classification.loaders.files import columns, replace, sheet_rows, text, tree
from lsip.classification.models import SocExtendedGroup, SocGroup, SocIndexTitle
from lsip.refdata.errors import RefdataError

VOLUME1_SHEET = "SOC2020 descriptions"
#: Volume 1 writes "<blank>" in every cell that has nothing in it.
BLANK = "<blank>"
LEVELS = (SocGroup.Level.MAJOR, SocGroup.Level.SUB_MAJOR, SocGroup.Level.MINOR, SocGroup.Level.UNIT)
VOLUME1_COLUMNS = {
    SocGroup.Level.MAJOR: "soc 2020 major group",
    SocGroup.Level.SUB_MAJOR: "soc 2020 sub-major group",
    SocGroup.Level.MINOR: "soc 2020 minor group",
    SocGroup.Level.UNIT: "soc 2020 unit group",
    "title": "soc 2020 group title",
    "description": "group description",
    "entry_routes": "typical entry routes and associated qualifications",
    "tasks": "tasks",
    "related_titles": "related job titles",
}
INDEX_HEADER = ["SOC_2020_ext", "SOC2020_ext_SUG_title", "INDEXOCC_-_natural_word_order"]


def _cell(value) -> str:
    value = "" if value is None else str(value).strip()
    return "" if value == BLANK else value


def bullets(value) -> list[str]:
    """Volume 1 lists tasks and related job titles one a line, each after a "~"."""
    items = []
    for line in _cell(value).splitlines():
        line = " ".join(line.split())
        if line.startswith("~") or (line and not items):
            items.append(line.lstrip("~ "))
        elif line:  # a line without "~" carries on the item before it
            items[-1] = f"{items[-1]} {line}"
    return [item for item in items if item]


def _volume1_group(path: Path, number: int, row, at: dict) -> SocGroup | None:
    codes = [(level, _cell(row[at[level]])) for level in LEVELS]
    codes = [(level, code) for level, code in codes if code]
    if not codes and not any(_cell(value) for value in row):
        return None
    if len(codes) != 1:
        raise RefdataError(f"{path.name}: row {number} has {len(codes)} group codes, not one")
    level, code = codes[0]
    if not (code.isdigit() and len(code) == LEVELS.index(level) + 1):
        raise RefdataError(f"{path.name}: row {number}: {code!r} is not a {level.label} code")
    title = text(_cell(row[at["title"]]))
    if not title:
        raise RefdataError(f"{path.name}: row {number}: group {code} has no title")
    return SocGroup(
        code=code,
        level=level,
        parent_id=code[:-1] or None,
        title=title,
        description=_cell(row[at["description"]]),
        entry_routes=_cell(row[at["entry_routes"]]),
        tasks=bullets(row[at["tasks"]]),
        related_titles=bullets(row[at["related_titles"]]),
    )


def read_volume1(path: Path) -> list[SocGroup]:
    """Every group of the "SOC2020 descriptions" sheet, checked to form one tree."""
    rows = sheet_rows(path, VOLUME1_SHEET)
    if not rows:
        raise RefdataError(f"{path.name}: the sheet {VOLUME1_SHEET!r} is empty")
    at = columns(path, rows[0], VOLUME1_COLUMNS)
    return tree(
        path,
        rows[1:],
        lambda p, number, row: _volume1_group(p, number, row, at),
        "group",
        SocGroup.Level.UNIT,
        f"unit groups ({VOLUME1_SHEET!r})",
    )


def load_soc_volume1(path: Path) -> None:
    """Replace the SOC 2020 groups with those of Volume 1 (ONS SOC 2020 Volume 1)."""
    groups = read_volume1(path)
    units = {g.code for g in groups if g.level == SocGroup.Level.UNIT}
    indexed = set(SocExtendedGroup.objects.values_list("unit_group_id", flat=True).distinct())
    if indexed - units:
        raise RefdataError(
            f"{path.name}: the installed coding index codes to unit groups this file does not "
            f"have: {', '.join(sorted(indexed - units)[:20])}"
        )
    with transaction.atomic():
        replace(SocGroup, groups)


def _index_rows(path: Path):
    try:
        content = path.read_bytes().decode("cp1252")
    except UnicodeDecodeError as error:
        raise RefdataError(f"{path.name}: not cp1252 text as expected ({error})") from None
    reader = csv.reader(io.StringIO(content, newline=""))
    header = [cell.strip().lstrip("\ufeff") for cell in next(reader, [])]
    if header != INDEX_HEADER:
        raise RefdataError(f"{path.name}: the header is {header}, expected {INDEX_HEADER}")
    return enumerate(reader, start=2)


def read_coding_index(path: Path) -> tuple[list[SocExtendedGroup], list[SocIndexTitle]]:
    """The extended sub-unit groups and the titles of the 3-column coding index (cp1252)."""
    extended, titles = {}, []
    for number, row in _index_rows(path):
        if not row:
            continue
        if len(row) != 3:
            raise RefdataError(f"{path.name}: row {number} has {len(row)} columns, not 3")
        code, ext_title, title = row[0].strip(), text(row[1]), text(row[2])
        if not title:
            raise RefdataError(f"{path.name}: row {number} has no job title")
        if code == UNCODED:  # ONS codes these only with more information
            titles.append(SocIndexTitle(row=number, title=title))
            continue
        if not soc_ext_code(code):
            raise RefdataError(
                f"{path.name}: row {number}: {code!r} is neither an extended sub-unit group "
                f"(such as 2433/04) nor {UNCODED}"
            )
        known = extended.setdefault(
            code, SocExtendedGroup(code=code, unit_group_id=code[:4], title=ext_title)
        )
        if known.title != ext_title:
            raise RefdataError(
                f"{path.name}: row {number}: {code} is titled {ext_title!r} here and "
                f"{known.title!r} before"
            )
        titles.append(
            SocIndexTitle(row=number, title=title, unit_group_id=code[:4], extended_group_id=code)
        )
    if not extended:
        raise RefdataError(f"{path.name}: no coded titles")
    return list(extended.values()), titles


def load_soc_coding_index(path: Path) -> None:
    """Replace the extended sub-unit groups and index titles (ONS SOC 2020 Volume 2)."""
    extended, titles = read_coding_index(path)
    units = set(SocGroup.objects.filter(level=SocGroup.Level.UNIT).values_list("code", flat=True))
    unknown = {group.unit_group_id for group in extended} - units
    if units and unknown:
        raise RefdataError(
            f"{path.name}: codes to unit groups that SOC 2020 Volume 1 does not have: "
            f"{', '.join(sorted(unknown)[:20])}"
        )
    with transaction.atomic():
        replace(SocIndexTitle, [])
        replace(SocExtendedGroup, extended)
        replace(SocIndexTitle, titles)

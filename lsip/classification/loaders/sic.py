"""UK SIC 2007: the summary of structure and the alphabetical index of activities."""

import re
from pathlib import Path

from django.db import transaction

from lsip.classification.codes import sic_code, sic_from_digits
from lsip.classification.loaders.files import columns, heading, replace, sheet_rows, text, tree
from lsip.classification.models import SicActivity, SicItem
from lsip.refdata.errors import RefdataError

STRUCTURE_SHEET = "reworked structure"
INDEX_SHEET = "Alphabetical Index"
#: The structure sheet's columns, with the number of digits of each level's code.
LEVELS = (
    (SicItem.Level.SECTION, "section", 0),
    (SicItem.Level.DIVISION, "division", 2),
    (SicItem.Level.GROUP, "group", 3),
    (SicItem.Level.CLASS, "class", 4),
    (SicItem.Level.SUBCLASS, "sub class", 5),
)
INDEX_HEADER = ["uk sic 2007", "uk sic 2003", "activity"]


def _digits(value, width: int) -> str:
    """A code cell: "na" is empty; some codes are numbers, which lose their leading zeros."""
    if isinstance(value, int):
        return str(value).zfill(width)
    value = "" if value is None else str(value).strip()
    return "" if value.lower() == "na" else value


def _codes(path: Path, number: int, row, at: dict) -> list[str]:
    """The row's codes from its section down to its own level, checked to nest."""
    codes = [_digits(row[at[name]], width) for _, name, width in LEVELS]
    depth = sum(1 for code in codes if code)
    codes = codes[:depth]
    if not all(codes):
        raise RefdataError(f"{path.name}: row {number} skips a level of the hierarchy: {codes}")
    digits = codes[1:]  # division, group, class, subclass: each starts with the one before
    nested = all(
        code.isdigit()
        and len(code) == LEVELS[n + 1][2]
        and code.startswith(digits[n - 1] if n else "")
        for n, code in enumerate(digits)
    )
    if not (codes and re.fullmatch(r"[A-U]", codes[0].upper()) and nested):
        raise RefdataError(f"{path.name}: row {number}: the codes {codes} do not nest")
    return codes


def _structure_item(path: Path, number: int, row, at: dict) -> SicItem | None:
    if not any(text(row[column]) for column in at.values()):
        return None
    codes = _codes(path, number, row, at)
    level = LEVELS[len(codes) - 1][0]
    if level == SicItem.Level.SUBCLASS and codes[-1].endswith("0"):
        raise RefdataError(  # the five-digit form would read as its class (see codes.py)
            f"{path.name}: row {number}: subclass {codes[-1]} ends in 0"
        )
    title = text(row[at["description"]])
    if not title:
        raise RefdataError(f"{path.name}: row {number}: {codes[-1]} has no title")
    canonical = [codes[0].upper()] + [sic_from_digits(code) for code in codes[1:]]
    return SicItem(
        code=canonical[-1],
        level=level,
        parent_id=canonical[-2] if len(canonical) > 1 else None,
        title=title,
        position=number,
    )


def read_structure(path: Path) -> list[SicItem]:
    """Every section, division, group, class and subclass of the "reworked structure" sheet."""
    rows = sheet_rows(path, STRUCTURE_SHEET)
    if not rows:
        raise RefdataError(f"{path.name}: the sheet {STRUCTURE_SHEET!r} is empty")
    at = columns(path, rows[0], {"description": "description"} | {n: n for _, n, _ in LEVELS})
    return tree(
        path,
        rows[1:],
        lambda p, number, row: _structure_item(p, number, row, at),
        "item",
        SicItem.Level.CLASS,
        f"classes ({STRUCTURE_SHEET!r})",
    )


def load_sic_structure(path: Path) -> None:
    """Replace the SIC 2007 hierarchy with the ONS summary of structure."""
    items = read_structure(path)
    coded = set(SicActivity.objects.values_list("item_id", flat=True).distinct())
    missing = coded - {item.code for item in items}
    if missing:
        raise RefdataError(
            f"{path.name}: the installed index of activities codes to items this file does not "
            f"have: {', '.join(sorted(missing)[:20])}"
        )
    with transaction.atomic():
        replace(SicItem, items)


def _five_digits(value) -> str:
    return _digits(value, 5)


def read_index(path: Path) -> list[SicActivity]:
    """The activities of the "Alphabetical Index" sheet, each with its class or subclass.

    The sheet already includes the changes of the addendum sheets (December 2022), so those
    are not applied again.
    """
    rows = sheet_rows(path, INDEX_SHEET)
    start = next((n for n, row in enumerate(rows[:10]) if _is_index_header(row)), None)
    if start is None:
        raise RefdataError(f"{path.name}: no heading row {INDEX_HEADER} in {INDEX_SHEET!r}")
    activities = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        code, sic2003, activity = row[:3]
        code, sic2003, activity = _five_digits(code), _five_digits(sic2003), text(activity)
        if not (code or activity):
            continue
        if not re.fullmatch(r"\d{5}", code) or not activity:
            raise RefdataError(
                f"{path.name}: row {number}: expected a five-digit SIC 2007 code and an "
                f"activity, found {code!r} and {activity!r}"
            )
        if sic2003 and not re.fullmatch(r"\d{5}", sic2003):
            raise RefdataError(f"{path.name}: row {number}: SIC 2003 code {sic2003!r}")
        activities.append(
            SicActivity(row=number, activity=activity, item_id=sic_code(code), sic2003=sic2003)
        )
    if not activities:
        raise RefdataError(f"{path.name}: no activities in {INDEX_SHEET!r}")
    return activities


def _is_index_header(row) -> bool:
    return [heading(cell) for cell in row[:3]] == INDEX_HEADER


def load_sic_indexes(path: Path) -> None:
    """Replace the index of activities with the ONS alphabetical index (December 2022)."""
    activities = read_index(path)
    items = set(SicItem.objects.values_list("code", flat=True))
    unknown = {activity.item_id for activity in activities} - items
    if items and unknown:
        raise RefdataError(
            f"{path.name}: codes activities to items the SIC 2007 structure does not have: "
            f"{', '.join(sorted(unknown)[:20])}"
        )
    with transaction.atomic():
        replace(SicActivity, activities)

"""Reading the ONS files the coders are built from (no Django needed)."""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

BLANK = "<blank>"


@dataclass
class SocUnit:
    code: str
    title: str
    description: str = ""
    entry_routes: str = ""
    tasks: list[str] = field(default_factory=list)
    related_titles: list[str] = field(default_factory=list)


def _bullets(cell) -> list[str]:
    text = "" if cell is None else str(cell)
    if text.strip() == BLANK:
        return []
    return [part.strip().lstrip("~").strip() for part in re.split(r"\n+", text) if part.strip()]


def read_soc_volume1(path: Path) -> tuple[dict[str, str], dict[str, SocUnit]]:
    """(titles of every group by code, unit groups by 4-digit code) from SOC 2020 Volume 1."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook["SOC2020 descriptions"]
    sheet.reset_dimensions()
    groups, units = {}, {}
    for row in sheet.iter_rows(min_row=2, values_only=True):
        codes = [str(c).strip() for c in row[:4] if c is not None and str(c).strip() != BLANK]
        if not codes or not row[4]:
            continue
        code, title = codes[0], " ".join(str(row[4]).split())
        groups[code] = title
        if len(code) == 4:
            units[code] = SocUnit(
                code,
                title,
                str(row[6] or "").replace(BLANK, "").strip(),
                str(row[7] or "").replace(BLANK, "").strip(),
                _bullets(row[8]),
                _bullets(row[9]),
            )
    workbook.close()
    return groups, units


@dataclass(frozen=True)
class IndexTitle:
    title: str
    unit: str  # "" for titles ONS does not code without more information
    extended: str
    extended_title: str


def read_soc_coding_index(path: Path) -> list[IndexTitle]:
    """The SOC 2020 coding index (3-column extract, cp1252); `}}}}/}}` rows have no code."""
    with path.open(encoding="cp1252", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        titles = []
        for extended, extended_title, title in reader:
            codable = extended[:4].isdigit()
            titles.append(
                IndexTitle(
                    title.strip(),
                    extended[:4] if codable else "",
                    extended if codable else "",
                    extended_title if codable else "",
                )
            )
    return titles


def read_sic_structure(path: Path) -> dict[str, str]:
    """Titles of SIC 2007 sections (A), divisions (01), groups (011), classes (0111) and
    subclasses (01110 or 01621/1 style 5 digits) keyed by code without dots."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook["reworked structure"]
    sheet.reset_dimensions()
    titles = {}
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if not row or not row[0] or row[6] is None:
            continue
        code = str(row[6]).strip()
        if code and code != "na":
            titles[code] = " ".join(str(row[0]).split())
    workbook.close()
    return titles


def read_sic_activities(path: Path) -> list[tuple[str, str]]:
    """(activity, 5-digit SIC 2007 code) from the alphabetical index of activities."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook["Alphabetical Index"]
    sheet.reset_dimensions()
    activities = []
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if row and row[0] and len(row) > 2 and row[2]:
            code = str(row[0]).strip().zfill(5)
            if code.isdigit():
                activities.append((" ".join(str(row[2]).split()), code))
    workbook.close()
    return activities

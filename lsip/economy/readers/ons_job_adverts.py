"""ONS "Labour demand indicators by Local Authority": online job adverts (Adzuna) by district.

Sheet "1" gives each UK district (May 2021 names) the average monthly volume of adverts in
January of each year, in ONS's "units" (a count divided by a fixed value); sheet "2" gives the
regions. Sheet "4" lists districts ONS left out for quality: they are stored without a value
and with the flag "x", so that an area total that lacks them says so.
"""

import re
from collections import Counter
from datetime import date, datetime

from lsip.economy.models import ENGLAND
from lsip.economy.readers.base import OGL, Figure, ParsedFile, Problem, ReadError
from lsip.economy.readers.geography import OUTSIDE, PlaceMatcher, merge_predecessors

TITLE = "Total job adverts by local authority"
MEASURE = "online-job-adverts"
MEASURE_LABEL = "Online job adverts (ONS units, average over January)"
ENGLISH_REGIONS = {
    "east midlands",
    "east of england",
    "london",
    "north east",
    "north west",
    "south east",
    "south west",
    "west midlands",
    "yorkshire and the humber",
}


def looks_like_ons_job_adverts(sheets: dict[str, list[tuple]]) -> bool:
    first = sheets.get("1") or []
    return bool(first and first[0] and str(first[0][0]).startswith(TITLE))


def _published(sheets) -> date:
    for row in sheets.get("Cover_sheet", []):
        if row and row[0] and (m := re.search(r"published .*?(\d{1,2} \w+ \d{4})", str(row[0]))):
            return datetime.strptime(m[1], "%d %B %Y").date()
    raise ReadError([Problem(None, "Cover_sheet", "no 'originally published ... DATE' line")])


def _header(rows, sheet) -> tuple[int, list[str]]:
    for i, row in enumerate(rows[:10]):
        if row and row[0] and str(row[0]).startswith(("Local authority", "Region")):
            return i, [str(c).strip() if c is not None else "" for c in row]
    raise ReadError(
        [Problem(None, f"sheet {sheet}", "no header row (Local authority, Region, years)")]
    )


def read_ons_job_adverts(sheets: dict[str, list[tuple]]) -> ParsedFile:
    published = _published(sheets)
    places = PlaceMatcher()
    problems: list[Problem] = []
    skipped: Counter = Counter()
    rows = sheets["1"]
    at, header = _header(rows, "1")
    years = [(i, h) for i, h in enumerate(header) if re.fullmatch(r"\d{4}", h)]
    if not years:
        raise ReadError([Problem(at + 1, "header", "no year columns")])
    excluded = {
        str(r[0]).strip() for r in sheets.get("4", [])[3:] if r and r[0] and str(r[0]).strip()
    }
    figures = []
    for n, row in enumerate(rows[at + 1 :], at + 2):
        if not row or not row[0]:
            continue
        code = places.code_for(str(row[0]), n, "Local authority")
        if code in (None, OUTSIDE):
            skipped[OUTSIDE] += code == OUTSIDE
            continue
        for i, year in years:
            value = row[i] if i < len(row) else None
            if isinstance(value, str) or value is None:
                problems.append(Problem(n, year, f"{value!r} is not a number"))
                continue
            figures.append(_figure(code, year, float(value), ""))
    for name in sorted(excluded):
        code = places.resolver.resolve(name)
        if code is not None and code.kind == "district":
            figures += [_figure(code.gss_code, year, None, "x") for _, year in years]
    figures += _england(sheets.get("2", []), years, problems)
    problems = places.problems + problems
    if problems:
        raise ReadError(problems)
    return ParsedFile(
        family="ons-online-job-adverts",
        title="Online job adverts by local authority (Adzuna), labour demand indicators",
        publisher="ONS",
        edition=f"Reference tables published {published:%-d %B %Y}",
        edition_date=published,
        licence=OGL,
        figures=merge_predecessors(figures),
        measures={MEASURE: MEASURE_LABEL},
        notes=[
            "Averages of weekly snapshots over January, in ONS units (a count divided by a "
            "fixed value). Districts ONS excluded for quality are flagged x."
        ],
        skipped=skipped,
    )


def _figure(code, year, value, flag):
    return Figure(code, MEASURE, "", f"Jan {year}", date(int(year), 1, 31), value, flag)


def _england(rows, years, problems) -> list[Figure]:
    """England is the sum of its nine regions (adverts with no known region are left out)."""
    try:
        at, header = _header(rows, "2")
    except ReadError as error:
        problems += error.problems
        return []
    columns = {h: i for i, h in enumerate(header)}
    regions = [
        r for r in rows[at + 1 :] if r and r[0] and str(r[0]).strip().lower() in ENGLISH_REGIONS
    ]
    if len(regions) != len(ENGLISH_REGIONS):
        problems.append(Problem(None, "sheet 2", "does not list England's nine regions"))
        return []
    return [
        _figure(ENGLAND, year, round(sum(float(r[columns[year]]) for r in regions), 1), "")
        for _, year in years
    ]

"""Job-postings files: one advert per row, coded to SOC 2020 and counted by district and month.

A file (CSV, Parquet, or a small XLSX) holds one advert a row with a title, a location and a
date, and optionally the employer, a SIC 2007 code and a salary. Importing it:

1. reads and checks every row (`read_postings`); any row without a title or with a date that
   cannot be read rejects the whole file, naming each row;
2. matches each distinct location to a LAD 2023 district ("Shrewsbury, Shropshire": the whole
   string, then each comma part from the right); adverts elsewhere are counted as skipped;
3. codes each distinct title once with the batch SOC coder, in worker processes, and joins the
   codes back; titles below the auto-code threshold stay uncoded;
4. keeps the coded adverts as `DATA_DIR/postings/<dataset id>.parquet`;
5. counts adverts by SOC unit group, SIC division, district and month (`aggregate`) and stores
   the counts as one dataset of the labour-market long table.

Polars does the row work; nothing is saved row by row.
"""

import gc
import multiprocessing
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import polars as pl

from lsip.economy.readers.base import Figure, ParsedFile, Problem, ReadError
from lsip.geography.districts import ENGLAND_CODE as ENGLAND

FAMILY = "job-postings"
MEASURE = "job-postings"
TITLE = "Job postings, one advert per row"
DEFAULT_LICENCE = "As licensed to the ERB"
DEFAULT_PUBLISHER = "Imported file"
OUTSIDE = "Location not in an English district"
UNCODED = "uncoded"
MAX_PROBLEMS = 1000
XLSX_MAX_BYTES = 20 * 1024 * 1024
#: With no worker count given, one coding process per this many distinct titles (up to every
#: core): the coder does 5,000 to 15,000 titles a second, and a process takes ~1 s to start.
TITLES_PER_WORKER = 25_000

#: The columns read, each with the names (folded to lower case) a file may give it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "job title", "job_title", "jobtitle", "advert title", "job"),
    "employer": ("employer", "employer name", "company", "company name", "organisation"),
    "location": ("location", "place", "town", "job location", "location name"),
    "date": ("date", "posted", "date posted", "posted date", "advert date", "created"),
    "sic": ("sic", "sic code", "sic2007", "sic 2007", "sic_code", "sic2007 code"),
    "salary": ("salary", "pay", "salary text", "wage"),
    "publisher": ("source", "publisher", "data source"),
}
REQUIRED = ("title", "location", "date")

#: progress(done, total, stage): stage is one of the labels below.
Progress = Callable[[int, int, str], None]
READING, PLACES, CODING, COUNTING, STORING = (
    "Reading adverts",
    "Matching places",
    "Coding titles to SOC 2020",
    "Counting",
    "Storing figures",
)


def _quiet(done: int, total: int, stage: str) -> None:
    pass


# -- reading ---------------------------------------------------------------------------------


def read_postings(path: Path) -> pl.DataFrame:
    """The adverts of `path` (CSV, Parquet or XLSX) as a DataFrame with the columns `row`
    (the file's row number, header = 1), `title`, `employer`, `location`, `date` (a date),
    `sic`, `salary` and `publisher` (null where the file has no such column).

    Raises ReadError naming every rejected row (capped at MAX_PROBLEMS, with a count of
    the rest): missing required columns, empty titles and dates that cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ReadError([Problem(None, "file", f"'{path}' does not exist")])
    raw = _read_raw(path)
    found = _find_columns(raw.columns)
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise ReadError(
            [
                Problem(
                    None,
                    name,
                    f"no {name} column (looked for {', '.join(repr(a) for a in COLUMNS[name])}"
                    f"; the file has {', '.join(repr(c) for c in raw.columns) or 'no columns'})",
                )
                for name in missing
            ]
        )
    text = {
        name: (_as_text(raw, found[name], name) if name in found else pl.lit(None, pl.String))
        for name in COLUMNS
        if name != "date"
    }
    frame = raw.with_row_index("row", offset=2).select(
        pl.col("row").cast(pl.Int64),
        *(expr.alias(name) for name, expr in text.items()),
        _as_text(raw, found["date"]).alias("date_text"),
        _as_date(raw, found["date"]).alias("date"),
    )
    blank = pl.col("title").is_null() & pl.col("location").is_null() & pl.col("date_text").is_null()
    frame = frame.filter(~blank)
    _check(frame)
    return frame.drop("date_text")


def _read_raw(path: Path) -> pl.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pl.read_parquet(path)
        if suffix == ".csv":
            try:
                return pl.read_csv(path, infer_schema=False, truncate_ragged_lines=True)
            except pl.exceptions.ComputeError:
                text = path.read_bytes().decode("cp1252", errors="replace")
                return pl.read_csv(
                    text.encode("utf-8"), infer_schema=False, truncate_ragged_lines=True
                )
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
    except (pl.exceptions.PolarsError, OSError, ValueError) as error:
        raise ReadError(
            [Problem(None, "file", f"'{path.name}' cannot be read ({error})")]
        ) from None
    raise ReadError([Problem(None, "file", f"'{path.name}' is not a .csv, .parquet or .xlsx file")])


def _read_xlsx(path: Path) -> pl.DataFrame:
    import openpyxl

    if path.stat().st_size > XLSX_MAX_BYTES:
        raise ReadError(
            [
                Problem(
                    None,
                    "file",
                    f"'{path.name}' is over {XLSX_MAX_BYTES // 1024 // 1024} MB: "
                    "save it as CSV or Parquet",
                )
            ]
        )
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
        body = [list(r) for r in rows]
    finally:
        workbook.close()
    names = [h or f"column {i + 1}" for i, h in enumerate(header)]
    sic = _find_columns(names).get("sic")
    return pl.DataFrame(
        [
            pl.Series(
                name,
                [_cell_text(r[i] if i < len(r) else None, name == sic) for r in body],
                pl.String,
            )
            for i, name in enumerate(names)
        ]
    )


def _cell_text(value, sic: bool = False) -> str | None:
    """A cell as text; a SIC code typed as a number gets back its leading zero (01110)."""
    if value is None:
        return None
    if isinstance(value, date):  # datetime is a date too
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:05d}" if sic else str(value)
    return str(value)


def _find_columns(names: list[str]) -> dict[str, str]:
    folded = {" ".join(str(n).strip().lower().replace("_", " ").split()): n for n in names}
    found = {}
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            key = " ".join(alias.replace("_", " ").split())
            if key in folded:
                found[field] = folded[key]
                break
    return found


def _as_text(raw: pl.DataFrame, column: str, field: str = "") -> pl.Expr:
    """A column as trimmed text with empty cells as null (a SIC code stored as a number gets
    back its leading zero: 1110 is 01110)."""
    expr = pl.col(column)
    if field == "sic" and raw.schema[column].is_integer():
        expr = expr.cast(pl.String).str.zfill(5)
    expr = expr.cast(pl.String).str.strip_chars()
    return pl.when(expr == "").then(None).otherwise(expr)


def _as_date(raw: pl.DataFrame, column: str) -> pl.Expr:
    """ISO dates (with or without a time) and dd/mm/yyyy; null where neither reads."""
    dtype = raw.schema[column]
    if dtype == pl.Date:
        return pl.col(column)
    if dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        return pl.col(column).dt.date()
    text = _as_text(raw, column)
    iso = text.str.extract(r"^(\d{4}-\d{2}-\d{2})(?:[ T].*)?$", 1).str.to_date(
        "%Y-%m-%d", strict=False
    )
    british = (
        text.str.extract(r"^(\d{1,2}/\d{1,2}/\d{4})$", 1)
        .str.replace(r"^(\d)/", "0$1/")
        .str.replace(r"/(\d)/", "/0$1/")
        .str.to_date("%d/%m/%Y", strict=False)
    )
    return pl.coalesce(iso, british)


def _check(frame: pl.DataFrame) -> None:
    bad = frame.filter(
        pl.col("title").is_null() | pl.col("date_text").is_null() | pl.col("date").is_null()
    )
    if bad.is_empty():
        return
    problems = []
    total = 0
    for row, title, date_text, day in bad.select("row", "title", "date_text", "date").iter_rows():
        found = []
        if title is None:
            found.append(Problem(row, "title", "empty: every advert needs a job title"))
        if date_text is None:
            found.append(Problem(row, "date", "empty: every advert needs a date"))
        elif day is None:
            found.append(
                Problem(row, "date", f"'{date_text}' is not a date (use 2025-03-31 or 31/03/2025)")
            )
        total += len(found)
        problems.extend(found[: max(0, MAX_PROBLEMS - len(problems))])
    if total > len(problems):
        problems.append(
            Problem(None, "file", f"and {total - len(problems)} more problems not listed")
        )
    raise ReadError(problems)


# -- places ----------------------------------------------------------------------------------


def match_locations(locations: list[str], resolver=None) -> dict[str, str | None]:
    """Each location string to the GSS code of its LAD 2023 district, or None.

    The whole string is tried first, then each comma-separated part from the right, so that
    "Shrewsbury, Shropshire" is Shropshire; places outside England and unknown places are
    None (the caller counts them as skipped)."""
    if resolver is None:
        from lsip.geography.districts import DistrictResolver

        resolver = DistrictResolver.load()
    found = {}
    for location in locations:
        found[location] = _district(location, resolver)
    return found


def _district(location: str | None, resolver) -> str | None:
    if not location:
        return None
    parts = [p.strip() for p in location.split(",")]
    attempts = [location, *reversed(parts)] if len(parts) > 1 else [location]
    for attempt in attempts:
        if not attempt:
            continue
        place = resolver.resolve(attempt)
        if place is None:
            continue
        if place.kind == "district" and place.gss_code:
            return place.gss_code
        return None  # England as a whole, or outside England: not a district
    return None


# -- coding ----------------------------------------------------------------------------------


def title_key() -> pl.Expr:
    """The form titles are coded in: trimmed, lower case, single spaces (the coder folds case
    itself, so this only merges titles that would code alike)."""
    return pl.col("title").str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()


def code_titles(
    titles: list[str],
    *,
    learned: dict | None = None,
    source: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] = lambda n: None,
) -> pl.DataFrame:
    """Code each title once with the batch SOC coder, in `workers` processes (default: one per
    TITLES_PER_WORKER titles, up to every core). Returns key, soc_code ("" unless
    auto-coded), soc_title, soc_confidence and soc_status, one row per title."""
    from lsip.classification.coder import batch

    batch.warm_up("soc", source)  # build and save the coder once, before workers load it
    rows = [{"title": t} for t in titles]
    options = dict(kind="soc", column="title", learned=learned or None, source=source)
    chunks = list(batch.batches(rows))
    if not workers:  # a worker takes about a second to start: worth it for many titles
        workers = max(1, min(os.cpu_count() or 1, len(titles) // TITLES_PER_WORKER))
    coded: list[dict] = []
    if workers == 1 or len(chunks) <= 1:
        for chunk in chunks:
            coded.extend(batch.code_batch(chunk, **options))
            progress(len(chunk))
    else:
        # spawn, not fork: the parent runs Polars' thread pool, which a fork must not copy
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(batch.code_batch, chunk, **options) for chunk in chunks]
            for future, chunk in zip(futures, chunks, strict=True):
                coded.extend(future.result())
                progress(len(chunk))
    return pl.DataFrame(
        {
            "key": [r["title"] for r in coded],
            "soc_code": [r["soc_code"] for r in coded],
            "soc_title": [r["soc_title"] for r in coded],
            "soc_confidence": [float(r["soc_confidence"] or 0) for r in coded],
            "soc_status": [r["soc_status"] for r in coded],
        },
        schema={
            "key": pl.String,
            "soc_code": pl.String,
            "soc_title": pl.String,
            "soc_confidence": pl.Float64,
            "soc_status": pl.String,
        },
    )


def code_postings(
    adverts: pl.DataFrame,
    *,
    learned: dict | None = None,
    source: str | None = None,
    workers: int | None = None,
    resolver=None,
    progress: Progress = _quiet,
) -> pl.DataFrame:
    """`adverts` (from `read_postings`) with `district` (GSS code or null), `month`
    ("YYYY-MM"), `sic_division` and the coder's columns added."""
    locations = adverts.get_column("location").unique().drop_nulls().to_list()
    progress(0, len(locations), PLACES)
    districts = match_locations(locations, resolver)
    progress(len(locations), len(locations), PLACES)
    places = pl.DataFrame(
        {"location": list(districts), "district": list(districts.values())},
        schema={"location": pl.String, "district": pl.String},
    )
    frame = adverts.with_columns(title_key().alias("key")).join(
        places, on="location", how="left", maintain_order="left"
    )
    keys = frame.get_column("key").unique().sort().to_list()
    done = [0]

    def coded(n):
        done[0] += n
        progress(done[0], len(keys), CODING)

    progress(0, len(keys), CODING)
    codes = code_titles(keys, learned=learned, source=source, workers=workers, progress=coded)
    frame = frame.join(codes, on="key", how="left", maintain_order="left")
    return frame.with_columns(
        pl.col("date").dt.strftime("%Y-%m").alias("month"),
        _sic_division().alias("sic_division"),
    ).drop("key")


def _sic_division() -> pl.Expr:
    """The SIC 2007 division (2 digits) of a code such as 62012, 62.01/2, 6201 or 62."""
    digits = pl.col("sic").str.replace_all(r"[^0-9]", "")
    division = digits.str.slice(0, 2)
    return (
        pl.when((digits.str.len_chars() >= 2) & (division != "00")).then(division).otherwise(None)
    )


# -- counting --------------------------------------------------------------------------------


def aggregate(parquet_path: Path) -> list[Figure]:
    """The counts of a coded postings file (see `code_postings`): adverts by SOC 2020 unit
    group (or "uncoded"), by SIC 2007 division where given, and in all, for each district and
    England, by month. Adverts outside the districts are left out."""
    return figures_of(counts(pl.scan_parquet(parquet_path)))


def counts(adverts: pl.LazyFrame | pl.DataFrame) -> pl.DataFrame:
    """geography, breakdown, period, period_end, value: the long table of counts.

    The adverts are grouped twice (district x month x SOC, district x month x SIC division);
    district totals and England are summed from those groups, not from the adverts."""
    lazy = adverts.lazy().filter(pl.col("district").is_not_null())
    place = ["geography", "period"]
    soc = (
        lazy.group_by(
            pl.col("district").alias("geography"), pl.col("month").alias("period"), "soc_code"
        )
        .agg(pl.len().alias("value"))
        .select(
            *place,
            pl.concat_str(
                pl.lit("soc2020="),
                pl.when(pl.col("soc_code").fill_null("") == "")
                .then(pl.lit(UNCODED))
                .otherwise(pl.col("soc_code")),
            ).alias("breakdown"),
            "value",
        )
        .collect()
    )
    sic = (
        lazy.filter(pl.col("sic_division").is_not_null())
        .group_by(
            pl.col("district").alias("geography"), pl.col("month").alias("period"), "sic_division"
        )
        .agg(pl.len().alias("value"))
        .select(
            *place,
            pl.concat_str(pl.lit("sic2007-division="), pl.col("sic_division")).alias("breakdown"),
            "value",
        )
        .collect()
    )
    totals = soc.group_by(place).agg(pl.col("value").sum()).with_columns(breakdown=pl.lit(""))
    local = pl.concat([totals.select(soc.columns), soc, sic])
    england = (
        local.group_by("period", "breakdown")
        .agg(pl.col("value").sum())
        .select(pl.lit(ENGLAND).alias("geography"), "period", "breakdown", "value")
    )
    table = pl.concat([local.select(england.columns), england])
    return table.select(
        "geography",
        "breakdown",
        "period",
        (pl.col("period") + "-01").str.to_date("%Y-%m-%d").dt.month_end().alias("period_end"),
        pl.col("value").cast(pl.Float64),
    ).sort("geography", "period", "breakdown")


def figures_of(table: pl.DataFrame) -> list[Figure]:
    """The rows of `counts` as Figures (the garbage collector is paused while half a million
    small objects are made: it would otherwise scan them again and again)."""
    ends = dict(table.select("period", "period_end").unique().iter_rows())
    columns = [table.get_column(c).to_list() for c in ("geography", "breakdown", "period", "value")]
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [
            Figure(geography, MEASURE, breakdown, period, ends[period], value)
            for geography, breakdown, period, value in zip(*columns, strict=True)
        ]
    finally:
        if enabled:
            gc.enable()


# -- importing -------------------------------------------------------------------------------


def postings_dir() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / "postings"


def parquet_path(dataset_id) -> Path:
    """Where the coded adverts of a postings dataset are kept."""
    return postings_dir() / f"{dataset_id}.parquet"


def import_postings(
    path: Path,
    *,
    actor=None,
    area=None,
    source: str = "",
    publisher: str = "",
    licence: str = DEFAULT_LICENCE,
    workers: int | None = None,
    progress: Progress | None = None,
):
    """Read, check, code and count a job-postings file and store the counts as one Dataset
    (family "job-postings"); the coded adverts are kept at `parquet_path(dataset.pk)`.

    Raises ReadError (nothing stored) for rejected rows, a file or periods imported before;
    `area` owns a licensed file and lends the coder its learned mappings."""
    from django.db import transaction

    from lsip.classification.services import learned_mappings
    from lsip.core.files import sha256_of
    from lsip.economy.imports import already_imported, store
    from lsip.refdata.install import installed_dir

    progress = progress or _quiet
    path = Path(path)
    if not path.is_file():
        raise ReadError([Problem(None, "file", f"'{path}' does not exist")])
    digest = sha256_of(path)
    twin = ParsedFile(FAMILY, TITLE, "", "", date.today(), "")  # no periods: the file only
    if problems := already_imported(twin, digest, area):
        raise ReadError(problems)  # before minutes of reading and coding
    progress(0, 1, READING)
    adverts = read_postings(path)
    progress(1, 1, READING)
    if adverts.is_empty():
        raise ReadError([Problem(None, "file", f"'{path.name}' holds no adverts")])
    coded = code_postings(
        adverts,
        learned=learned_mappings(area) if area is not None else None,
        source=str(installed_dir()),
        workers=workers,
        progress=progress,
    )
    progress(0, 1, COUNTING)
    table = counts(coded)
    if table.is_empty():
        raise ReadError(
            [Problem(None, "location", "no advert is in a district of England: nothing to count")]
        )
    parsed = _parsed(path, coded, table, publisher, licence)
    progress(1, 1, COUNTING)
    folder = postings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".postings-", suffix=".parquet", dir=folder)
    os.close(handle)
    temporary = Path(temporary)
    try:
        coded.write_parquet(temporary)
        del coded, adverts
        with transaction.atomic():
            dataset = store(
                parsed,
                filename=path.name,
                sha256=digest,
                source=source or path.name,
                actor=actor,
                area=area,
                progress=lambda done, total: progress(done, total, STORING),
            )
            temporary.replace(parquet_path(dataset.pk))
    finally:
        temporary.unlink(missing_ok=True)
    return dataset


def _parsed(path, coded: pl.DataFrame, table: pl.DataFrame, publisher, licence) -> ParsedFile:
    first, last = coded.select(pl.col("date").min().alias("first"), pl.col("date").max()).row(0)
    stated = (
        coded.get_column("publisher").drop_nulls().value_counts(sort=True).head(3)
        if "publisher" in coded.columns
        else None
    )
    publisher = publisher or (
        ", ".join(stated.get_column("publisher").to_list()) if stated is not None else ""
    )
    dates = f" of {_day(first)} to {_day(last)}"
    name = path.name if len(path.name) + len(dates) <= 115 else f"{path.name[: 114 - len(dates)]}…"
    edition = f"File {name}{dates}"
    outside = coded.filter(pl.col("district").is_null())
    skipped = Counter()
    notes = []
    if outside.height:
        skipped[OUTSIDE] = outside.height
        common = outside.get_column("location").fill_null("(empty)").value_counts(sort=True)
        listed = ", ".join(f"{place} ({n})" for place, n in common.head(10).iter_rows())
        notes.append(
            f"{outside.height} adverts in {common.height} locations were left out as not in an "
            f"English district; the most frequent: {listed}"
        )
    statuses = coded.get_column("soc_status").value_counts(sort=True)
    notes.append(
        "Titles coded to SOC 2020 by lsip's coder (auto-coded at confidence 0.70 and above): "
        + ", ".join(f"{status} {n}" for status, n in statuses.iter_rows())
    )
    parsed = ParsedFile(
        family=FAMILY,
        title=TITLE,
        publisher=(publisher or DEFAULT_PUBLISHER)[:120],
        edition=edition,
        edition_date=last,
        licence=licence[:120],
        figures=figures_of(table),
        measures={MEASURE: "Job postings"},
        breakdowns=_breakdowns(table),
        notes=notes,
        skipped=skipped,
    )
    return parsed


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _breakdowns(table: pl.DataFrame) -> dict[str, str]:
    keys = table.get_column("breakdown").unique().sort().to_list()
    soc = _soc_titles()
    sic = _sic_division_titles()
    labels = {}
    for key in keys:
        if key == "":
            labels[key] = "All adverts"
        elif key == f"soc2020={UNCODED}":
            labels[key] = "Not coded to SOC 2020 (below the auto-code threshold)"
        elif key.startswith("soc2020="):
            code = key.split("=", 1)[1]
            labels[key] = f"SOC 2020 {code} {soc.get(code, '')}".strip()
        elif key.startswith("sic2007-division="):
            code = key.split("=", 1)[1]
            labels[key] = f"SIC 2007 division {code} {sic.get(code, '')}".strip()
    return labels


def _soc_titles() -> dict[str, str]:
    from lsip.classification.coder import load_soc_coder
    from lsip.refdata.install import installed_dir

    try:
        return dict(load_soc_coder(str(installed_dir())).unit_titles)
    except FileNotFoundError:
        return {}


def _sic_division_titles() -> dict[str, str]:
    from lsip.classification.models import SicItem

    return {
        re.sub(r"\D", "", code): title
        for code, title in SicItem.objects.filter(level=SicItem.Level.DIVISION).values_list(
            "code", "title"
        )
    }

"""Importing a job-postings file: its counts stored as one dataset, its coded adverts kept
as a Parquet file beside it."""

import os
import re
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import polars as pl

from lsip.economy.postings.coding import code_postings
from lsip.economy.postings.counting import MEASURE, UNCODED, counts, figures_of
from lsip.economy.postings.progress import COUNTING, READING, STORING, Progress, quiet
from lsip.economy.postings.reading import read_postings
from lsip.economy.readers.base import ParsedFile, Problem, ReadError

FAMILY = "job-postings"
TITLE = "Job postings, one advert per row"
DEFAULT_LICENCE = "As licensed to the ERB"
DEFAULT_PUBLISHER = "Imported file"
OUTSIDE = "Location not in an English district"


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

    progress = progress or quiet
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

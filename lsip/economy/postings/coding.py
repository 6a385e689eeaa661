"""Coding advert titles to SOC 2020 (each distinct title once, in worker processes) and
adding the district, month and SIC division each advert is counted under."""

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import polars as pl

from lsip.economy.postings.places import match_locations
from lsip.economy.postings.progress import CODING, PLACES, Progress, quiet

#: With no worker count given, one coding process per this many distinct titles (up to every
#: core): the coder does 5,000 to 15,000 titles a second, and a process takes ~1 s to start.
TITLES_PER_WORKER = 25_000


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
    progress: Progress = quiet,
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

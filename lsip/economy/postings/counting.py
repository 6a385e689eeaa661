"""Counting coded adverts into the figures of the labour-market long table: by SOC 2020 unit
group, SIC 2007 division, district (and England) and month."""

import gc
from pathlib import Path

import polars as pl

from lsip.economy.readers.base import Figure
from lsip.geography.districts import ENGLAND_CODE as ENGLAND

MEASURE = "job-postings"
UNCODED = "uncoded"


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

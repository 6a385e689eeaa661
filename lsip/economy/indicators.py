"""Indicators of an area, its districts and England, from the imported labour-market data.

Each indicator is a table of rows (place, what, value, share, England's share, location
quotient, change) with the flags of every figure it was made from, and the source lines of
the editions it used. Shares and quotients follow the usual definitions:

- share: a breakdown's figure over the sum of all breakdowns of the same place and period;
- location quotient: the place's share over England's share (above 1: more concentrated);
- change: the latest period against the first one available, in the figure's own units and
  as a percentage.

They are plain functions of places (see `frames.places_of`) so that the profile page, the
CSV export, the API and the all-areas benchmark compute the same numbers.
"""

import functools
from dataclasses import dataclass, field

import polars as pl

from lsip.economy import frames
from lsip.economy.frames import Frame

ENGLAND_NAME = "England"


@dataclass
class Indicator:
    key: str
    title: str
    period: str
    rows: list[dict]
    sources: list[str]
    columns: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.rows


def _flags(*flags) -> str:
    return "".join(sorted({c for f in flags if f for c in f}))


def _empty(key, title):
    return Indicator(key, title, "", [], [], note="No data imported yet.")


def structure(frame: Frame, places: dict[str, list[str]], *, key: str, title: str) -> Indicator:
    """Employment (or enterprises) by breakdown: value, share, England's share, quotient and
    change since the first period, for the latest period."""
    if frame.data.is_empty():
        return _empty(key, title)
    summed = frames.sum_places(frame, places)
    periods = frame.periods
    first, latest = periods[0], periods[-1]
    totals = summed.group_by("place", "period").agg(
        pl.col("value").sum().alias("total"), pl.col("flag").str.join("").alias("total_flag")
    )
    data = summed.join(totals, on=["place", "period"]).with_columns(
        (pl.col("value") / pl.col("total")).alias("share")
    )
    england = data.filter(pl.col("place") == ENGLAND_NAME).select(
        "breakdown", "period", pl.col("share").alias("england_share"), pl.col("flag").alias("eflag")
    )
    data = data.join(england, on=["breakdown", "period"], how="left").with_columns(
        (pl.col("share") / pl.col("england_share")).alias("lq")
    )
    start = data.filter(pl.col("period") == first).select(
        "place", "breakdown", pl.col("value").alias("first_value"), pl.col("flag").alias("fflag")
    )
    now = data.filter(pl.col("period") == latest).join(start, on=["place", "breakdown"], how="left")
    labels = frame.labels()
    order = {name: i for i, name in enumerate(places)}
    rows = []
    for r in now.sort("breakdown").iter_rows(named=True):
        change = None
        if r["value"] is not None and r["first_value"]:
            change = r["value"] - r["first_value"]
        rows.append(
            {
                "place": r["place"],
                "breakdown": r["breakdown"],
                "label": labels.get(r["breakdown"], r["breakdown"]),
                "value": r["value"],
                "share": r["share"],
                "england_share": r["england_share"],
                "lq": r["lq"],
                "change": change,
                "change_pct": change / r["first_value"] if change is not None else None,
                "flag": _flags(r["flag"], r["eflag"], r["fflag"]),
            }
        )
    rows.sort(key=lambda row: (order.get(row["place"], 99), _position(row["breakdown"])))
    return Indicator(
        key,
        title,
        latest,
        rows,
        frame.sources([first, latest]),
        columns=[
            ("label", "Breakdown"),
            ("value", latest),
            ("share", "Share"),
            ("england_share", "England's share"),
            ("lq", "Location quotient"),
            ("change_pct", f"Change since {first}"),
        ],
        note=f"Change compares {latest} with {first}.",
    )


#: Size bands smallest first (otherwise breakdowns are listed by their key).
SIZE_ORDER = {"size=micro": "1", "size=small": "2", "size=medium-sized": "3", "size=large": "4"}


def _position(breakdown: str) -> str:
    return SIZE_ORDER.get(breakdown, breakdown)


def rate(
    frame: Frame, places, *, numerator: str, denominator: str, key: str, title: str
) -> Indicator:
    """A rate per period (e.g. the employment rate: in employment over population 16-64)."""
    if frame.data.is_empty():
        return _empty(key, title)
    summed = frames.sum_places(frame, places)
    top = summed.filter(pl.col("measure") == numerator).select(
        "place", "period", "period_end", pl.col("value").alias("n"), pl.col("flag").alias("nf")
    )
    bottom = summed.filter(pl.col("measure") == denominator).select(
        "place", "period", pl.col("value").alias("d"), pl.col("flag").alias("df")
    )
    joined = top.join(bottom, on=["place", "period"]).sort("period_end")
    order = {name: i for i, name in enumerate(places)}
    rows = [
        {
            "place": r["place"],
            "period": r["period"],
            "value": r["n"] / r["d"] if r["n"] is not None and r["d"] else None,
            "numerator": r["n"],
            "denominator": r["d"],
            "flag": _flags(r["nf"], r["df"]),
        }
        for r in joined.iter_rows(named=True)
    ]
    rows.sort(key=lambda row: order.get(row["place"], 99))
    periods = frame.periods
    return Indicator(
        key,
        title,
        periods[-1],
        rows,
        frame.sources(),
        columns=[("period", "Period"), ("value", title)],
    )


def series(frame: Frame, places, *, measure: str, breakdown: str, key: str, title: str):
    """A figure over time per place (e.g. online job adverts), with change on the year
    before and since the first period."""
    if frame.data.is_empty():
        return _empty(key, title)
    data = frame.data.filter((pl.col("measure") == measure) & (pl.col("breakdown") == breakdown))
    summed = frames.sum_places(data, places).sort("period_end")
    order = {name: i for i, name in enumerate(places)}
    rows = []
    for place, part in summed.group_by("place", maintain_order=True):
        values = part.iter_rows(named=True)
        first = previous = None
        for r in values:
            rows.append(
                {
                    "place": place[0],
                    "period": r["period"],
                    "value": r["value"],
                    "change_on_previous": _pct(r["value"], previous),
                    "change_since_first": _pct(r["value"], first),
                    "flag": _flags(r["flag"]),
                }
            )
            first = r["value"] if first is None else first
            previous = r["value"]
    rows.sort(key=lambda row: order.get(row["place"], 99))
    return Indicator(
        key,
        title,
        frame.periods[-1],
        rows,
        frame.sources(),
        columns=[
            ("period", "Period"),
            ("value", title),
            ("change_on_previous", "Change on the year before"),
        ],
    )


def _pct(value, base):
    if value is None or not base:
        return None
    return (value - base) / base


def profile(area, places=None) -> dict[str, Indicator]:
    """Every indicator of an area's profile, for the area, its districts and England, and
    the occupations most advertised in the job postings the area holds."""
    places = places or frames.places_of(area)
    codes = {code for codes in places.values() for code in codes}
    found = published(places, lambda family: frames.load(family, geographies=codes))
    postings = frames.load("job-postings", geographies=codes, area=area)
    return {"postings": postings_by_occupation(postings, places, area.name), **found}


def every_area() -> dict[str, Indicator]:
    """The published indicators for all 39 areas and England at once (Skills England reads
    every area; the benchmark times this)."""
    return published(frames.all_areas(), frames.load)


def published(places, load) -> dict[str, Indicator]:
    """The indicators from the published tables for `places`, reading each family once with
    `load(family)`."""
    load = functools.cache(load)
    return {
        "industry": structure(
            load("aps-employment-by-industry"),
            places,
            key="industry",
            title="Employment by industry (APS)",
        ),
        "occupation": structure(
            load("aps-employment-by-occupation"),
            places,
            key="occupation",
            title="Employment by occupation (APS, SOC 2010)",
        ),
        "business_sizes": structure(
            _without_totals(load("ubc-enterprises-by-size")),
            places,
            key="business_sizes",
            title="Enterprises by size band (UK Business Counts)",
        ),
        "enterprises": series(
            load("ubc-enterprises-by-size"),
            places,
            measure="enterprises",
            breakdown="size=total",
            key="enterprises",
            title="Enterprises (UK Business Counts)",
        ),
        "employment_rate": rate(
            load("aps-economic-activity"),
            places,
            numerator="aged-16-64-in-employment",
            denominator="aged-16-64-all",
            key="employment_rate",
            title="Employment rate, aged 16-64",
        ),
        "qualifications": structure(
            _qualifications_of_all(load("aps-qualifications")),
            places,
            key="qualifications",
            title="Highest qualification, people aged 16-64 (APS)",
        ),
        "job_adverts": series(
            load("ons-online-job-adverts"),
            places,
            measure="online-job-adverts",
            breakdown="",
            key="job_adverts",
            title="Online job adverts (ONS units, January)",
        ),
    }


def _qualifications_of_all(frame: Frame) -> Frame:
    """T19 rows of all people aged 16-64 only (the table also splits by sex and age)."""
    keep = frame.data.filter(pl.col("breakdown").str.starts_with("people=all-people-aged-16-64;"))
    return Frame(frame.family, keep, frame.datasets)


def _without_totals(frame: Frame) -> Frame:
    """Size bands without the "Total" column, so that shares add up to one."""
    keep = frame.data.filter(~pl.col("breakdown").str.ends_with("size=total"))
    return Frame(frame.family, keep, frame.datasets)


def postings_by_occupation(frame: Frame, places, place: str, top: int = 15) -> Indicator:
    """The SOC 2020 unit groups most advertised in `place` over every month imported, with
    their share of its postings beside England's (the job-postings files of the area)."""
    key, title = "postings", "Job postings by occupation (SOC 2020 unit group)"
    data = frame.data.filter(
        pl.col("breakdown").str.starts_with("soc2020=") & (pl.col("breakdown") != "soc2020=uncoded")
    )
    if data.is_empty():
        return _empty(key, title)
    summed = frames.sum_places(data, {place: places[place], ENGLAND_NAME: places[ENGLAND_NAME]})
    totals = summed.group_by("place", "breakdown").agg(pl.col("value").sum())
    shares = totals.with_columns(
        (pl.col("value") / pl.col("value").sum().over("place")).alias("share")
    )
    england = dict(
        shares.filter(pl.col("place") == ENGLAND_NAME).select("breakdown", "share").iter_rows()
    )
    labels = frame.labels()
    here = shares.filter(pl.col("place") == place).sort("value", descending=True).head(top)
    rows = [
        {
            "place": place,
            "breakdown": r["breakdown"],
            "label": f"{r['breakdown'].split('=')[1]} {labels.get(r['breakdown'], '')}".strip(),
            "value": r["value"],
            "share": r["share"],
            "england_share": england.get(r["breakdown"]),
            "lq": r["share"] / england[r["breakdown"]] if england.get(r["breakdown"]) else None,
            "change_pct": None,
            "flag": "",
        }
        for r in here.iter_rows(named=True)
    ]
    periods = frame.periods
    return Indicator(
        key,
        title,
        f"{periods[0]} to {periods[-1]}",
        rows,
        frame.sources(),
        note=f"Postings from {periods[0]} to {periods[-1]}, the {top} occupations most advertised.",
    )

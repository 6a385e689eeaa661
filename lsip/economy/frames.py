"""Reading the long table into Polars frames, newest edition first, and summing districts
into places (an LSIP area, a district, England).

Everything the pages, exports, priority analysis and benchmarks show goes through here, so
one rule decides which edition a figure comes from and how districts add up.
"""

from dataclasses import dataclass

import polars as pl

from lsip.areas.models import Area, LocalAuthority
from lsip.economy.models import ENGLAND, Dataset, Observation

SCHEMA = {
    "dataset": pl.String,
    "geography": pl.String,
    "measure": pl.String,
    "breakdown": pl.String,
    "period": pl.String,
    "period_end": pl.Date,
    "value": pl.Float64,
    "flag": pl.String,
    "ci": pl.Float64,
}
#: A sum that lacks a district (no row for it) is marked with this flag.
INCOMPLETE = "-"


@dataclass
class Frame:
    """Figures of one family, each period from the newest edition that holds it."""

    family: str
    data: pl.DataFrame
    datasets: dict[str, Dataset]

    @property
    def periods(self) -> list[str]:
        ordered = self.data.select("period", "period_end").unique().sort("period_end")
        return ordered["period"].to_list()

    def sources(self, periods=None) -> list[str]:
        """The source lines of the editions the given periods (default: all) come from."""
        data = self.data if periods is None else self.data.filter(pl.col("period").is_in(periods))
        used = set(data["dataset"].unique().to_list())
        return [d.source_line for k, d in self.datasets.items() if k in used]

    def labels(self) -> dict[str, str]:
        merged = {}
        for dataset in self.datasets.values():
            merged.update(dataset.breakdowns)
            merged.update(dataset.measures)
        return merged


def newest_editions(family: str, area: Area | None = None) -> dict[str, Dataset]:
    """Period -> the dataset of the newest edition holding it (open data and the area's own)."""
    datasets = Dataset.objects.filter(family=family, area__isnull=True)
    if area is not None:
        datasets = datasets | Dataset.objects.filter(family=family, area=area)
    chosen: dict[str, Dataset] = {}
    for dataset in datasets.order_by("edition_date", "created_on"):
        for period in dataset.periods:
            chosen[period] = dataset
    return chosen


def load(family: str, *, measures=None, geographies=None, area: Area | None = None) -> Frame:
    """The figures of `family` (optionally only some measures or geographies)."""
    chosen = newest_editions(family, area)
    datasets = {str(d.pk): d for d in chosen.values()}
    pairs = {(str(d.pk), period) for period, d in chosen.items()}
    rows = Observation.objects.filter(dataset__in=list(datasets.values()))
    if measures is not None:
        rows = rows.filter(measure__in=list(measures))
    if geographies is not None:
        rows = rows.filter(geography__in=list(geographies))
    values = [
        (str(r[0]), *r[1:])
        for r in rows.values_list(
            "dataset_id",
            "geography",
            "measure",
            "breakdown",
            "period",
            "period_end",
            "value",
            "flag",
            "ci",
        )
    ]
    data = pl.DataFrame(values, schema=SCHEMA, orient="row")
    if len(datasets) > 1:
        keep = pl.DataFrame(
            sorted(pairs), schema={"dataset": pl.String, "period": pl.String}, orient="row"
        )
        data = data.join(keep, on=["dataset", "period"], how="semi")
    return Frame(family, data, datasets)


def places_of(area: Area, *, districts=True, england=True) -> dict[str, list[str]]:
    """Place name -> the GSS codes that add up to it: the area, each district, England."""
    codes = list(
        LocalAuthority.objects.filter(area=area)
        .exclude(gss_code="")
        .values_list("name", "gss_code")
    )
    places = {area.name: [c for _, c in codes]}
    if districts:
        places.update({name: [code] for name, code in codes})
    if england:
        places["England"] = [ENGLAND]
    return places


def all_areas() -> dict[str, list[str]]:
    """Every area's name -> its districts' GSS codes, and England."""
    places: dict[str, list[str]] = {}
    for name, code in LocalAuthority.objects.exclude(gss_code="").values_list(
        "area__name", "gss_code"
    ):
        places.setdefault(name, []).append(code)
    places["England"] = [ENGLAND]
    return places


def sum_places(frame: Frame | pl.DataFrame, places: dict[str, list[str]]) -> pl.DataFrame:
    """Sum each place's districts, by measure, breakdown and period.

    A suppressed part (no value) is left out of the sum, which keeps that part's flag ("!"),
    so a small district's suppressed estimate (the Isles of Scilly, the City of London) does
    not leave its whole area without a figure; a sum of nothing but suppressed parts has no
    value. A sum keeps every flag of its parts, and is flagged INCOMPLETE when a district
    has no row at all. Confidence intervals
    combine as the root of the sum of squares (independent district samples), which is an
    approximation for APS: a sum of district estimates is not Nomis's own area estimate.
    """
    data = frame.data if isinstance(frame, Frame) else frame
    mapping = pl.DataFrame(
        [(place, code) for place, codes in places.items() for code in codes],
        schema={"place": pl.String, "geography": pl.String},
        orient="row",
    )
    sizes = pl.DataFrame(
        [(place, len(codes)) for place, codes in places.items()],
        schema={"place": pl.String, "parts": pl.UInt32},
        orient="row",
    )
    summed = (
        data.join(mapping, on="geography")
        .group_by("place", "measure", "breakdown", "period", "period_end")
        .agg(
            pl.when(pl.col("value").null_count() == pl.len())
            .then(None)
            .otherwise(pl.col("value").sum())
            .alias("value"),
            pl.col("flag").str.join("").alias("flag"),
            pl.when(pl.col("ci").null_count() > 0)
            .then(None)
            .otherwise((pl.col("ci") ** 2).sum().sqrt())
            .alias("ci"),
            pl.len().alias("found"),
        )
        .join(sizes, on="place")
    )
    return summed.with_columns(
        pl.when(pl.col("found") < pl.col("parts"))
        .then(pl.col("flag") + INCOMPLETE)
        .otherwise(pl.col("flag"))
        .map_elements(_tidy_flag, return_dtype=pl.String)
        .alias("flag")
    ).drop("found", "parts")


def _tidy_flag(flag: str) -> str:
    return "".join(sorted(set(flag or "")))

"""The priority-sector table: consistent, transparent criteria to compare sectors (SG 2.1:
the plan sets out the area's priority sectors, informed by an evidence-based assessment).

For each sector, each criterion the ERB chooses is measured for the area; each criterion's
values are scaled across the sectors compared (lowest 0, highest 1); a sector's score is the
weighted mean of its scaled values, and the sectors are ranked by score. The sensitivity
view moves each weight down and up by half and shows every rank that changes.

Published figures are by industry group, not by sector: a sector's figure is the sum of the
groups its SIC 2007 codes fall in, each group counted by the share of its SIC items (classes
and subclasses) that the sector covers. The method text says so wherever the table goes.
"""

from dataclasses import dataclass, field

import polars as pl

from lsip.economy import frames
from lsip.economy.indicators import ENGLAND_NAME
from lsip.economy.industries import coverage
from lsip.engagement.models import SkillsNeed
from lsip.organisations.models import Organisation
from lsip.sectors.services import sector_of_sic, sectors_for, sic_tree, subclasses_of

SENSITIVITY = 0.5


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    explanation: str


CRITERIA = [
    Criterion("employment", "Employment", "People in employment in the sector (APS T13a)."),
    Criterion("share", "Share of employment", "The sector's share of all in employment."),
    Criterion(
        "lq",
        "Location quotient",
        "The sector's share of employment in the area over its share in England.",
    ),
    Criterion("growth", "Employment growth", "Change in employment, first to latest APS year."),
    Criterion("businesses", "Business base", "Enterprises in the sector (UK Business Counts)."),
    Criterion(
        "demand",
        "Job-advert demand",
        "Job postings in the sector's industries (imported postings with SIC codes).",
    ),
    Criterion(
        "shortages",
        "Employers reporting shortages",
        "Employers engaged who reported a recruitment shortage (the evidence record).",
    ),
]
CRITERION = {c.key: c for c in CRITERIA}
DEFAULT_WEIGHTS = {c.key: 1.0 for c in CRITERIA}


@dataclass
class SectorRow:
    sector: object
    values: dict[str, float | None] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)
    scaled: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    rank: int = 0


@dataclass
class Table:
    area: object
    rows: list[SectorRow]
    weights: dict[str, float]
    periods: dict[str, str]
    sources: list[str]

    @property
    def criteria(self) -> list[Criterion]:
        """The weighted criteria that have data."""
        have = available(self.rows)
        return [c for c in CRITERIA if self.weights.get(c.key, 0) > 0 and c.key in have]

    @property
    def without_data(self) -> list[Criterion]:
        have = available(self.rows)
        return [c for c in CRITERIA if self.weights.get(c.key, 0) > 0 and c.key not in have]


def clean_weights(weights: dict | None) -> dict[str, float]:
    """Weights of the known criteria, each 0 or more (0 leaves a criterion out)."""
    cleaned = {}
    for key in CRITERION:
        value = (weights or {}).get(key, DEFAULT_WEIGHTS[key] if weights is None else 0)
        try:
            cleaned[key] = max(0.0, float(value))
        except (TypeError, ValueError):
            cleaned[key] = 0.0
    return cleaned


def measure(area, sectors) -> tuple[list[SectorRow], dict[str, str], list[str]]:
    """Every criterion's value for each sector (before any weighting)."""
    tree = sic_tree()
    leaves = {s.pk: subclasses_of(s, tree) for s in sectors}
    rows = {s.pk: SectorRow(s) for s in sectors}
    periods, sources = {}, []
    places = {area.name: frames.places_of(area)[area.name], ENGLAND_NAME: [frames.ENGLAND]}
    codes = [c for cs in places.values() for c in cs]

    industry = frames.load("aps-employment-by-industry", geographies=codes)
    if not industry.data.is_empty():
        summed = frames.sum_places(industry, places)
        first, latest = industry.periods[0], industry.periods[-1]
        periods["employment"] = latest
        sources += industry.sources([first, latest])
        here = _apportion(summed, area.name, latest, leaves, tree)
        before = _apportion(summed, area.name, first, leaves, tree)
        england = _apportion(summed, ENGLAND_NAME, latest, leaves, tree)
        total = _total(summed, area.name, latest)
        england_total = _total(summed, ENGLAND_NAME, latest)
        for pk, row in rows.items():
            value, flag = here[pk]
            row.values["employment"], row.flags["employment"] = value, flag
            row.values["share"] = value / total if total else None
            row.flags["share"] = flag
            eng_share = england[pk][0] / england_total if england_total else None
            row.values["lq"] = (
                row.values["share"] / eng_share if eng_share and row.values["share"] else None
            )
            row.flags["lq"] = flag + england[pk][1]
            then = before[pk][0]
            row.values["growth"] = (value - then) / then if then else None
            row.flags["growth"] = flag + before[pk][1]

    businesses = frames.load("ubc-enterprises-by-industry-size", geographies=places[area.name])
    if not businesses.data.is_empty():
        latest = businesses.periods[-1]
        periods["businesses"] = latest
        sources += businesses.sources([latest])
        data = businesses.data.filter(pl.col("breakdown").str.ends_with("size=total"))
        summed = frames.sum_places(data, {area.name: places[area.name]})
        here = _apportion(summed, area.name, latest, leaves, tree)
        for pk, row in rows.items():
            row.values["businesses"], row.flags["businesses"] = here[pk]

    postings = frames.load("job-postings", geographies=places[area.name], area=area)
    data = postings.data.filter(pl.col("breakdown").str.starts_with("sic2007-division="))
    if not data.is_empty():
        periods["demand"] = f"{postings.periods[0]} to {postings.periods[-1]}"
        sources += postings.sources()
        summed = frames.sum_places(data, {area.name: places[area.name]})
        by_division = summed.group_by("breakdown").agg(pl.col("value").sum())
        for pk, row in rows.items():
            row.values["demand"] = sum(
                (value or 0) * coverage(leaves[pk], breakdown, tree)
                for breakdown, value in by_division.iter_rows()
            )

    shortages = employers_reporting_shortages(area, sectors)
    for pk, row in rows.items():
        row.values["shortages"] = shortages.get(pk, 0)
    periods["shortages"] = "all engagement recorded"
    return list(rows.values()), periods, list(dict.fromkeys(sources))


def _apportion(summed: pl.DataFrame, place: str, period: str, leaves, tree):
    """sector pk -> (figure apportioned from the industry breakdowns, flags)."""
    part = summed.filter((pl.col("place") == place) & (pl.col("period") == period))
    out = {}
    for pk, sector_leaves in leaves.items():
        total, flags = 0.0, set()
        for breakdown, value, flag in part.select("breakdown", "value", "flag").iter_rows():
            share = coverage(sector_leaves, breakdown, tree)
            if share == 0:
                continue
            if value is None:
                flags.add("!")
            else:
                total += value * share
            flags.update(flag or "")
        out[pk] = (total, "".join(sorted(flags)))
    return out


def _total(summed, place, period) -> float:
    part = summed.filter((pl.col("place") == place) & (pl.col("period") == period))
    return float(part["value"].fill_null(0).sum())


def employers_reporting_shortages(area, sectors) -> dict:
    """Sector pk -> how many of the area's employers reported a recruitment shortage: an
    employer counts for each sector it is filed under and each whose definition covers its
    SIC code (SG 5.1), whichever other sectors are compared."""
    employers = Organisation.objects.filter(
        area=area,
        type=Organisation.Type.EMPLOYER,
        pk__in=SkillsNeed.objects.filter(area=area, need_type=SkillsNeed.NeedType.SHORTAGE).values(
            "organisation"
        ),
    ).prefetch_related("sectors")
    counts: dict = {}
    for employer in employers:
        filed = {s.pk for s in employer.sectors.all()}
        matched = {s.pk for s in sectors if s.pk in filed}
        if employer.sic_code:
            matched |= {s.pk for s in sector_of_sic(employer.sic_code, sectors)}
        for pk in matched:
            counts[pk] = counts.get(pk, 0) + 1
    return counts


def available(rows: list[SectorRow]) -> set[str]:
    """The criteria with a value for at least one sector (no data: left out of the score)."""
    return {key for row in rows for key, value in row.values.items() if value is not None}


def score(rows: list[SectorRow], weights: dict[str, float]) -> list[SectorRow]:
    """Scale each weighted criterion across the sectors (0 lowest, 1 highest; a missing
    value counts as 0), take the weighted mean, and rank (1 = highest; ties share a rank
    and are listed by name)."""
    used = {k: w for k, w in weights.items() if w > 0 and k in available(rows)}
    for key in used:
        known = [r.values[key] for r in rows if r.values.get(key) is not None]
        low, high = min(known), max(known)
        for row in rows:
            value = row.values.get(key)
            if value is None or high == low:
                row.scaled[key] = 0.0
            else:
                row.scaled[key] = (value - low) / (high - low)
    total = sum(used.values())
    for row in rows:
        row.score = sum(row.scaled[k] * w for k, w in used.items()) / total if total else 0.0
    ordered = sorted(rows, key=lambda r: (-round(r.score, 9), r.sector.name))
    previous, rank = None, 0
    for position, row in enumerate(ordered, 1):
        if previous is None or round(row.score, 9) != round(previous, 9):
            rank = position
        row.rank, previous = rank, row.score
    return ordered


def compared_sectors(area) -> list:
    """The area's sectors and the national ones, less those the area has its own copy of."""
    sectors = list(sectors_for(area))
    copied = replaced_sectors(sectors)
    return [s for s in sectors if s not in copied]


def replaced_sectors(sectors) -> list:
    """The national sectors among `sectors` that an area sector among them was copied from."""
    copied = {s.based_on_id for s in sectors if s.area_id and s.based_on_id}
    return [s for s in sectors if s.pk in copied]


def table(area, weights: dict | None = None, sectors=None) -> Table:
    weights = clean_weights(weights)
    sectors = list(sectors if sectors is not None else compared_sectors(area))
    rows, periods, sources = measure(area, sectors)
    return Table(area, score(rows, weights), weights, periods, sources)


@dataclass(frozen=True)
class RankChange:
    criterion: Criterion
    factor: float
    sector: object
    before: int
    after: int


def sensitivity(result: Table, factor: float = SENSITIVITY) -> list[RankChange]:
    """Every rank that changes when one weight moves down or up by `factor` (default half)."""
    before = {r.sector.pk: r.rank for r in result.rows}
    changes = []
    for criterion in result.criteria:
        for move in (1 - factor, 1 + factor):
            weights = {**result.weights, criterion.key: result.weights[criterion.key] * move}
            rescored = score(
                [SectorRow(r.sector, dict(r.values), dict(r.flags)) for r in result.rows],
                weights,
            )
            for row in rescored:
                if row.rank != before[row.sector.pk]:
                    changes.append(
                        RankChange(criterion, move, row.sector, before[row.sector.pk], row.rank)
                    )
    return changes


def method(result: Table) -> str:
    """The method in words, for the page, the export and the plan document."""
    chosen = ", ".join(
        f"{c.label.lower()} (weight {result.weights[c.key]:g})" for c in result.criteria
    )
    return (
        f"Sectors are compared on {chosen or 'no criteria'}. Each criterion is scaled across "
        "the sectors compared, from 0 for the lowest to 1 for the highest (a missing value, "
        "or a criterion on which every sector is equal, counts as 0); a sector's score is the "
        "weighted mean of its scaled values. "
        + (
            f"Without data, and so left out: {missing}. "
            if (missing := ", ".join(c.label.lower() for c in result.without_data))
            else ""
        )
        + "Employment "
        "and business figures are published by industry group: each sector counts the share "
        "of each group's SIC 2007 classes that its definition covers. Area figures are the "
        "sum of the area's districts."
    )

"""How broad the employer engagement is, and where the evidence is thin.

SG 5.1 asks ERBs to engage "employers of all sizes, public and private sector", members of
the ERB and not, small and medium-sized employers in particular, and to keep a record of every
employer engaged. These functions count the employers engaged in an area (optionally in one
plan cycle) along each of those lines, and list the places, sizes and sectors with none.

They are plain functions of an area so that the page, the CSV/XLSX download and the API give
the same numbers.

`business_base` sets the engaged employers beside the area's business base from UK Business
Counts (read through lsip.economy.frames, read-only): how many enterprises there are in each
size band, broad industry and district, what share of them was engaged, and the largest groups
with no engaged employer (docs/decisions/0044-breadth-against-business-counts.md).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from lsip.areas.models import LocalAuthority
from lsip.engagement.models import Engagement
from lsip.organisations.models import Organisation, Ownership, SizeBand
from lsip.sectors.labels import sector_labels
from lsip.sectors.models import Sector
from lsip.sectors.services import sectors_for

NOT_KNOWN = "Not known"


@dataclass
class Gap:
    """A sector, district and size band with no engaged employer (SG 5.1)."""

    sector: str
    local_authority: str
    size_band: str

    def __str__(self):
        size = self.size_band.split(" (")[0].lower()
        return f"No {size} employers in {self.local_authority} for {self.sector}"


@dataclass
class BaseRow:
    """One size band, broad industry or district: its enterprises and those engaged."""

    label: str
    enterprises: int
    engaged: int

    @property
    def share(self) -> float | None:
        return self.engaged / self.enterprises if self.enterprises else None


@dataclass
class BaseGap:
    """A district, broad industry and size band with enterprises but no engaged employer."""

    local_authority: str
    industry: str
    size_band: str
    enterprises: int

    def __str__(self):
        return (
            f"No {self.size_band.lower()} employers engaged in {self.industry} in "
            f"{self.local_authority} ({self.enterprises:,} enterprises)"
        )


@dataclass
class BusinessBase:
    """The engaged employers against UK Business Counts (`business_base`)."""

    period: str
    sources: list[str]
    dimensions: dict[str, list[BaseRow]]
    gaps: list[BaseGap]
    #: Engaged employers left out of the cells because their size band, district or SIC
    #: code is not recorded.
    unplaced: int


@dataclass
class Breadth:
    total: int
    dimensions: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    business_base: BusinessBase | None = None


def engagement_links(area, cycle=None):
    """The links between the area's engagements (in `cycle`, if given) and employers."""
    links = Engagement.organisations.through.objects.filter(
        engagement__area=area, organisation__type=Organisation.Type.EMPLOYER
    )
    if cycle is not None:
        links = links.filter(engagement__cycle=cycle)
    return links


def engaged_employers(area, cycle=None):
    """SG 5.1: the employers of the area with at least one engagement (in `cycle`, if given).

    An organisation is engaged only in its own area's engagements (pages, API and import
    offer no other), so without a cycle the test is simply "has an engagement"."""
    links = Engagement.organisations.through.objects.filter(organisation_id=OuterRef("pk"))
    if cycle is not None:
        links = links.filter(engagement__cycle=cycle)
    return Organisation.objects.filter(
        Exists(links), area=area, type=Organisation.Type.EMPLOYER
    ).order_by()


def _grouped(queryset, *fields):
    return [
        (tuple(row[f] for f in fields), row["n"])
        for row in queryset.values(*fields).annotate(n=Count("id", distinct=True)).order_by()
    ]


def count_by(groups, index: int, labels: dict) -> list[tuple[str, int]]:
    """SG 5.1: how many engaged employers there are for each value at `index` of the grouped
    rows, in the order of `labels`, then those not known."""
    counts = Counter()
    for values, n in groups:
        counts[values[index]] += n
    rows = [(label, counts.get(value, 0)) for value, label in labels.items()]
    unknown = sum(n for value, n in counts.items() if value not in labels)
    if unknown:
        rows.append((NOT_KNOWN, unknown))
    return rows


def count_by_engagement_type(area, cycle=None) -> list[tuple[str, int]]:
    """SG 5.1: how many employers each kind of engagement reached (an employer met in an
    interview and a survey counts once in each)."""
    counts = dict(
        engagement_links(area, cycle)
        .values("engagement__type")
        .annotate(n=Count("organisation_id", distinct=True))
        .values_list("engagement__type", "n")
        .order_by()
    )
    return [(label, counts.get(value, 0)) for value, label in Engagement.Type.choices]


def sector_groups(area, engaged, sectors) -> dict:
    """Sector id -> [((local authority id, size band), employers)]: the engaged employers
    placed in the sector, or whose SIC 2007 subclass is one of the sector's codes."""
    groups = defaultdict(list)
    plain = [s.pk for s in sectors if not s.sic_codes]
    placed = (
        Organisation.sectors.through.objects.filter(sector_id__in=plain, organisation__in=engaged)
        .values("sector_id", "organisation__local_authority_id", "organisation__size_band")
        .annotate(n=Count("id"))  # one row per employer and sector: no DISTINCT needed
        .order_by()
    )
    for row in placed:
        key = (row["organisation__local_authority_id"], row["organisation__size_band"])
        groups[row["sector_id"]].append((key, row["n"]))
    for sector in sectors:
        if sector.sic_codes:
            by_code = Q()
            for code in sector.sic_codes:
                by_code |= Q(sic_code__startswith=str(code).replace(".", ""))
            members = engaged.filter(Q(sectors=sector) | by_code)
            groups[sector.pk] = _grouped(members, "local_authority_id", "size_band")
    return groups


def gap_sectors(area):
    """The sectors evidence is expected for: the area's own and the national foundation
    sectors (SG 2.1, 5.1)."""
    return list(
        Sector.objects.filter(
            Q(area=area) | Q(area__isnull=True, kind=Sector.Kind.FOUNDATION)
        ).order_by("name")
    )


def gaps(area, groups: dict, sectors) -> list[Gap]:
    """SG 5.1: each sector x local authority x size band with no engaged employer, e.g.
    "No micro employers in Shropshire for Construction"; a sector sharing its name with
    another of the list says whose it is (lsip.sectors.labels)."""
    covered = {(sector_id, *key) for sector_id, rows in groups.items() for key, n in rows if n}
    districts = list(LocalAuthority.objects.filter(area=area).order_by("name"))
    names = sector_labels(sectors)  # a national and an area sector may share a name
    return [
        Gap(names[sector.pk], district.name, label)
        for sector in sectors
        for district in districts
        for band, label in SizeBand.choices
        if (sector.pk, district.pk, band) not in covered
    ]


def breadth(area, cycle=None) -> Breadth:
    """SG 5.1: the engaged employers of an area counted by size band, ownership, sector, local
    authority, ERB membership and engagement type, with the gaps in the evidence."""
    engaged = engaged_employers(area, cycle)
    groups = _grouped(engaged, "size_band", "ownership", "local_authority_id", "erb_member")
    all_sectors = list(sectors_for(area).order_by("kind", "name"))
    by_sector = sector_groups(area, engaged, all_sectors)
    districts = dict(LocalAuthority.objects.filter(area=area).values_list("pk", "name"))
    result = Breadth(total=sum(n for _, n in groups))
    result.dimensions = {
        "Size band": count_by(groups, 0, dict(SizeBand.choices)),
        "Ownership": count_by(groups, 1, dict(Ownership.choices)),
        "Sector": [
            (
                f"{s.name} ({s.get_kind_display().lower()})",
                sum(n for _, n in by_sector.get(s.pk, ())),
            )
            for s in all_sectors
        ],
        "Local authority": count_by(groups, 2, districts),
        "ERB membership": count_by(groups, 3, {True: "Members", False: "Not members"}),
        "Engagement type": count_by_engagement_type(area, cycle),
    }
    wanted = {s.pk for s in gap_sectors(area)}
    result.gaps = gaps(area, by_sector, [s for s in all_sectors if s.pk in wanted])
    result.business_base = business_base(area, engaged)
    return result


def kept_breadth(area, cycle=None) -> Breadth:
    """`breadth`, kept until a record of the area changes (lsip.core.figures): the page and
    its downloads are opened again and again by everyone working on the area."""
    from lsip.core.figures import kept

    return kept(area, "breadth", lambda: breadth(area, cycle), cycle.pk if cycle else "-")


# The business base (UK Business Counts) ------------------------------------------------------

UBC_INDUSTRY_SIZE = "ubc-enterprises-by-industry-size"
UBC_SIZE = "ubc-enterprises-by-size"
NOT_LOADED = "UK Business Counts not loaded"

#: UK Business Counts' size bands (breakdown `size=...`) as the organisation's size band.
UBC_SIZE_BANDS = {
    "micro": SizeBand.MICRO,
    "small": SizeBand.SMALL,
    "medium-sized": SizeBand.MEDIUM,
    "large": SizeBand.LARGE,
}

#: SIC 2007 sections by their first and last division.
SIC_SECTIONS = [
    ("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
    ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
    ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
    ("S", 94, 96), ("T", 97, 98), ("U", 99, 99),
]  # fmt: skip


def ubc_industry(sic_code: str) -> str | None:
    """The number of the UK Business Counts broad industry group ("3" for manufacturing) a
    SIC 2007 code falls in, or None for no code."""
    from lsip.economy.industries import UBC_GROUPS

    digits = (sic_code or "")[:2]
    if not digits.isdigit():
        return None
    division = int(digits)
    section = next((s for s, first, last in SIC_SECTIONS if first <= division <= last), None)
    for number, parts in UBC_GROUPS.items():
        if digits in parts or section in parts:
            return number
    return None


def business_counts(area):
    """The newest UK Business Counts of the area's districts: a Frame of one period, and
    whether it is split by broad industry; (None, False) when neither table is loaded."""
    from lsip.economy import frames

    districts = [c for c in area.local_authorities.values_list("gss_code", flat=True) if c]
    for family, by_industry in ((UBC_INDUSTRY_SIZE, True), (UBC_SIZE, False)):
        frame = frames.load(family, measures=["enterprises"], geographies=districts, area=area)
        if frame.data.height:
            return frame, by_industry
    return None, False


def business_base(area, engaged) -> BusinessBase | None:
    """SG 5.1: the engaged employers against the area's enterprises by size band, broad
    industry and district (UK Business Counts, newest period); None when not loaded."""
    frame, by_industry = business_counts(area)
    if frame is None:
        return None
    period = frame.periods[-1]
    labels = frame.labels()
    districts = dict(area.local_authorities.values_list("gss_code", "name"))
    cells = Counter()  # (gss, industry number or "", size band) -> enterprises
    for row in frame.data.filter(frame.data["period"] == period).iter_rows(named=True):
        parts = dict(p.partition("=")[::2] for p in row["breakdown"].split(";"))
        band = UBC_SIZE_BANDS.get(parts.get("size", ""))
        if band is not None and row["value"] is not None:
            cells[(row["geography"], parts.get("ubc-industry", ""), band)] += int(row["value"])
    met, unplaced = _engaged_cells(engaged, by_industry)
    industries = {k.partition("=")[2]: v for k, v in labels.items() if k.startswith("ubc-")}
    return BusinessBase(
        period=period,
        sources=frame.sources([period]),
        dimensions=_base_dimensions(cells, met, districts, industries),
        gaps=sorted(
            (
                BaseGap(
                    districts.get(gss, gss),
                    industries.get(ind, "All industries"),
                    SizeBand(band).label.split(" (")[0],
                    n,
                )
                for (gss, ind, band), n in cells.items()
                if n and not met.get((gss, ind, band))
            ),
            key=lambda gap: -gap.enterprises,
        ),
        unplaced=unplaced,
    )


def _engaged_cells(engaged, by_industry: bool):
    """Engaged employers per (district GSS code, broad industry, size band), and how many
    could not be placed in a cell."""
    met, unplaced = Counter(), 0
    rows = engaged.values_list("local_authority__gss_code", "sic_code", "size_band")
    for gss, sic, band in rows:
        industry = ubc_industry(sic) if by_industry else ""
        if not gss or not band or industry is None:
            unplaced += 1
            continue
        met[(gss, industry, band)] += 1
    return met, unplaced


def _base_dimensions(cells, met, districts, industries) -> dict[str, list[BaseRow]]:
    def rows(index, labels):
        total, engaged = Counter(), Counter()
        for key, n in cells.items():
            total[key[index]] += n
        for key, n in met.items():
            engaged[key[index]] += n
        return [
            BaseRow(str(label), total[value], engaged[value])
            for value, label in labels.items()
            if total[value] or engaged[value]
        ]

    dimensions = {"Size band": rows(2, dict(SizeBand.choices))}
    if industries:
        ordered = dict(sorted(industries.items(), key=lambda item: int(item[0])))
        dimensions["Broad industry"] = rows(1, ordered)
    dimensions["Local authority"] = rows(0, districts)
    return dimensions


#: The columns of the download (`breadth_rows`).
COLUMNS = ("Measure", "Value", "Employers", "Enterprises", "Share engaged")


def breadth_rows(result: Breadth) -> list[dict]:
    """The counts and gaps, then the business base, as rows for a CSV or XLSX download."""
    rows = [{"Measure": "Engaged employers", "Value": "All", "Employers": result.total}]
    for dimension, counts in result.dimensions.items():
        rows += [{"Measure": dimension, "Value": v, "Employers": n} for v, n in counts]
    rows += [{"Measure": "Gap", "Value": str(gap), "Employers": 0} for gap in result.gaps]
    base = result.business_base
    if base is None:
        return [*rows, {"Measure": "Business base", "Value": NOT_LOADED}]
    label = f"Business base {base.period}"
    for dimension, counts in base.dimensions.items():
        rows += [
            {
                "Measure": f"{label}: {dimension.lower()}",
                "Value": row.label,
                "Employers": row.engaged,
                "Enterprises": row.enterprises,
                "Share engaged": round(row.share, 4) if row.share is not None else "",
            }
            for row in counts
        ]
    rows += [
        {
            "Measure": f"{label}: gap",
            "Value": str(gap),
            "Employers": 0,
            "Enterprises": gap.enterprises,
            "Share engaged": 0,
        }
        for gap in base.gaps
    ]
    return rows

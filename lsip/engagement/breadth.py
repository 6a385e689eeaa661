"""How broad the employer engagement is, and where the evidence is thin.

SG 5.1 asks ERBs to engage "employers of all sizes, public and private sector", members of
the ERB and not, small and medium-sized employers in particular, and to keep a record of every
employer engaged. These functions count the employers engaged in an area (optionally in one
plan cycle) along each of those lines, and list the places, sizes and sectors with none.

They are plain functions of an area so that the page, the CSV/XLSX download and the API give
the same numbers.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from lsip.areas.models import LocalAuthority
from lsip.engagement.models import Engagement
from lsip.organisations.models import Organisation, Ownership, SizeBand
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
class Breadth:
    total: int
    dimensions: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)


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
    "No micro employers in Shropshire for Construction"."""
    covered = {(sector_id, *key) for sector_id, rows in groups.items() for key, n in rows if n}
    districts = list(LocalAuthority.objects.filter(area=area).order_by("name"))
    return [
        Gap(sector.name, district.name, label)
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
    return result


def breadth_rows(result: Breadth) -> list[dict]:
    """The counts and gaps as rows for a CSV or XLSX download."""
    rows = [{"Measure": "Engaged employers", "Value": "All", "Employers": result.total}]
    for dimension, counts in result.dimensions.items():
        rows += [{"Measure": dimension, "Value": v, "Employers": n} for v, n in counts]
    rows += [{"Measure": "Gap", "Value": str(gap), "Employers": 0} for gap in result.gaps]
    return rows

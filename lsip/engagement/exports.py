"""The downloads Skills England asks for (SG 5.1: give the record of employers engaged on
request), as declarative column lists so that CSV, XLSX and JSON say the same thing.

Neither export holds contact data: names, emails and phones of people never leave the
organisation page.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Max, Min

from lsip.core.exports import Column
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.engagement.querysets import needs_of, with_soc_titles
from lsip.organisations.models import Organisation

WITHHELD = "Withheld"


def _yes_no(value):
    return {True: "Yes", False: "No"}.get(value, "Not known")


def _date(value):
    return value.isoformat() if value else ""


#: One row per organisation engaged in the area.
ENGAGEMENT_RECORD = [
    Column("Name", lambda o: o.name),
    Column("Companies House number", lambda o: o.companies_house_number),
    Column("Type", lambda o: o.get_type_display()),
    Column("Size band", lambda o: o.get_size_band_display()),
    Column("Ownership", lambda o: o.get_ownership_display()),
    Column("SIC 2007", lambda o: o.sic_code),
    Column("Local authority", lambda o: o.local_authority.name if o.local_authority else ""),
    Column("ERB member", lambda o: _yes_no(o.erb_member)),
    Column("Sectors", lambda o: "; ".join(s.name for s in o.sectors.all())),
    Column("Engagement types", lambda o: "; ".join(o.engagement_types)),
    Column("First engagement", lambda o: _date(o.first_engagement)),
    Column("Last engagement", lambda o: _date(o.last_engagement)),
    Column("Engagements", lambda o: o.engagement_count),
]


def _organisation_name(need):
    return need.organisation.name if need.engagement.consent_to_be_named else WITHHELD


#: One row per skills need, coded to SOC 2020 and its employer's SIC 2007.
SKILLS_NEEDS = [
    Column("Their words", lambda n: n.words),
    Column("SOC 2020 code", lambda n: n.soc_code),
    Column("SOC 2020 title", lambda n: n.soc_title),
    Column("Confidence", lambda n: round(n.soc_confidence, 2) if n.soc_confidence else ""),
    Column("Confirmed by a person", lambda n: "Yes" if n.soc_confirmed else "No"),
    Column("Need type", lambda n: n.get_need_type_display()),
    Column("Level", lambda n: n.get_level_display()),
    Column("Number", lambda n: n.number if n.number is not None else ""),
    Column("Timescale", lambda n: n.get_timescale_display()),
    Column("Themes", lambda n: "; ".join(str(dict(SkillsNeed.Theme.choices)[t]) for t in n.themes)),
    Column("Organisation", _organisation_name),
    Column("SIC 2007", lambda n: n.organisation.sic_code),
    Column("Size band", lambda n: n.organisation.get_size_band_display()),
    Column(
        "Local authority",
        lambda n: n.organisation.local_authority.name if n.organisation.local_authority else "",
    ),
    Column("Engagement type", lambda n: n.engagement.get_type_display()),
    Column("Engagement date", lambda n: _date(n.engagement.date)),
]


def _engagements(area, cycle):
    engagements = Engagement.objects.filter(area=area)
    return engagements if cycle is None else engagements.filter(cycle=cycle)


def engaged_count(area, cycle=None) -> int:
    """How many organisations `engaged_organisations` lists, counted by the database."""
    engagements = _engagements(area, cycle)
    return Organisation.objects.filter(area=area, engagements__in=engagements).distinct().count()


def engaged_organisations(area, cycle=None):
    """SG 5.1: every organisation engaged in the area, with its first and last engagement,
    how many, and of which kinds."""
    engagements = _engagements(area, cycle)
    organisations = (
        Organisation.objects.filter(area=area, engagements__in=engagements)
        .annotate(
            first_engagement=Min("engagements__date"),
            last_engagement=Max("engagements__date"),
            engagement_count=Count("engagements", distinct=True),
        )
        .select_related("local_authority")
        .prefetch_related("sectors")
        .order_by("name")
    )
    kinds = defaultdict(set)
    labels = dict(Engagement.Type.choices)
    for organisation_id, kind in Engagement.organisations.through.objects.filter(
        engagement__in=engagements
    ).values_list("organisation_id", "engagement__type"):
        kinds[organisation_id].add(kind)
    organisations = list(organisations)
    for organisation in organisations:
        organisation.engagement_types = [
            str(labels[k]) for k in labels if k in kinds[organisation.pk]
        ]
    return organisations


def skills_needs(area, cycle=None):
    return with_soc_titles(needs_of(area, cycle=cycle))


@dataclass(frozen=True)
class Download:
    """A download for Skills England: its columns, its records, its file name, and how many
    rows it will have (counted without building them)."""

    columns: list
    records: Callable
    name: str
    size: Callable


DOWNLOADS = {
    "record": Download(
        ENGAGEMENT_RECORD,
        engaged_organisations,
        "employer-engagement-record",
        engaged_count,
    ),
    "needs": Download(
        SKILLS_NEEDS,
        skills_needs,
        "skills-needs",
        lambda area, cycle: needs_of(area, cycle=cycle).count(),
    ),
}

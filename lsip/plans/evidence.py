"""Why a priority is a priority (SG 3.4 stage 1, Annex A section 1): the skills needs behind
it, how many employers reported them, and the labour-market figures of its sectors, each with
its source, so that a reader can follow the chain from employers' words to the plan."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from lsip.classification.codes import sic_code as canonical_sic
from lsip.economy import frames, indicators
from lsip.economy import priority as sector_table
from lsip.engagement.models import SkillsNeed
from lsip.sectors.services import covers, sector_of_sic


@dataclass
class Evidence:
    linked: list = field(default_factory=list)
    related: list = field(default_factory=list)
    employers: int = 0
    by_need_type: dict = field(default_factory=dict)
    sectors: object = None
    cited: list = field(default_factory=list)


def related_needs(priority):
    """The area's skills needs that fall under the priority: coded to one of its SOC 2020
    unit groups, or reported by an employer in one of its sectors or SIC codes."""
    area = priority.plan.area
    needs = SkillsNeed.objects.filter(area=area).select_related("organisation")
    test = Q(soc_code__in=priority.soc_codes) if priority.soc_codes else Q(pk__in=[])
    sectors = list(priority.sectors.all())
    if sectors:
        test |= Q(organisation__sectors__in=sectors)
    matched = list(needs.filter(test).distinct())
    if priority.sic_codes or sectors:
        for need in needs.exclude(pk__in=[n.pk for n in matched]).exclude(
            organisation__sic_code=""
        ):
            code = canonical_sic(need.organisation.sic_code) if need.organisation else None
            if code and (sector_of_sic(code, sectors) or covers(priority.sic_codes, code)):
                matched.append(need)
    return matched


def evidence_for(priority) -> Evidence:
    linked = list(priority.skills_needs.select_related("organisation"))
    related = [n for n in related_needs(priority) if n not in linked]
    reported = linked + related
    employers = {n.organisation_id for n in reported if n.organisation_id}
    sectors = list(priority.sectors.all())
    area = priority.plan.area
    table = sector_table.table(area, sectors=sectors) if sectors else None
    return Evidence(
        linked=linked,
        related=related,
        employers=len(employers),
        by_need_type=dict(Counter(n.get_need_type_display() for n in reported)),
        sectors=table,
        cited=cited_indicators(priority),
    )


def cited_indicators(priority) -> list[dict]:
    """The labour-market figures the priority cites, as the profile shows them, with source."""
    if not priority.indicators:
        return []
    area = priority.plan.area
    found = indicators.profile(area, frames.places_of(area))
    cited = []
    for ref in priority.indicators:
        indicator = found.get(ref.get("indicator"))
        if indicator is None:
            continue
        for row in indicator.rows:
            if row["place"] == area.name and row.get("breakdown") == ref.get("breakdown"):
                cited.append(
                    {
                        **row,
                        "title": indicator.title,
                        "period": indicator.period,
                        "sources": indicator.sources,
                    }
                )
    return cited

"""Sector names people can tell apart: national and area sectors may share a name.

An area often copies a national sector to adjust it ("Health and social care" national and
"Health and social care" of The Marches). In any one list a name is never repeated: where two
sectors of the list share a name, each says whose it is ("Health and social care (national)",
"Health and social care (The Marches)"). Choice lists group the sectors: the Industrial
Strategy's growth-driving sectors, the foundation sectors (both national, SG 2.1), then the
area's own. docs/decisions/0043-sector-names.md
"""

from collections import Counter

from lsip.sectors.models import Sector

NATIONAL_GROUPS = (
    (Sector.Kind.GROWTH, "Industrial Strategy growth-driving sectors (national)"),
    (Sector.Kind.FOUNDATION, "Foundation sectors (national)"),
    (Sector.Kind.AREA, "Other national sectors"),
)


def owner(sector: Sector) -> str:
    """Whose sector it is, in words: "national" or the area's name."""
    return "national" if sector.area_id is None else sector.area.name


def sector_labels(sectors) -> dict:
    """Each sector's label in this list, by primary key: its name, with whose it is where
    another sector of the list has the same name."""
    sectors = list(sectors)
    counts = Counter(s.name.casefold() for s in sectors)
    return {
        s.pk: f"{s.name} ({owner(s)})" if counts[s.name.casefold()] > 1 else s.name for s in sectors
    }


def labelled(sectors) -> list[Sector]:
    """The sectors, each with `label` set (`sector_labels`), in their order."""
    sectors = list(sectors)
    labels = sector_labels(sectors)
    for sector in sectors:
        sector.label = labels[sector.pk]
    return sectors


def grouped_choices(sectors, area) -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for a select with option groups (or grouped checkboxes): the national
    growth-driving and foundation sectors, then the area's own; empty groups left out."""
    sectors = labelled(sectors.select_related("area").order_by("name"))
    groups = [
        (title, [(str(s.pk), s.label) for s in sectors if s.area_id is None and s.kind == kind])
        for kind, title in NATIONAL_GROUPS
    ]
    own = [(str(s.pk), s.label) for s in sectors if s.area_id is not None]
    groups.append((f"{area.name}'s own sectors", own))
    return [(title, options) for title, options in groups if options]

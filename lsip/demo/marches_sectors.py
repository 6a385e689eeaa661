"""The Marches' own sectors for the demo, with SIC 2007 definitions (SG 2.1, SG Annex D).

The four names are the focus sectors The Marches LSIP published for its 2022-2025 cycle:
the Marches LSIP web page ("four sectors have been identified to work with") and the
board's information pack for 2025-2028 ("the first 3-year cycle focused in the main on 4
sectors which are high employment sectors across the Marches"). Neither gives SIC codes:
the definitions below are lsip's reading of each name, for the ERB to adjust.

The names match those the illustrative evidence (`marches_evidence`) files employers under,
so either loader may run first.
"""

from django.db import transaction

from lsip.audit.context import acting_as
from lsip.sectors.models import Sector

SOURCE = (
    "Named as one of the four focus sectors of The Marches LSIP 2022-2025 (the Marches LSIP "
    "web page, and the board's information pack for 2025-2028). The SIC 2007 codes are "
    "lsip's demo definition of the name, not one The Marches published."
)

#: name -> (SIC 2007 codes, what the sector covers)
MARCHES_SECTORS: dict[str, tuple[list[str], str]] = {
    "Engineering and manufacturing, including food and drink": (
        [f"{division}" for division in range(10, 34)],  # SIC 2007 section C, by division
        "The published name is “Engineering/Manufacturing inc. Food and Drink Production”: "
        "all manufacturing (divisions 10 to 33), food and drink (10, 11) included.",
    ),
    "Professional services": (
        ["62", "63.1", "64", "65", "66", "69", "70.2", "71", "72", "73", "74", "78", "82"],
        "Finance and insurance, legal and accounting, consultancy, architecture and "
        "engineering services, R&D, marketing, design, recruitment, business support and "
        "the IT services those firms buy.",
    ),
    "Construction, including environmental technologies": (
        ["35.11", "38.3", "39", "41", "42", "43"],
        "The published name is “Construction inc. Environment Technologies”: construction "
        "(division 41 to 43, heat pump and solar installers among them), electricity "
        "generation (renewables), materials recovery and remediation.",
    ),
    "Health and social care": (
        ["86", "87", "88"],
        "Hospitals, GP and other health services, residential care and social work "
        "(SIC 2007 section Q); the Marches' version of the national foundation sector.",
    ),
}


def load_marches_sectors(area) -> list[Sector]:
    """Create (or complete) The Marches' four sectors; safe to run again. A sector that
    exists with a description is left as it is (someone may have edited it)."""
    sectors = []
    national = {s.name: s for s in Sector.objects.filter(area=None)}
    with transaction.atomic(), acting_as(None, "lsip demo (The Marches' sectors)"):
        for name, (codes, covers) in MARCHES_SECTORS.items():
            values = {
                "kind": Sector.Kind.AREA,
                "sic_codes": codes,
                "description": f"{covers} {SOURCE}",
                "based_on": national.get(name),
            }
            sector, made = Sector.objects.get_or_create(area=area, name=name, defaults=values)
            if not made and not sector.description:  # made by the evidence loader
                for field, value in values.items():
                    setattr(sector, field, value)
                sector.save()
            sectors.append(sector)
    return sectors

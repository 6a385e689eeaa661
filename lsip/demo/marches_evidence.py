"""Illustrative engagement evidence for The Marches demo, made by a seeded generator.

The employers, engagements and skills needs here are invented (each is marked as such) in
the four sectors the Marches LSIP works with (seed 003). Their names are made up; their
places are the area's real districts; their needs are job titles as employers write them.
Running it again changes nothing.
"""

import datetime
import random

from django.db import transaction

from lsip.areas.models import Area, LocalAuthority
from lsip.audit.context import acting_as
from lsip.engagement import services
from lsip.engagement.models import Engagement
from lsip.organisations.models import Organisation, Ownership, SizeBand
from lsip.sectors.models import Sector

MARKER = "Illustrative employer generated for the demo; not a real organisation."
SEED = 2026
EMPLOYERS = 300

#: The Marches' own sectors (seed 003) with the SIC 2007 divisions that define them here.
SECTORS = {
    "Engineering and manufacturing, including food and drink": (
        [str(d) for d in range(10, 34)],
        ["Engineering", "Precision", "Fabrications", "Foods", "Manufacturing", "Dairies"],
        [
            "CNC machinist",
            "Maintenance engineer (multi-skilled)",
            "Welder fabricator",
            "Food production operative",
            "Quality technician",
            "Electrical engineer",
            "Production supervisor",
            "Toolmaker",
            "Apprentice mechanical engineer",
            "Butcher",
            "Bakery operative",
            "Forklift driver",
            "Design engineer",
            "CNC setter/operator",
        ],
    ),
    "Professional services": (
        ["69", "70", "71", "72", "73", "74"],
        ["Accountants", "Legal", "Digital", "Consulting", "Surveyors", "Marketing"],
        [
            "Accounts assistant",
            "Payroll administrator",
            "Paralegal",
            "Solicitor",
            "IT support technician",
            "Software developer",
            "Marketing executive",
            "HR advisor",
            "Data analyst",
            "Trainee accountant",
            "Bookkeeper",
            "Legal secretary",
        ],
    ),
    "Construction, including environmental technologies": (
        ["41", "42", "43"],
        ["Builders", "Construction", "Renewables", "Roofing", "Groundworks", "Joinery"],
        [
            "Bricklayer",
            "Site manager",
            "Groundworker",
            "Electrician",
            "Plumber",
            "Heat pump installer",
            "Solar PV installer",
            "Quantity surveyor",
            "Joiner",
            "Plasterer",
            "Retrofit coordinator",
            "Apprentice carpenter",
            "Scaffolder",
        ],
    ),
    "Health and social care": (
        ["86", "87", "88"],
        ["Care", "Homecare", "Nursing Home", "Health", "Support Services", "Care Homes"],
        [
            "Care assistant",
            "Senior carer",
            "Registered nurse",
            "Support worker",
            "Domiciliary care worker",
            "Occupational therapist",
            "Healthcare assistant",
            "Care home manager",
            "Night care assistant",
            "Activities coordinator",
        ],
    ),
}
PLACES = [
    "Severn",
    "Wrekin",
    "Clee",
    "Teme",
    "Malvern",
    "Ludlow",
    "Wye",
    "Border",
    "Marches",
    "Red Kite",
    "Long Mynd",
    "Stiperstones",
    "Corve",
    "Onny",
    "Lugg",
    "Arrow",
    "Frome",
    "Golden Valley",
    "Wenlock",
    "Caradoc",
]
SIZES = [(SizeBand.MICRO, 45), (SizeBand.SMALL, 30), (SizeBand.MEDIUM, 17), (SizeBand.LARGE, 8)]
TYPES = [
    (Engagement.Type.INTERVIEW, 40),
    (Engagement.Type.SURVEY, 35),
    (Engagement.Type.FOCUS_GROUP, 10),
    (Engagement.Type.EVENT, 10),
    (Engagement.Type.DEEP_DIVE, 5),
]
NEEDS = [("shortage", 50), ("gap", 30), ("future", 20)]
THEMES = ["digital", "net_zero", "work_readiness", "english_maths", "leadership"]


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def load(area: Area) -> int:
    """Create the illustrative evidence once; returns the number of employers created."""
    if Organisation.objects.filter(area=area, description=MARKER).exists():
        return 0
    from lsip.classification import services as coding
    from lsip.classification.coder.store import CoderFilesMissingError

    try:
        coder = coding.soc_coder()
    except CoderFilesMissingError:
        coder = None
    rng = random.Random(SEED)
    districts = list(LocalAuthority.objects.filter(area=area))
    with transaction.atomic(), acting_as(None, "lsip demo (illustrative evidence)"):
        sectors = {
            name: Sector.objects.get_or_create(
                area=area, name=name, defaults={"kind": Sector.Kind.AREA, "sic_codes": codes}
            )[0]
            for name, (codes, _, _) in SECTORS.items()
        }
        used = set()
        for number in range(EMPLOYERS):
            name, (codes, nouns, titles) = rng.choice(list(SECTORS.items()))
            employer = _employer(rng, area, districts, sectors[name], codes, nouns, used)
            _evidence(rng, area, employer, titles, coder, number)
    return EMPLOYERS


def _employer(rng, area, districts, sector, codes, nouns, used):
    while True:
        name = f"{rng.choice(PLACES)} {rng.choice(nouns)} Ltd"
        if name not in used:
            used.add(name)
            break
    employer = Organisation.objects.create(
        area=area,
        name=name,
        type=Organisation.Type.EMPLOYER,
        description=MARKER,
        local_authority=rng.choice(districts),
        size_band=_pick(rng, SIZES),
        ownership=Ownership.PRIVATE if rng.random() < 0.9 else Ownership.VOLUNTARY,
        sic_code=f"{rng.choice(codes)}{rng.randint(100, 999)}"[:5],
        sic_source="person",
        erb_member=rng.random() < 0.3,
    )
    employer.sectors.add(sector)
    return employer


def _evidence(rng, area, employer, titles, coder, number):
    date = datetime.date(2025, 10, 1) + datetime.timedelta(days=rng.randrange(0, 180))
    engagement = services.record_engagement(
        area=area,
        type=_pick(rng, TYPES),
        date=date,
        organisations=[employer],
        actor=None,
        erb_staff="Marches LSIP team",
        consent_to_be_named=rng.random() < 0.6,
        notes="Illustrative engagement generated for the demo.",
    )
    for words in rng.sample(titles, rng.randint(1, 3)):
        services.add_skills_need(
            engagement=engagement,
            organisation=employer,
            words=words,
            need_type=_pick(rng, NEEDS),
            actor=None,
            coder=coder,
            learned={},
            source="demo: illustrative evidence",
            level=rng.choice(["entry", "2", "3", "3", "4", "6"]),
            number=rng.randint(1, 6),
            timescale=rng.choice(["now", "now", "3_years", "later"]),
            themes=rng.sample(THEMES, rng.randint(0, 2)),
        )

"""The illustrative annexes of The Marches demo's plan: the Annex A occupation and industry
table (one emerging role with no SOC 2020 code), the outcomes under the four SG 7 areas, how
the plan answers the ten national sectors (SG 2.1) and the duties it considered
(`marches_plan` builds them; all invented for the demo)."""

from lsip.demo.marches_plan_priorities import CARE, CONSTRUCTION, ENGINEERING, PROFESSIONAL
from lsip.plans.models import Duty, OutcomeArea

#: The Annex A table: (name, SOC 2020 codes, area sector, SIC 2007 codes).
OCCUPATIONS = [
    ("CNC machinists and setter-operators", ["5221"], ENGINEERING, ["25.62", "28"]),
    ("Metal working production and maintenance fitters", ["5223"], ENGINEERING, ["28", "33"]),
    ("Welding trades", ["5213"], ENGINEERING, ["25"]),
    ("Food, drink and tobacco process operatives", ["8111"], ENGINEERING, ["10", "11"]),
    ("Quality assurance technicians", ["3115"], ENGINEERING, ["10", "25", "28"]),
    ("Plumbers and heat pump installers", ["5315"], CONSTRUCTION, ["43.22"]),
    ("Electricians and solar PV installers", ["5241"], CONSTRUCTION, ["43.21"]),
    ("Bricklayers", ["5313"], CONSTRUCTION, ["43.99"]),
    ("Care workers and senior care workers", ["6135", "6136"], CARE, ["87", "88.1"]),
    ("Registered nurses", ["2237"], CARE, ["86.1", "87.1"]),
    ("Software developers", ["2134"], PROFESSIONAL, ["62.01"]),
    ("IT user support technicians", ["3132"], PROFESSIONAL, ["62.02", "62.09"]),
    ("Data analysts", ["3544"], PROFESSIONAL, ["62", "63.1"]),
    ("Accounting clerks and bookkeepers", ["4122"], PROFESSIONAL, ["69.2"]),
]
RETROFIT = {
    "name": "Retrofit coordinator",
    "definition": "Coordinates the assessment, design and installation of energy-efficiency "
    "and low-carbon measures in existing homes to PAS 2035, from the first survey to the "
    "evaluation after the work.",
    "rationale": "An emerging role that SOC 2020 does not describe: the coding index sends "
    "the title to no unit group, and the work spans construction project management, "
    "surveying and energy assessment.",
    "limitations": "Counts of these roles cannot be taken from occupation statistics; the "
    "evidence is employers' own reports.",
}

#: (outcome area, name, metric, unit, baseline, target, milestones, priority numbers)
OUTCOMES = [
    (
        OutcomeArea.SKILLS,
        "Fewer hard-to-fill engineering vacancies",
        "Engineering employers reporting hard-to-fill vacancies",
        "% of surveyed employers",
        48,
        30,
        (44, 38, 30),
        [1],
    ),
    (
        OutcomeArea.SKILLS,
        "More adults with essential digital skills",
        "Adults completing essential digital skills courses",
        "learners a year",
        350,
        900,
        (500, 700, 900),
        [4],
    ),
    (
        OutcomeArea.EMPLOYERS,
        "More employers engaged in the skills system",
        "Employers engaged by the LSIP",
        "employers",
        300,
        600,
        (400, 500, 600),
        [1, 2, 3, 4, 5],
    ),
    (
        OutcomeArea.PROVISION,
        "Low-carbon construction provision at level 3 and above",
        "Learners on heat pump, solar PV and retrofit courses",
        "learners a year",
        40,
        220,
        (90, 160, 220),
        [2],
    ),
    (
        OutcomeArea.PROVISION,
        "A progression pathway in care",
        "Care staff starting level 3 or above",
        "starts a year",
        120,
        250,
        (160, 200, 250),
        [3],
    ),
    (
        OutcomeArea.FUNDING,
        "Apprenticeship levy used for local priorities",
        "Levy transfers to small firms in priority sectors",
        "£ thousand a year",
        150,
        400,
        (220, 300, 400),
        [1, 5],
    ),
]

#: The ten national sectors (SG 2.1): reflected (with the priorities), or why not.
CONTEXT = {
    "Advanced manufacturing": (
        True,
        [1],
        "Priority 1 covers machining, maintenance and "
        "food manufacturing, the area's largest employing sector.",
    ),
    "Clean energy industries": (
        True,
        [2],
        "Priority 2 trains the installers of heat pumps "
        "and solar PV and the retrofit coordinators net zero needs.",
    ),
    "Creative industries": (
        False,
        [],
        "A small employment base in The Marches, and no "
        "creative employer reported a need in the engagement; the next "
        "review will look again.",
    ),
    "Defence": (
        False,
        [],
        "Few defence employers in the area; the engineering supply-chain "
        "skills they would draw on are in priority 1.",
    ),
    "Digital and technologies": (
        True,
        [4],
        "Priority 4: digital skills across every sector, and software and data bootcamps.",
    ),
    "Financial services": (
        True,
        [5],
        "Priority 5 covers accounting and bookkeeping, which "
        "employers reported; insurance and banking employment is small.",
    ),
    "Life sciences": (
        False,
        [],
        "A small sector here; Harper Adams' agri-tech research is "
        "noted, but no employer need was reported in this cycle.",
    ),
    "Professional and business services": (
        True,
        [5],
        "Priority 5: accounting, legal, marketing, HR and leadership skills.",
    ),
    "Construction": (True, [2], "Priority 2: core trades and low-carbon retrofit."),
    "Health and social care": (True, [3], "Priority 3: the care and nursing workforce."),
}

DUTIES = {
    Duty.Kind.NET_ZERO: (
        "Priority 2 builds the installer and retrofit workforce for low-carbon heating and "
        "solar; engineering bootcamps include energy-efficient maintenance.",
        [2, 1],
    ),
    Duty.Kind.ADAPTATION: (
        "Retrofit training covers ventilation and overheating; care providers' continuity "
        "planning for extreme weather is part of the senior carer programme.",
        [2, 3],
    ),
    Duty.Kind.ENVIRONMENT: (
        "Food and drink skills include waste reduction; construction courses include "
        "materials recovery and biodiversity net gain on site.",
        [1, 2],
    ),
    Duty.Kind.EQUALITY: (
        "Entry routes with Jobcentre Plus reach people out of work, and digital and care "
        "courses are offered in rural market towns as well as Telford, Shrewsbury and "
        "Hereford.",
        [3, 4],
    ),
}

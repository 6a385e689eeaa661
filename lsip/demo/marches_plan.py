"""An illustrative plan for The Marches demo's current cycle, built from its illustrative
evidence (`marches_evidence`) and its four focus sectors (`marches_sectors`).

Everything here is invented for the demo: it is not The Marches' LSIP. The five priorities
follow the sectors and job titles of the illustrative employers' skills needs; each is linked
to the needs coded to its SOC 2020 unit groups (or, where the coder was not installed when
the evidence loaded, reported in those words). The actions, activities, Annex A table,
outcomes, context links and duties are written through `lsip.plans.services` inside one
revision, so the plan opens at version 1, and a snapshot "Substantive draft submitted 31 March
2026" freezes it.
Running it again changes nothing.
"""

import datetime

from django.db import transaction
from django.db.models import Q

from lsip.areas.models import Cycle
from lsip.audit.context import acting_as
from lsip.engagement.models import SkillsNeed
from lsip.organisations.models import Organisation
from lsip.plans import revisions, services
from lsip.plans.models import (
    Action,
    Activity,
    Aim,
    ContextLink,
    Duty,
    OccupationEntry,
    Outcome,
    OutcomeArea,
    Plan,
    Priority,
)
from lsip.sectors.models import Sector

LABEL = "lsip demo (illustrative plan)"
NOTE = "Illustrative, written for the demo: not The Marches' published plan."
#: The statutory LSIP runs 2026 to 2029 (SG 2); the plan sits in that cycle.
CYCLE_START = 2026
TITLE = "The Marches Local Skills Improvement Plan 2026 to 2029 (illustrative)"
SNAPSHOT = "Substantive draft submitted 31 March 2026"

ENGINEERING = "Engineering and manufacturing, including food and drink"
CONSTRUCTION = "Construction, including environmental technologies"
CARE = "Health and social care"
PROFESSIONAL = "Professional services"

#: The five priorities: title, the area sector, SOC 2020 unit groups, SIC 2007 codes, levels,
#: the job titles of the illustrative needs it answers, the description and why.
PRIORITIES = [
    {
        "title": "Engineering and manufacturing skills, including food and drink",
        "sector": ENGINEERING,
        "national": ["Advanced manufacturing"],
        "soc_codes": ["5221", "5222", "5223", "5213", "5241", "3115", "8111", "2122"],
        "sic_codes": ["10", "11", "25", "28", "29", "33"],
        "levels": ["2", "3", "4", "5"],
        "words": [
            "CNC machinist",
            "CNC setter/operator",
            "Maintenance engineer (multi-skilled)",
            "Welder fabricator",
            "Toolmaker",
            "Quality technician",
            "Food production operative",
            "Electrical engineer",
            "Design engineer",
            "Apprentice mechanical engineer",
            "Butcher",
            "Bakery operative",
        ],
        "description": "Machining, fabrication, multi-skilled maintenance and food "
        "production skills for the Marches' manufacturers, from level 2 operatives to "
        "level 4 and 5 technicians.",
        "evidence": "The largest share of the illustrative employers' needs: shortages of "
        "CNC machinists, maintenance engineers and welders, and food production operatives.",
    },
    {
        "title": "Construction and retrofit: the skills for environmental technologies",
        "sector": CONSTRUCTION,
        "national": ["Construction", "Clean energy industries"],
        "soc_codes": ["5313", "5315", "5316", "5241", "2453", "1122"],
        "sic_codes": ["41", "42", "43", "35.11"],
        "levels": ["2", "3", "4"],
        "words": [
            "Bricklayer",
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
            "Site manager",
        ],
        "description": "Core trades, and the heat pump, solar PV and retrofit skills that "
        "net zero asks of them.",
        "evidence": "Construction employers reported trade shortages and a growing need for "
        "heat pump and solar PV installers and retrofit coordinators.",
    },
    {
        "title": "The health and social care workforce",
        "sector": CARE,
        "national": ["Health and social care"],
        "soc_codes": ["6135", "6136", "6131", "2237", "2222", "1232"],
        "sic_codes": ["86", "87", "88"],
        "levels": ["2", "3", "5", "6"],
        "words": [
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
        "description": "Recruiting and progressing care workers, senior carers and nurses, "
        "in homes and in domiciliary care across a rural area.",
        "evidence": "Care employers reported persistent shortages of care and support "
        "workers, and gaps in progression to senior and registered roles.",
    },
    {
        "title": "Digital skills across every sector",
        "sector": PROFESSIONAL,
        "national": ["Digital and technologies"],
        "soc_codes": ["2134", "3132", "3544"],
        "sic_codes": ["62", "63.1"],
        "levels": ["entry", "2", "3", "4", "6"],
        "words": ["IT support technician", "Software developer", "Data analyst"],
        "description": "Essential digital skills for every worker, and the software, data "
        "and IT support skills employers in every sector now need.",
        "evidence": "Needs for software developers, data analysts and IT support "
        "technicians, and digital skills named as a theme across all four sectors.",
    },
    {
        "title": "Professional services, leadership and management",
        "sector": PROFESSIONAL,
        "national": ["Professional and business services", "Financial services"],
        "soc_codes": ["4122", "3520", "2412", "3554", "3571", "2421"],
        "sic_codes": ["69", "70.2", "73", "78"],
        "levels": ["3", "4", "5", "6", "7"],
        "words": [
            "Accounts assistant",
            "Payroll administrator",
            "Paralegal",
            "Solicitor",
            "Marketing executive",
            "HR advisor",
            "Trainee accountant",
            "Bookkeeper",
            "Legal secretary",
            "Production supervisor",
        ],
        "description": "Accounting, legal, marketing and HR skills, and the leadership and "
        "management skills small firms in every sector asked for.",
        "evidence": "Professional firms reported needs for accounts, payroll and legal "
        "staff; supervisors and managers were a need across all sectors.",
    },
]

#: Per priority (in order): actions as (title, aims, description, [(activity, leads)]).
ACTIONS = [
    [
        (
            "CNC and multi-skilled maintenance bootcamps",
            [Aim.OFFER, Aim.EMPLOYERS],
            "Short, employer-designed courses for adults moving into machining and "
            "maintenance roles.",
            [
                ("Skills Bootcamp in CNC machining, two cohorts a year", ["Telford College"]),
                ("Maintenance engineering upskilling with local manufacturers", ["In-Comm"]),
            ],
        ),
        (
            "Food and drink production pathway",
            [Aim.OFFER, Aim.AWARENESS],
            "A level 2 to 4 pathway for food production operatives and technicians.",
            [("Food technician apprenticeship route", ["Harper Adams University"])],
        ),
        (
            "Engineering employers into schools",
            [Aim.AWARENESS, Aim.JOIN_UP],
            "Employers and careers services show young people manufacturing careers.",
            [("Manufacturing open days with the careers hub", ["Shropshire Chamber of Commerce"])],
        ),
    ],
    [
        (
            "Heat pump and solar PV installer training",
            [Aim.OFFER],
            "Upskilling plumbers and electricians for low-carbon heating and solar.",
            [("Low-carbon heating centre short courses", ["Telford College"])],
        ),
        (
            "Retrofit coordinator pathway",
            [Aim.OFFER, Aim.EMPLOYERS],
            "A route for experienced site staff into retrofit coordination (PAS 2035).",
            [("Retrofit coordinator level 5 pilot", ["In-Comm", "Telford College"])],
        ),
    ],
    [
        (
            "Care careers campaign and entry route",
            [Aim.AWARENESS, Aim.JOIN_UP],
            "Raising awareness of care careers with Jobcentre Plus and careers services.",
            [
                ("Care academy with Jobcentre Plus", ["Partners in Care", "DWP Wales & Marches"]),
            ],
        ),
        (
            "Progression to senior carer and nursing associate",
            [Aim.OFFER, Aim.EMPLOYERS],
            "Level 3 and 5 routes for care staff already in work.",
            [("Senior carer level 3 programme", ["Partners in Care"])],
        ),
    ],
    [
        (
            "Essential digital skills for the workforce",
            [Aim.OFFER, Aim.AWARENESS],
            "Free essential digital skills courses promoted to employers in every sector.",
            [("Essential digital skills in the workplace", ["Telford College"])],
        ),
        (
            "Software and data skills bootcamps",
            [Aim.OFFER, Aim.EMPLOYERS],
            "Bootcamps in software development and data analysis for career changers.",
            [("Data analysis bootcamp", ["In-Comm"])],
        ),
    ],
    [
        (
            "Leadership and management for small firms",
            [Aim.EMPLOYERS, Aim.OFFER],
            "Short leadership programmes for owner-managers and supervisors.",
            [("Leading small businesses programme", ["Harper Adams University"])],
        ),
        (
            "Accounting and legal apprenticeships with local firms",
            [Aim.EMPLOYERS, Aim.AWARENESS],
            "Encouraging professional firms to take on and use apprenticeship levy.",
            [("Professional apprenticeships network", ["Shropshire Chamber of Commerce"])],
        ),
    ],
]

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


def load_marches_plan(area) -> Plan | None:
    """Build the illustrative plan of The Marches' 2026-2029 cycle once (None if the cycle is
    missing); a plan that already exists for the cycle is left as it is."""
    cycle = Cycle.objects.filter(area=area, start_year=CYCLE_START).first()
    if cycle is None:
        return None
    existing = Plan.objects.filter(cycle=cycle).first()
    if existing is not None:
        return existing
    with transaction.atomic(), acting_as(None, LABEL):
        with revisions.one_revision(None, f"Plan '{TITLE}' loaded for the demo"):
            plan = _build(area, cycle)
        revisions.freeze(plan, SNAPSHOT, None)
    return plan


def _build(area, cycle) -> Plan:
    """The plan and all its parts, written through `lsip.plans.services`."""
    plan = services.create_plan(
        cycle=cycle,
        title=TITLE,
        actor=None,
        summary=f"{NOTE} Five priorities drawn from the illustrative employers' skills "
        "needs in the area's four focus sectors, with the actions and activities agreed "
        "for each.",
    )
    sectors = {s.name: s for s in Sector.objects.filter(area=area)}
    national = {s.name: s for s in Sector.objects.filter(area=None)}
    organisations = {o.name: o for o in Organisation.objects.filter(area=area)}
    priorities = [
        _priority(plan, number, spec, sectors, national) for number, spec in enumerate(PRIORITIES)
    ]
    for priority, actions in zip(priorities, ACTIONS, strict=True):
        _actions(priority, actions, organisations)
    _occupations(plan, sectors)
    _outcomes(plan, priorities)
    _context(plan, priorities, national)
    _duties(plan, priorities)
    return plan


def _priority(plan, position, spec, sectors, national):
    needs = SkillsNeed.objects.filter(area=plan.area).filter(
        Q(soc_code__in=spec["soc_codes"]) | Q(words__in=spec["words"])
    )
    linked = [sectors[spec["sector"]], *(national[n] for n in spec["national"] if n in national)]
    return services.save(
        Priority(
            plan=plan,
            position=position,
            title=spec["title"],
            description=f"{spec['description']} {NOTE}",
            soc_codes=spec["soc_codes"],
            sic_codes=spec["sic_codes"],
            levels=spec["levels"],
            evidence_note=spec["evidence"],
        ),
        actor=None,
        links={"sectors": linked, "skills_needs": list(needs)},
    )


def _actions(priority, actions, organisations):
    start = datetime.date(2026, 9, 1)
    for number, (title, aims, description, activities) in enumerate(actions):
        action = services.save(
            Action(
                priority=priority,
                position=number,
                title=title,
                description=f"{description} {NOTE}",
                aims=[str(a) for a in aims],
                expected_outcomes="More people trained in the skills employers reported.",
                measures="Starts, completions and employers involved, reported each quarter.",
            ),
            actor=None,
        )
        for place, (activity, leads) in enumerate(activities):
            services.save(
                Activity(
                    action=action,
                    position=place,
                    title=activity,
                    start=start,
                    end=datetime.date(2029, 3, 31),
                    milestones="March 2027: first cohort recruited\nMarch 2028: review with "
                    "employers\nMarch 2029: completed and evaluated",
                    expected_outcomes="Illustrative: learners into the roles employers named.",
                    measures="Learner numbers and employer feedback.",
                ),
                actor=None,
                links={
                    "leads": [organisations[name] for name in leads],
                    "partners": [organisations["Shropshire Chamber of Commerce"]],
                },
            )


def _occupations(plan, sectors):
    for position, (name, socs, sector, sics) in enumerate(OCCUPATIONS):
        services.save(
            OccupationEntry(
                plan=plan,
                position=position,
                name=name,
                soc_codes=socs,
                sector=sectors[sector],
                sic_codes=sics,
            ),
            actor=None,
        )
    services.save(
        OccupationEntry(
            plan=plan,
            position=len(OCCUPATIONS),
            soc_codes=[],
            sector=sectors[CONSTRUCTION],
            sic_codes=["43", "71.12"],
            **RETROFIT,
        ),
        actor=None,
    )


def _outcomes(plan, priorities):
    for position, (area, name, metric, unit, base, target, steps, numbers) in enumerate(OUTCOMES):
        services.save(
            Outcome(
                plan=plan,
                position=position,
                area_of_outcome=area,
                name=name,
                metric=metric,
                unit=unit,
                baseline=base,
                baseline_date=datetime.date(2025, 3, 31),
                target=target,
                milestone_year1=steps[0],
                milestone_year2=steps[1],
                milestone_year3=steps[2],
                data_source="Illustrative figures for the demo (LSIP engagement record and "
                "provider returns in a real plan)",
            ),
            actor=None,
            links={"priorities": [priorities[n - 1] for n in numbers]},
        )


def _context(plan, priorities, national):
    for position, (name, (reflected, numbers, statement)) in enumerate(CONTEXT.items()):
        services.save(
            ContextLink(
                plan=plan,
                position=position,
                kind=ContextLink.Kind.INDUSTRIAL_STRATEGY,
                name=name,
                sector=national.get(name),
                reflected=reflected,
                statement=statement,
            ),
            actor=None,
            links={"priorities": [priorities[n - 1] for n in numbers]},
        )


def _duties(plan, priorities):
    for position, (kind, (how, numbers)) in enumerate(DUTIES.items()):
        services.save(
            Duty(plan=plan, position=position, kind=kind, how_considered=how),
            actor=None,
            links={"priorities": [priorities[n - 1] for n in numbers]},
        )

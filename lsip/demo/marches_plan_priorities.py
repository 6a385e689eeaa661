"""The illustrative priorities of The Marches demo's plan and the actions agreed for each,
with their activities and lead organisations (`marches_plan` builds them; all invented for the
demo, following the sectors and job titles of the illustrative employers' skills needs)."""

from lsip.plans.models import Aim

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
            [
                (
                    "Manufacturing open days with the careers hub",
                    ["Shropshire Chamber of Commerce"],
                    ["Telford & Wrekin Council"],
                )
            ],
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
            [
                (
                    "Professional apprenticeships network",
                    ["Shropshire Chamber of Commerce"],
                    ["Telford College"],
                )
            ],
        ),
    ],
]

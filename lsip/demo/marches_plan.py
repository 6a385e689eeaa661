"""An illustrative plan for The Marches demo's 2026-2029 cycle, built from its illustrative
evidence (`marches_evidence`) and its four focus sectors (`marches_sectors`); what it says is
in `marches_plan_priorities` (priorities, actions, activities) and `marches_plan_annexes`
(Annex A, outcomes, context, duties).

Everything here is invented for the demo: it is not The Marches' LSIP. The five priorities
follow the sectors and job titles of the illustrative employers' skills needs; each is linked
to the needs coded to its SOC 2020 unit groups (or, where the coder was not installed when
the evidence loaded, reported in those words). The actions, activities, Annex A table,
outcomes, context links and duties are written through `lsip.plans.services` inside one
revision, so the plan opens at version 1, and a snapshot "Substantive draft submitted 31 March
2026" freezes it. Running it again changes nothing.
"""

import datetime

from django.db import transaction
from django.db.models import Q

from lsip.areas.models import Cycle
from lsip.audit.context import acting_as
from lsip.demo.marches_plan_annexes import CONTEXT, DUTIES, OCCUPATIONS, OUTCOMES, RETROFIT
from lsip.demo.marches_plan_priorities import ACTIONS, CONSTRUCTION, PRIORITIES
from lsip.engagement.models import SkillsNeed
from lsip.organisations.models import Organisation
from lsip.plans import revisions, services
from lsip.plans.models import (
    Action,
    Activity,
    ContextLink,
    Duty,
    OccupationEntry,
    Outcome,
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
        chamber = organisations["Shropshire Chamber of Commerce"]
        for place, (activity, lead_names, *named_partners) in enumerate(activities):
            leads = [organisations[name] for name in lead_names]
            # The ERB supports every activity it does not lead itself; those it leads name
            # their own partners (SG Annex B: a lead or a partner, not both).
            partners = [organisations[n] for n in named_partners[0]] if named_partners else []
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
                    "leads": leads,
                    "partners": partners if chamber in leads else [chamber, *partners],
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

"""A small plan of The Marches for the delivery tests: two priorities, three actions, four
activities led or supported by Telford College (the partner's organisation) and by others."""

import datetime

import pytest

from lsip.areas.models import Cycle
from lsip.organisations.models import Organisation
from lsip.plans.models import Action, Activity, Outcome, Plan, Priority


@pytest.fixture
def other_college(marches):
    return Organisation.objects.create(
        area=marches, name="Hereford College", type=Organisation.Type.FE_COLLEGE
    )


@pytest.fixture
def plan(marches, college, other_college):
    """Telford College leads "Care bootcamp" and supports "Robotics short course"; Hereford
    College leads those and "Digital skills week"; "Retrofit academy" has no partner."""
    cycle = Cycle.objects.create(
        area=marches, start_year=2026, end_year=2029, status=Cycle.Status.PUBLISHED
    )
    plan = Plan.objects.create(area=marches, cycle=cycle, title="The Marches LSIP 2026 to 2029")
    care = Priority.objects.create(plan=plan, title="Health and care", position=0)
    make = Priority.objects.create(plan=plan, title="Advanced manufacturing", position=1)
    care_action = Action.objects.create(priority=care, title="Care pathways", aims=["offer"])
    make_action = Action.objects.create(priority=make, title="Automation skills", aims=["offer"])
    green_action = Action.objects.create(
        priority=make, title="Green construction", aims=["offer"], position=1
    )
    start, end = datetime.date(2026, 9, 1), datetime.date(2027, 8, 31)

    def activity(action, title, leads, partners=(), position=0):
        made = Activity.objects.create(
            action=action, title=title, start=start, end=end, position=position
        )
        made.leads.set(leads)
        made.partners.set(partners)
        return made

    plan.care_bootcamp = activity(care_action, "Care bootcamp", [college])
    plan.robotics = activity(make_action, "Robotics short course", [other_college], [college])
    plan.digital = activity(make_action, "Digital skills week", [other_college], position=1)
    plan.retrofit = activity(green_action, "Retrofit academy", [])
    plan.care_outcome = Outcome.objects.create(
        plan=plan,
        area_of_outcome="skills",
        name="More care learners",
        metric="Care starts",
        unit="learners",
        baseline=100,
        baseline_date=datetime.date(2025, 7, 31),
        target=250,
        milestone_year1=150,
        milestone_year2=200,
        milestone_year3=250,
        data_source="College returns",
    )
    plan.care_outcome.priorities.set([care])
    return plan

"""Each readiness check, failing and then passing on the least data that makes it so (the
guidance section each reads is in its docstring, lsip.approval.checks)."""

import datetime

import pytest

from lsip.approval import checks
from lsip.approval.readiness import check_ids, check_plan
from lsip.engagement.models import Engagement
from lsip.governance.models import Board, Person, RegisterEntry
from lsip.organisations.models import Organisation, Ownership, SizeBand
from lsip.plans.models import (
    Action,
    Activity,
    ContextLink,
    Duty,
    OccupationEntry,
    Outcome,
    Priority,
)
from lsip.sectors.models import Sector

D = datetime.date(2026, 1, 15)
T = Organisation.Type


def run(check_id, plan):
    return checks.CHECKS_BY_ID[check_id].run(plan)


def priority(plan, title="Care workforce", **fields):
    return Priority.objects.create(plan=plan, title=title, **fields)


def organisation(plan, name, type_=T.EMPLOYER, **fields):
    return Organisation.objects.create(area=plan.area, name=name, type=type_, **fields)


def engage(plan, *organisations, cycle=True):
    engagement = Engagement.objects.create(
        area=plan.area,
        cycle=plan.cycle if cycle else None,
        type=Engagement.Type.INTERVIEW,
        date=D,
    )
    engagement.organisations.add(*organisations)
    return engagement


def activity(action, lead, **fields):
    values = {"title": "Care academy", "start": D, "end": D.replace(year=2027)}
    values.update(fields)
    made = Activity.objects.create(action=action, **values)
    made.leads.add(lead)
    return made


def test_every_check_has_an_id_a_statement_and_a_section(plan):
    report = check_plan(plan)
    assert [c.id for c in report.checks] == check_ids()
    assert len(set(check_ids())) == len(check_ids()) >= 18
    for result in report.checks:
        assert result.statement.endswith(".")
        assert result.section.startswith(("SG", "Skills and Post-16"))
        assert result.result in ("pass", "warning", "fail")
        assert result.found
        assert result.fix_url.startswith(f"/areas/{plan.area.slug}/")


def test_priorities_count(plan, settings):
    assert run("priorities-count", plan).result == "fail"
    for n in range(3):
        priority(plan, f"Priority {n}")
    found = run("priorities-count", plan)
    assert (found.result, found.found) == (
        "warning",
        "The plan has 3 priorities. The guidance expects around 4 to 6.",
    )
    priority(plan, "Priority 4")
    assert run("priorities-count", plan).result == "pass"
    settings.LSIP_READINESS = {**settings.LSIP_READINESS, "PRIORITIES_MIN": 5}
    assert run("priorities-count", plan).result == "warning"  # the threshold is a setting


def test_strategic_authority_priorities_in_a_devolved_area(devolved_plan):
    link = ContextLink.objects.create(
        plan=devolved_plan, kind="sa", name="Advanced manufacturing", statement="No evidence"
    )
    assert run("strategic-authority-priorities", devolved_plan).result == "pass"
    link.reflected = False
    link.save()
    found = run("strategic-authority-priorities", devolved_plan)
    assert (found.result, found.blocks_submission, found.items) == ("fail", True, [link])
    assert "cannot be submitted" in found.found


def test_local_priorities_in_a_non_devolved_area_only_warn(plan):
    assert run("strategic-authority-priorities", plan).result == "warning"  # none recorded
    link = ContextLink.objects.create(plan=plan, kind="sa", name="Agri-food", statement="P1")
    assert run("strategic-authority-priorities", plan).result == "pass"
    link.reflected = False
    link.save()
    found = run("strategic-authority-priorities", plan)
    assert (found.result, found.blocks_submission) == ("warning", False)


def test_industrial_strategy_sectors(plan):
    assert run("industrial-strategy-sectors", plan).result == "fail"
    national = list(Sector.objects.filter(area__isnull=True))
    assert len(national) >= 10
    first = priority(plan)
    first.sectors.add(national[0])
    found = run("industrial-strategy-sectors", plan)
    assert found.result == "warning"
    assert national[1].name in found.found
    links = [
        ContextLink.objects.create(
            plan=plan, kind="is", name=sector.name, sector=sector, reflected=False,
            statement="Few employers in the area",
        )
        for sector in national[1:]
    ]  # fmt: skip
    assert run("industrial-strategy-sectors", plan).result == "pass"
    links[0].statement = "  "  # a sector named with nothing said about it
    links[0].save()
    found = run("industrial-strategy-sectors", plan)
    assert (found.result, found.items) == ("warning", [national[1]])


def test_occupations_soc(plan):
    assert run("occupations-soc", plan).result == "fail"
    entry = OccupationEntry.objects.create(plan=plan, name="Retrofit coordinator")
    found = run("occupations-soc", plan)
    assert (found.result, found.items) == ("fail", [entry])
    entry.definition, entry.rationale = "Plans whole-house retrofit", "Too new for SOC 2020"
    entry.save()
    assert run("occupations-soc", plan).result == "pass"
    OccupationEntry.objects.create(plan=plan, name="Care worker", soc_codes=["6135"])
    assert run("occupations-soc", plan).result == "pass"


def test_industries_sic(plan):
    assert run("industries-sic", plan).result == "fail"
    entry = OccupationEntry.objects.create(plan=plan, name="Care worker", soc_codes=["6135"])
    assert run("industries-sic", plan).result == "warning"
    entry.sic_codes = ["87.10"]
    entry.save()
    assert run("industries-sic", plan).result == "pass"
    priority(plan)  # neither codes nor a sector
    assert run("industries-sic", plan).result == "warning"


def test_net_zero(plan):
    assert run("net-zero", plan).result == "fail"
    Duty.objects.create(plan=plan, kind=Duty.Kind.NET_ZERO, how_considered="Retrofit skills")
    assert run("net-zero", plan).result == "warning"
    for kind in (Duty.Kind.ADAPTATION, Duty.Kind.ENVIRONMENT):
        Duty.objects.create(plan=plan, kind=kind, how_considered="Flood resilience")
    assert run("net-zero", plan).result == "pass"


def test_equality(plan):
    assert run("equality", plan).result == "warning"
    Duty.objects.create(plan=plan, kind=Duty.Kind.EQUALITY, how_considered="Care leavers")
    assert run("equality", plan).result == "pass"


def test_employers_sizes(plan):
    assert run("employers-sizes", plan).result == "fail"
    engage(plan, organisation(plan, "Big Co", size_band=SizeBand.LARGE))
    found = run("employers-sizes", plan)
    assert found.result == "warning"
    assert "SMEs are 0%" in found.found
    engage(
        plan,
        *[organisation(plan, f"Firm {band}", size_band=band) for band in SizeBand.values[:-1]],
        cycle=False,  # an engagement in no cycle counts too
    )
    assert run("employers-sizes", plan).result == "pass"


def test_employers_public_private(plan):
    assert run("employers-public-private", plan).result == "fail"
    engage(plan, organisation(plan, "Firm", ownership=Ownership.PRIVATE))
    assert run("employers-public-private", plan).result == "warning"
    engage(plan, organisation(plan, "NHS Trust", ownership=Ownership.PUBLIC))
    assert run("employers-public-private", plan).result == "pass"


def test_employers_beyond_membership(plan):
    assert run("employers-beyond-membership", plan).result == "warning"
    engage(plan, organisation(plan, "Member", erb_member=True))
    assert run("employers-beyond-membership", plan).result == "warning"
    engage(plan, organisation(plan, "Not a member", erb_member=False))
    assert run("employers-beyond-membership", plan).result == "pass"


def test_providers_engaged(plan):
    assert run("providers-engaged", plan).result == "fail"
    engage(plan, organisation(plan, "Telford College", T.FE_COLLEGE))
    found = run("providers-engaged", plan)
    assert found.result == "warning"
    assert "higher education provider" in found.found
    kinds = [T.SIXTH_FORM_COLLEGE, T.INDEPENDENT_TRAINING_PROVIDER, T.HIGHER_EDUCATION,
             T.LOCAL_AUTHORITY_PROVIDER]  # fmt: skip
    engage(plan, *[organisation(plan, f"Provider {k}", k) for k in kinds])
    assert run("providers-engaged", plan).result == "pass"


def test_stakeholders_engaged(plan):
    assert run("stakeholders-engaged", plan).result == "fail"
    engage(plan, organisation(plan, "DWP Marches", T.JOBCENTRE_PLUS))
    assert run("stakeholders-engaged", plan).result == "warning"
    engage(plan, organisation(plan, "Unison", T.TRADE_UNION))
    assert run("stakeholders-engaged", plan).result == "pass"


def test_actions_outcomes(plan):
    assert run("actions-outcomes", plan).result == "fail"
    action = Action.objects.create(priority=priority(plan), title="Recruit carers", aims=["offer"])
    assert run("actions-outcomes", plan).items == [action]
    action.expected_outcomes, action.measures = "200 more carers", "Starts on the academy"
    action.save()
    assert run("actions-outcomes", plan).result == "pass"


def test_activities_complete(plan, college):
    assert run("activities-complete", plan).result == "fail"
    action = Action.objects.create(priority=priority(plan), title="Recruit carers", aims=["offer"])
    made = activity(action, college)
    found = run("activities-complete", plan)
    assert found.result == "fail"
    assert "no partners, milestones, outcomes, measure" in found.found
    made.partners.add(organisation(plan, "Partners in Care", T.SECTOR_BODY))
    made.milestones, made.expected_outcomes, made.measures = "Sept: first cohort", "Cohort", "N"
    made.save()
    assert run("activities-complete", plan).result == "pass"
    Action.objects.create(priority=action.priority, title="Second", aims=["offer"])
    assert run("activities-complete", plan).result == "warning"  # an action with no activity


def test_outcomes_measured(plan):
    assert run("outcomes-measured", plan).result == "fail"
    outcome = Outcome.objects.create(
        plan=plan, area_of_outcome="skills", name="More carers", metric="Starts", unit="people",
        data_source="ILR", baseline=100,
    )  # fmt: skip
    found = run("outcomes-measured", plan)
    assert (found.result, found.items) == ("fail", [outcome])  # no target to measure against
    assert "without a baseline or target" in found.found
    outcome.target = 300
    outcome.save()
    found = run("outcomes-measured", plan)  # SG 7: milestones "should" be considered
    assert (found.result, found.items) == ("warning", [outcome])
    outcome.milestone_year1, outcome.milestone_year2, outcome.milestone_year3 = 150, 220, 300
    outcome.save()
    assert run("outcomes-measured", plan).result == "pass"


@pytest.fixture
def board(plan):
    return Board.objects.create(area=plan.area, cycle=plan.cycle, name="Marches LSIP Board")


def test_governance_described(plan):
    assert run("governance-described", plan).result == "fail"
    board = Board.objects.create(area=plan.area, cycle=plan.cycle, name="Marches LSIP Board")
    assert "no terms of reference" in run("governance-described", plan).found
    board.terms_of_reference = "A sub-committee of the ERB's board"
    board.save()
    assert "no members" in run("governance-described", plan).found
    Person.objects.create(board=board, kind=Person.Kind.MEMBER, name="Ruth Ross")
    assert run("governance-described", plan).result == "pass"


def test_register_of_interests(plan, board):
    member = Person.objects.create(board=board, kind=Person.Kind.MEMBER, name="David Williams")
    entry = RegisterEntry.objects.create(person=member, requested_on=D)
    found = run("register-of-interests", plan)
    assert (found.result, found.items) == ("fail", [member])
    entry.status = RegisterEntry.Status.NONE
    entry.save()
    found = run("register-of-interests", plan)  # Annex C: the ERB must publish its policy
    assert (found.result, found.found.startswith("Register complete")) == ("fail", True)
    board.conflicts_policy = "Members declare their interests at every meeting."
    board.save()
    assert run("register-of-interests", plan).result == "pass"


def test_main_body_length(plan, settings):
    """Counted from the latest PDF build of the plan (lsip.documents, issue 12)."""
    from lsip.documents.models import Build
    from lsip.documents.services import PLAN

    found = run("main-body-length", plan)
    assert (found.result, found.found) == (
        "warning",
        "No document built yet, so its pages cannot be counted.",
    )
    Build.objects.create(plan=plan, document=PLAN, format="pdf", file="x.pdf", main_body_pages=31)
    assert run("main-body-length", plan).result == "warning"
    settings.LSIP_READINESS = {**settings.LSIP_READINESS, "MAIN_BODY_PAGES": 32}
    assert run("main-body-length", plan).result == "pass"

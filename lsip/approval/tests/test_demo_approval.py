"""The Marches demo as a newcomer finds it on the approval pages: a plan with a few readiness
checks failing (not all, not none) and one disagreement on the log, which stops submission
until it is referred to Skills England."""

import pytest

from lsip.approval import lifecycle
from lsip.approval.models import Disagreement
from lsip.approval.readiness import check_plan
from lsip.demo import marches
from lsip.plans.models import Plan


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The Marches demo loaded once for the module, rolled back afterwards."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        area = marches.load()
        marches.load()  # loading again adds nothing
        yield area
        transaction.set_rollback(True)


def test_the_demo_plan_fails_a_few_checks(demo, db):
    plan = Plan.objects.get(cycle__area=demo, cycle__start_year=2026)
    report = check_plan(plan)
    failing = {c.id for c in report.failures}
    assert 1 <= len(failing) <= 5, failing  # a few: enough to show what the checker finds
    assert report.counts["pass"] > len(failing)
    assert failing == {"providers-engaged", "stakeholders-engaged", "register-of-interests"}
    assert not report.blocking  # none stops submission outright: the person may confirm


def test_the_demo_has_one_disagreement_that_stops_submission(demo, db):
    [disagreement] = Disagreement.objects.filter(area=demo)
    assert disagreement.stage == Disagreement.Stage.GOVERNANCE
    assert [e.stage for e in disagreement.events.all()] == ["raised", "governance"]
    reasons = lifecycle.problems(disagreement.cycle, lifecycle.Kind.DRAFT_SUBMITTED)
    assert any(disagreement.subject in r and "Skills England" in r for r in reasons)

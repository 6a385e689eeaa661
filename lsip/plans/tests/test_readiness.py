"""Statutory guidance 3.5: an LSIP must reflect the Strategic Authority's sector skills
priorities or it will not be approved. A priority marked "not reflected" keeps its reason as
the note of the disagreement, but the plan is not ready and its cycle cannot be marked
submitted; in an area without a Strategic Authority it is a warning (SG 2.2 "should")."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lsip.areas import services as areas
from lsip.areas.models import Cycle
from lsip.plans import readiness, services
from lsip.plans.models import ContextLink

WMCA = "west-midlands"


@pytest.fixture
def devolved_plan(west_midlands, people):
    assert west_midlands.is_devolved
    cycle = Cycle.objects.create(
        area=west_midlands, start_year=2026, end_year=2029, status=Cycle.Status.DEVELOPING
    )
    return services.create_plan(
        cycle=cycle, title="West Midlands LSIP 2026 to 2029", actor=people["other_area_admin"]
    )


@pytest.fixture
def marches_plan(marches, people):
    assert not marches.is_devolved
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    return services.create_plan(
        cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=people["erb_admin"]
    )


def local_priority(plan, actor, *, reflected, name="Advanced manufacturing skills"):
    link = ContextLink(
        plan=plan,
        kind=ContextLink.Kind.STRATEGIC_AUTHORITY,
        name=name,
        reflected=reflected,
        statement="Covered by priority 1" if reflected else "The board disagrees: see minutes",
    )
    return services.save(link, actor=actor)


class TestTheRule:
    def test_an_unreflected_strategic_authority_priority_stops_submission(
        self, devolved_plan, people
    ):
        link = local_priority(devolved_plan, people["other_area_admin"], reflected=False)
        found = readiness.strategic_authority_priorities(devolved_plan)
        assert found.items == [link]
        assert found.blocks_submission
        assert "3.5" in found.section
        assert "cannot be submitted" in found.message
        assert readiness.blocking(devolved_plan) == [found]
        link.refresh_from_db()
        assert link.statement == "The board disagrees: see minutes"  # the reason is kept

    def test_reflected_priorities_pass(self, devolved_plan, people):
        local_priority(devolved_plan, people["other_area_admin"], reflected=True)
        assert readiness.strategic_authority_priorities(devolved_plan) is None
        assert readiness.blocking(devolved_plan) == []

    def test_national_sectors_not_reflected_do_not_count(self, devolved_plan, people):
        services.save(
            ContextLink(
                plan=devolved_plan,
                kind=ContextLink.Kind.INDUSTRIAL_STRATEGY,
                name="Defence",
                reflected=False,
                statement="No defence employers in the area's evidence",
            ),
            actor=people["other_area_admin"],
        )
        assert readiness.findings(devolved_plan) == []

    def test_without_a_strategic_authority_it_is_a_warning(self, marches_plan, people):
        local_priority(marches_plan, people["erb_admin"], reflected=False)
        found = readiness.strategic_authority_priorities(marches_plan)
        assert not found.blocks_submission
        assert "2.2" in found.section
        assert readiness.blocking(marches_plan) == []


class TestSubmission:
    def test_the_cycle_cannot_be_marked_submitted(self, devolved_plan, people):
        local_priority(devolved_plan, people["other_area_admin"], reflected=False)
        cycle = devolved_plan.cycle
        with pytest.raises(ValidationError) as refused:
            areas.update_cycle(
                cycle=cycle, actor=people["other_area_admin"], status=Cycle.Status.SUBMITTED
            )
        assert "cannot be submitted" in str(refused.value.message_dict["status"])
        cycle.refresh_from_db()
        assert cycle.status == Cycle.Status.DEVELOPING

    def test_nor_marked_approved_or_published_without_being_submitted(self, devolved_plan, people):
        local_priority(devolved_plan, people["other_area_admin"], reflected=False)
        for status in (Cycle.Status.APPROVED, Cycle.Status.PUBLISHED):
            with pytest.raises(ValidationError):
                areas.update_cycle(
                    cycle=devolved_plan.cycle, actor=people["other_area_admin"], status=status
                )

    def test_once_reflected_the_cycle_is_submitted(self, devolved_plan, people):
        link = local_priority(devolved_plan, people["other_area_admin"], reflected=False)
        link.reflected, link.statement = True, "Now priority 2"
        services.save(link, actor=people["other_area_admin"], expected_version=link.version)
        areas.update_cycle(
            cycle=devolved_plan.cycle,
            actor=people["other_area_admin"],
            status=Cycle.Status.SUBMITTED,
        )
        devolved_plan.cycle.refresh_from_db()
        assert devolved_plan.cycle.status == Cycle.Status.SUBMITTED


class TestPages:
    def test_the_plan_and_context_pages_say_it_stops_submission(
        self, client, devolved_plan, people
    ):
        link = local_priority(devolved_plan, people["other_area_admin"], reflected=False)
        client.force_login(people["other_area_admin"])
        kwargs = {"area_slug": WMCA, "pk": devolved_plan.pk}
        for name in ("plans:plan-detail", "plans:context-list"):
            page = client.get(reverse(name, kwargs=kwargs)).content.decode()
            assert "The plan cannot be submitted" in page
            assert link.name in page
        context = client.get(reverse("plans:context-list", kwargs=kwargs)).content.decode()
        assert "No: stops submission" in context

    def test_no_warning_when_every_priority_is_reflected(self, client, devolved_plan, people):
        local_priority(devolved_plan, people["other_area_admin"], reflected=True)
        client.force_login(people["other_area_admin"])
        kwargs = {"area_slug": WMCA, "pk": devolved_plan.pk}
        for name in ("plans:plan-detail", "plans:context-list"):
            page = client.get(reverse(name, kwargs=kwargs)).content.decode()
            assert "cannot be submitted" not in page
            assert "readiness-1" not in page

    def test_the_form_says_an_unreflected_priority_stops_submission(
        self, client, devolved_plan, people
    ):
        client.force_login(people["other_area_admin"])
        kwargs = {"area_slug": WMCA, "pk": devolved_plan.pk}
        page = client.get(reverse("plans:context-create", kwargs=kwargs)).content.decode()
        assert "cannot be submitted while a Strategic Authority priority" in page

"""A priority names its sectors so that a national sector and the area's copy of it, which
share a name, can be told apart (issue 19; docs/decisions/0043-sector-names.md)."""

from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.plans import services
from lsip.plans.models import Priority
from lsip.sectors.models import Sector


def test_a_priority_with_both_health_sectors_says_whose_each_is(marches, people, client):
    national = Sector.objects.get(area=None, name="Health and social care")
    own = Sector.objects.create(
        area=marches, name="Health and social care", kind="area", sic_codes=["86"]
    )
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    admin = people["erb_admin"]
    plan = services.create_plan(cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=admin)
    priority = services.save(Priority(plan=plan, title="Care workforce"), actor=admin)
    priority.sectors.set([national, own])
    client.force_login(admin)
    page = client.get(
        reverse("plans:priority-detail", kwargs={"area_slug": "the-marches", "pk": priority.pk})
    ).content.decode()
    assert "Health and social care (national)" in page
    assert "Health and social care (The Marches)" in page
    form = client.get(
        reverse("plans:priority-update", kwargs={"area_slug": "the-marches", "pk": priority.pk})
    ).content.decode()
    assert form.count("Health and social care (") == 2
    assert "Foundation sectors (national)" in form
    assert "s own sectors" in form

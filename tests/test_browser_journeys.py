"""First-time journeys in headless Chromium: where each person lands after signing in, and
the area overview an ERB works from."""

import pytest

from conftest import sign_in
from lsip.accounts.models import RoleAssignment
from lsip.accounts.roles import Role
from lsip.organisations.models import Organisation

pytestmark = pytest.mark.browser

LANDINGS = {
    "erb_admin": ("/areas/the-marches/", "The Marches"),
    "board_member": ("/areas/the-marches/", "The Marches"),
    "partner": ("/areas/the-marches/", "The Marches"),
    "sa_partner": ("/areas/the-marches/", "The Marches"),
    "skills_england": ("/england/", "All LSIP areas"),
    "other_area_admin": ("/areas/west-midlands/", "West Midlands"),
}


@pytest.mark.django_db(transaction=True)
def test_each_person_lands_on_their_own_work_after_signing_in(browser, live_server, people):
    for name, (path, heading) in LANDINGS.items():
        page = browser.new_page()
        sign_in(page, live_server, f"{name}@example.org")
        page.wait_for_url(f"{live_server.url}{path}")
        assert page.get_by_role("heading", level=1).inner_text() == heading, name
        page.close()


@pytest.mark.django_db(transaction=True)
def test_a_person_of_two_areas_chooses_one(page, live_server, people, west_midlands):
    RoleAssignment.objects.create(
        user=people["erb_editor"], area=west_midlands, role=Role.ERB_ADMIN
    )
    sign_in(page, live_server, "erb_editor@example.org")
    page.wait_for_url(f"{live_server.url}/accounts/areas/")
    assert page.get_by_role("heading", level=1).inner_text() == "Choose an area"
    page.get_by_role("link", name="West Midlands").click()
    assert page.get_by_role("heading", level=1).inner_text() == "West Midlands"
    page.locator("header").get_by_role("link", name="Your areas").click()
    page.get_by_role("link", name="The Marches").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The Marches"


@pytest.mark.django_db(transaction=True)
def test_the_erb_works_from_the_overview(page, live_server, people, marches):
    Organisation.objects.create(area=marches, name="Ludlow Foods", type="employer")
    sign_in(page, live_server, "erb_editor@example.org")
    page.wait_for_url(f"{live_server.url}/areas/the-marches/")
    work = page.locator("#dashboard").inner_text()
    assert "0 employers engaged" in work
    assert "No plan opened yet" in work
    assert "Created organisation: Ludlow Foods" in page.locator("#recent-changes").inner_text()
    page.get_by_role("link", name="0 job titles waiting for review").click()
    assert "/areas/the-marches/coding/review/" in page.url

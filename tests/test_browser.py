"""End to end in headless Chromium: a person signs in and reads their area's page."""

import pytest

from conftest import PASSWORD, sign_in
from lsip.organisations.models import Organisation
from lsip.refdata.install import install

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_an_erb_admin_signs_in_and_sees_their_area(page, live_server, people, refdata_folder):
    install(source_dir=refdata_folder, keys=["lsip-lookup"])
    marches = people["erb_admin"].roles.get().area
    marches.erb = Organisation.objects.create(
        area=marches, name="Shropshire Chamber of Commerce", type="erb"
    )
    marches.save()

    sign_in(page, live_server, "erb_admin@example.org", "wrong password")
    summary = page.locator(".govuk-error-summary")
    assert "Enter a correct email address and password" in summary.inner_text()

    sign_in(page, live_server, "erb_admin@example.org", PASSWORD)
    page.get_by_role("link", name="The Marches").first.click()

    assert page.get_by_role("heading", level=1).inner_text() == "The Marches"
    assert "Shropshire Chamber of Commerce" in page.locator("header").inner_text()
    rows = page.locator("#local-authorities tbody tr")
    assert rows.count() == 3
    assert "E06000019" in rows.nth(0).inner_text()
    navigation = page.get_by_role("navigation", name="Area").inner_text()
    for item in ("Overview", "Organisations", "People", "Audit trail"):
        assert item in navigation

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"


@pytest.mark.django_db(transaction=True)
def test_the_public_sees_the_area_but_not_its_directory(page, live_server, people):
    page.goto(f"{live_server.url}/areas/the-marches/")
    navigation = page.get_by_role("navigation", name="Area").inner_text()
    assert "Organisations" not in navigation
    page.goto(f"{live_server.url}/areas/the-marches/organisations/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"

"""In headless Chromium: an ERB admin opens the readiness checker from the area's menu, sees a
failing check, follows its link to fix it, and comes back to find it passing."""

import pytest

from conftest import PASSWORD, sign_in
from lsip.approval.tests.conftest import open_plan

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_the_checker_page_shows_a_failing_check_and_where_to_fix_it(
    page, live_server, people, marches
):
    open_plan(marches, people["erb_admin"])
    sign_in(page, live_server, "erb_admin@example.org", PASSWORD)
    page.goto(f"{live_server.url}/areas/the-marches/")
    page.get_by_role("navigation", name="Area").get_by_role("link", name="Approval").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Timeline and approval"
    page.get_by_role("link", name="Run the readiness checker").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Readiness for submission"

    checker = page.url
    row = page.locator("#check-net-zero")
    assert row.get_attribute("data-result") == "fail"
    assert "does not say how it considered net zero" in row.inner_text()
    row.get_by_role("link", name="Fix this").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Cross-cutting duties"
    page.locator("#duty-net_zero").get_by_role("link").click()
    page.get_by_label("How the plan considered it").fill("Retrofit and heat pump skills")
    page.get_by_role("button").filter(has_text="Save").click()

    assert "Retrofit and heat pump skills" in page.locator("#main-content").inner_text()
    page.goto(checker)
    assert page.locator("#check-net-zero").get_attribute("data-result") == "warning"


@pytest.mark.django_db(transaction=True)
def test_submitting_shows_the_failing_checks_and_asks_for_confirmation(
    page, live_server, people, marches
):
    open_plan(marches, people["erb_admin"])
    sign_in(page, live_server, "erb_admin@example.org", PASSWORD)
    page.goto(f"{live_server.url}/areas/the-marches/approval/")
    page.locator("#next-draft_submitted").get_by_role("link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Substantive draft submitted"
    assert "failing" in page.locator("#readiness-summary").inner_text()
    assert page.locator("#check-net-zero").get_attribute("data-result") == "fail"

    page.get_by_role("button", name="Record: substantive draft submitted").click()
    assert "confirm to submit anyway" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Some readiness checks fail: submit anyway").check()
    page.get_by_role("button", name="Record: substantive draft submitted").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Timeline and approval"
    steps = page.locator("#steps").inner_text()
    assert "Substantive draft submitted" in steps
    assert "submitted with failing checks" in steps

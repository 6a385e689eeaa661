"""End to end in headless Chromium: an ERB editor opens the plan of a cycle, adds a priority,
an action with an aim and an activity with its lead and dates, finds it in Annex B and
downloads the table."""

from pathlib import Path

import pytest

from conftest import PASSWORD, sign_in
from lsip.areas.models import Cycle

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_an_erb_editor_builds_the_plan_down_to_annex_b(page, live_server, people, college):
    Cycle.objects.create(area=college.area, start_year=2026, end_year=2029)
    sign_in(page, live_server, "erb_editor@example.org", PASSWORD)
    page.goto(f"{live_server.url}/areas/the-marches/")
    page.get_by_role("navigation", name="Area").get_by_role("link", name="Plan").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The plan"

    page.get_by_role("link", name="Open the plan of 2026").first.click()
    page.get_by_role("button", name="Open the plan").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "The Marches Local Skills Improvement Plan 2026 to 2029"
    assert "The plan has 0 priorities" in page.locator("#priority-count-warning").inner_text()

    page.get_by_role("link", name="Add a priority").click()
    page.get_by_label("Title", exact=True).fill("Care workforce")
    page.get_by_label("Level 3").check()
    page.get_by_role("button", name="Save priority").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Care workforce"

    page.get_by_role("link", name="Add an action").first.click()
    page.get_by_label("Title", exact=True).fill("Recruit more carers")
    page.get_by_role("button", name="Save action").click()
    assert (
        "Choose at least one of the four aims" in page.locator(".govuk-error-summary").inner_text()
    )
    page.get_by_label("Improve the skills offer and simplify access").check()
    page.get_by_role("button", name="Save action").click()
    assert "Recruit more carers" in page.locator(".govuk-summary-card").inner_text()

    page.get_by_role("link", name="Add an activity").click()
    page.get_by_label("Title", exact=True).fill("Care academy")
    page.get_by_role("combobox", name="Lead organisation(s)").fill("telford")
    page.get_by_role("option", name="Telford College").click()
    start = page.get_by_role("group", name="Start date")
    for part, value in (("Day", "1"), ("Month", "9"), ("Year", "2026")):
        start.get_by_label(part).fill(value)
    end = page.get_by_role("group", name="End date")
    for part, value in (("Day", "31"), ("Month", "7"), ("Year", "2027")):
        end.get_by_label(part).fill(value)
    page.get_by_label("Milestones").fill("December 2026: first cohort starts")
    page.get_by_role("button", name="Save activity").click()
    assert "Care academy" in page.locator(".govuk-summary-card").inner_text()

    page.get_by_role("navigation", name="Plan sections").get_by_role(
        "link", name="Annex B: activities"
    ).click()
    row = page.locator("#annex-b tbody tr").first
    text = row.inner_text()
    for expected in (
        "Care workforce",
        "Recruit more carers",
        "Care academy",
        "Telford College",
        "1 Sep 2026 to 31 Jul 2027",
        "first cohort",
        "Planned",
    ):
        assert expected in text
    with page.expect_download() as downloading:
        page.get_by_role("link", name="CSV of Annex B").click()
    saved = downloading.value
    assert saved.suggested_filename == "the-marches-2026-2029-annex-b.csv"
    assert "Care academy" in Path(saved.path()).read_text(encoding="utf-8-sig")


@pytest.mark.django_db(transaction=True)
def test_two_editors_changing_different_fields_of_a_priority_both_keep_them(
    browser, live_server, people, marches
):
    from lsip.plans import services
    from lsip.plans.models import Priority

    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    admin = people["erb_admin"]
    plan = services.create_plan(cycle=cycle, title="The Marches LSIP", actor=admin)
    priority = services.save(Priority(plan=plan, title="Care", description="Carers"), actor=admin)
    edit = f"{live_server.url}/areas/the-marches/plan/priorities/{priority.pk}/edit/"
    first, second = browser.new_page(), browser.new_page()
    sign_in(first, live_server, "erb_admin@example.org", PASSWORD)
    sign_in(second, live_server, "erb_editor@example.org", PASSWORD)
    first.goto(edit)
    second.goto(edit)

    first.get_by_label("Title", exact=True).fill("Care workforce")
    first.get_by_role("button", name="Save priority").click()
    second.get_by_label("Description").fill("Carers and nurses")
    second.get_by_role("button", name="Save priority").click()
    assert second.get_by_role("heading", level=1).inner_text() == "Care workforce"
    priority.refresh_from_db()
    assert (priority.title, priority.description) == ("Care workforce", "Carers and nurses")

    first.goto(edit)
    second.goto(edit)
    first.get_by_label("Title", exact=True).fill("Social care")
    first.get_by_role("button", name="Save priority").click()
    second.get_by_label("Title", exact=True).fill("Health and care")
    second.get_by_role("button", name="Save priority").click()
    assert "You both changed: Title" in second.locator(".govuk-error-summary").inner_text()
    priority.refresh_from_db()
    assert priority.title == "Social care"
    first.close()
    second.close()

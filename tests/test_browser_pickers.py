"""End to end in headless Chromium: choosing organisations with the picker (accessible-
autocomplete) on the engagement form, the plain multiple select without JavaScript, and
finding a SOC code by its title in the review queue."""

import pytest

from conftest import sign_in
from lsip.classification.models import CodingReview
from lsip.engagement.models import Engagement
from lsip.organisations.models import Organisation
from lsip.refdata.install import install

pytestmark = pytest.mark.browser


def fill_engagement(page, type_label="One-to-one interview"):
    page.get_by_label("Type of engagement").select_option(label=type_label)
    page.get_by_label("Day").fill("4")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2025")


@pytest.mark.django_db(transaction=True)
def test_organisations_are_picked_by_typing_and_unticked_to_remove(page, live_server, people):
    marches = people["erb_editor"].roles.get().area
    for name in ("Paveaways", "Ludlow Brewing", "Hereford Cider Ltd"):
        Organisation.objects.create(area=marches, name=name, type="employer")
    sign_in(page, live_server, "erb_editor@example.org")
    page.goto(f"{live_server.url}/areas/the-marches/engagement/new/")
    fill_engagement(page)

    search = page.get_by_role("combobox", name="Organisations engaged")
    search.fill("pave")
    page.get_by_role("option", name="Paveaways").click()
    chosen = page.get_by_role("group", name="Chosen organisations")
    assert chosen.get_by_role("checkbox", name="Paveaways").is_checked()
    assert search.input_value() == ""  # ready for the next one

    search.fill("brew")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert chosen.get_by_role("checkbox", name="Ludlow Brewing").is_checked()
    assert "Added Ludlow Brewing. 2 chosen." in page.get_by_role("status").all_inner_texts()

    search.fill("cider")
    page.get_by_role("option", name="Hereford Cider Ltd").click()
    chosen.get_by_role("checkbox", name="Hereford Cider Ltd").uncheck()
    search.fill("pave")  # one already chosen is not offered again
    assert page.get_by_role("option", name="Paveaways").count() == 0

    page.get_by_role("button", name="Save engagement").click()
    assert "saved" in page.locator(".govuk-notification-banner").inner_text()
    engagement = Engagement.objects.get()
    assert sorted(o.name for o in engagement.organisations.all()) == [
        "Ludlow Brewing",
        "Paveaways",
    ]


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_multiple_select_still_sends_the_choice(
    browser, live_server, people
):
    marches = people["erb_editor"].roles.get().area
    Organisation.objects.create(area=marches, name="Paveaways", type="employer")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, "erb_editor@example.org")
    page.goto(f"{live_server.url}/areas/the-marches/engagement/new/")
    fill_engagement(page)

    select = page.get_by_label("Organisations engaged")
    assert select.evaluate("element => element.multiple")
    select.select_option(label="Paveaways")
    page.get_by_role("button", name="Save engagement").click()

    assert [o.name for o in Engagement.objects.get().organisations.all()] == ["Paveaways"]
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_soc_code_is_found_by_its_title_in_the_review_queue(
    page, live_server, people, refdata_folder
):
    install(source_dir=refdata_folder, keys=["soc2020-volume1"])
    marches = people["erb_editor"].roles.get().area
    review = CodingReview.objects.create(
        area=marches,
        text="Carer (nights)",
        key="carer nights",
        candidates=[{"code": "6131", "title": "Nursing auxiliaries and assistants"}],
        coder_status="needs review",
        coder_version="test",
    )
    sign_in(page, live_server, "erb_editor@example.org")
    page.goto(f"{live_server.url}/areas/the-marches/coding/review/")

    search = page.get_by_role("combobox", name="Or find the unit group by its title")
    search.fill("home carers")
    page.get_by_role("option", name="6135 Care workers and home carers").click()
    assert page.get_by_label("Or another unit group").input_value() == "6135"
    page.get_by_role("button", name="Confirm code").click()

    review.refresh_from_db()
    assert (review.status, review.chosen_code) == ("confirmed", "6135")

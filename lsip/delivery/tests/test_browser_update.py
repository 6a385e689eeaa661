"""End to end in headless Chromium: a partner contributor submits an update on an activity
their college leads, with a metric value and an evidence file; an ERB editor accepts it and
the activity's progress follows."""

import pytest

from conftest import PASSWORD, sign_in
from lsip.delivery.models import Update

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_partner_submits_an_update_and_an_erb_editor_accepts_it(
    browser, live_server, people, plan, tmp_path
):
    partner = browser.new_page()
    sign_in(partner, live_server, "partner@example.org", PASSWORD)
    partner.goto(f"{live_server.url}/areas/the-marches/delivery/my-updates/")
    assert partner.get_by_role("heading", level=1).inner_text() == "Your updates"
    assert partner.get_by_role("link", name="Digital skills week").count() == 0
    partner.get_by_role("link", name="Submit an update on Care bootcamp").click()
    position = partner.get_by_role("group", name="Position as at")
    position.get_by_label("Day").fill("30")
    position.get_by_label("Month").fill("11")
    position.get_by_label("Year").fill("2026")
    partner.get_by_label("At risk").check()
    partner.get_by_label("Per cent complete").fill("30")
    partner.get_by_label("What has happened since the last update").fill(
        "Twelve learners started; two placements are not yet confirmed."
    )
    partner.get_by_label("Care starts (learners)").fill("130")
    figure_date = partner.get_by_role("group", name="Date of the care starts figure")
    figure_date.get_by_label("Day").fill("31")
    figure_date.get_by_label("Month").fill("10")
    figure_date.get_by_label("Year").fill("2026")
    evidence = tmp_path / "register.csv"
    evidence.write_text("learner,start\nA,2026-11-02\n")
    partner.get_by_label("Evidence files (optional)").set_input_files(str(evidence))
    partner.get_by_role("button", name="Send the update").click()
    assert "Update sent to the ERB" in partner.locator(".govuk-notification-banner").inner_text()
    assert "Waiting for the ERB" in partner.locator(".govuk-summary-card").inner_text()
    partner.close()

    editor = browser.new_page()
    sign_in(editor, live_server, "erb_editor@example.org", PASSWORD)
    editor.goto(f"{live_server.url}/areas/the-marches/delivery/updates/")
    editor.get_by_role("link", name="Care bootcamp").click()
    card = editor.locator(".govuk-summary-card")
    assert "Care starts: 130 learners on 31 Oct 2026" in card.inner_text()
    with editor.expect_download() as download:
        card.get_by_role("link", name="register.csv").click()
    assert download.value.suggested_filename.startswith("register")
    card.get_by_label("Accept the update").check()
    card.get_by_role("button", name="Record decision").click()
    assert "Update accepted" in editor.locator(".govuk-notification-banner").inner_text()
    summary = editor.locator(".govuk-summary-list").first.inner_text()
    assert "At risk, 30% complete (accepted update as at 30 November 2026)" in summary
    editor.close()
    assert Update.objects.get().state == Update.State.ACCEPTED

"""End to end in headless Chromium: an ERB editor uploads a survey export, maps and previews
it, starts the import, and follows the job to its result while a real worker runs it."""

import pytest

from conftest import sign_in
from lsip.engagement.models import Engagement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SURVEY = "Company name,Date,Location,Engagement type\n" + "".join(
    f"Employer {n} Ltd,{1 + n % 28}/03/2025,Shropshire,Survey\n" for n in range(2_000)
)


def test_an_upload_is_followed_on_its_job_page_to_the_result(
    page, live_server, people, start_worker, tmp_path
):
    start_worker()
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY)
    sign_in(page, live_server, "erb_editor@example.org")
    page.goto(f"{live_server.url}/areas/the-marches/imports/new/")
    page.get_by_label("Upload a spreadsheet").set_input_files(str(survey))
    page.get_by_role("button", name="Upload and continue").click()
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_role("button", name="Import 2000 engagements").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Import of survey.csv"
    assert page.locator("progress").count() == 1  # the live bar, while it runs
    page.get_by_text("Imported 2,000 engagements").wait_for(timeout=120_000)
    assert "Done" in page.locator("#job-status").inner_text()
    assert Engagement.objects.count() == 2_000
    page.screenshot(path=str(tmp_path / "job-done.png"), full_page=True)

    page.get_by_role("link", name="Jobs").first.click()
    row = page.locator("#jobs tbody tr").first.inner_text()
    assert "Import of survey.csv" in row
    assert "erb_editor@example.org" in row

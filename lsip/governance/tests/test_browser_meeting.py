"""End to end in headless Chromium: the ERB's editor records who attended a board meeting
(a stand-in for a member who sent apologies) and the board's decision with its votes."""

from datetime import date

import pytest

from conftest import PASSWORD, sign_in
from lsip.areas.models import Cycle
from lsip.governance import membership
from lsip.governance.models import Board, Meeting, Person

pytestmark = pytest.mark.browser


def add(board, name, kind=Person.Kind.MEMBER, **fields):
    return membership.save_person(Person(board=board, name=name, kind=kind, **fields), actor=None)


@pytest.mark.django_db(transaction=True)
def test_an_editor_records_attendance_and_a_decision(page, live_server, people):
    marches = people["erb_editor"].roles.get().area
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    board = Board.objects.create(area=marches, cycle=cycle, name="Marches LSIP Board")
    add(board, "Ruth Ross", is_chair=True)
    member = add(board, "Ann Lee")
    add(board, "Sam Stand", kind=Person.Kind.STAND_IN, stands_in_for=member)
    meeting = Meeting.objects.create(board=board, date=date(2025, 11, 20), status="held")

    sign_in(page, live_server, "erb_editor@example.org", PASSWORD)
    page.goto(f"{live_server.url}/areas/the-marches/board/meetings/{meeting.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Board meeting, 20 November 2025"

    page.get_by_role("link", name="Record attendance").click()
    page.get_by_label("Ruth Ross (Member)").select_option("present")
    page.get_by_label("Ann Lee (Member)").select_option("apologies")
    page.get_by_label("Sam Stand (stand-in for Ann Lee)").select_option("stand_in")
    page.get_by_role("button", name="Save attendance").click()
    attendance = page.locator("#attendance").inner_text()
    assert "Apologies" in attendance
    assert "Attending as stand-in for Ann Lee" in attendance

    page.get_by_role("link", name="Record a decision").first.click()
    page.get_by_label("Question put to the board").fill("Approve the draft plan")
    page.get_by_label("Ruth Ross (chair)").select_option("for")
    page.get_by_label("Sam Stand, stand-in for Ann Lee").select_option("against")
    page.get_by_role("button", name="Record decision").click()
    # One for and one against: drawn, so the chair's casting vote is asked for.
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The vote is drawn: record the chair's casting vote" in summary
    page.get_by_label("The chair's casting vote (on a drawn vote)").select_option("for")
    page.get_by_role("button", name="Record decision").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Approve the draft plan"
    assert "Passed" in page.locator(".govuk-summary-list").inner_text()
    votes = page.locator("table").inner_text()
    assert "Sam Stand (stand-in)" in votes
    assert "Against" in votes
    assert "For" in votes

"""The Marches demo board: the real membership, stand-ins, other attendees and register of
interests as at 30/10/2025 (seed 000), public without contact details, loaded twice the same."""

from datetime import date

import pytest
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.demo import marches as demo
from lsip.demo.marches_board import load_marches_board
from lsip.governance import frequency, meetings, membership
from lsip.governance.models import (
    AgendaItem,
    Board,
    Decision,
    Declaration,
    Interest,
    Paper,
    Person,
    RegisterEntry,
)


@pytest.fixture
def board(marches):
    """The parts of the Marches demo the board needs (its organisations and cycles), then
    the board."""
    demo._organisations(marches)
    demo._cycles(marches)
    return load_marches_board(marches)


def test_the_board_sits_in_the_statutory_cycle_with_its_own_term_13_members_and_chair(board):
    """The LSIP runs 2026 to 2029 (guidance section 2); the board keeps the 2025-2028 term
    of its own pack (commenced 28 October 2025, meetings set until October 2028)."""
    assert board.name == "Marches LSIP Board"
    assert (board.cycle.start_year, board.cycle.end_year) == (2026, 2029)
    assert (board.term_start, board.term_end) == (date(2025, 10, 28), date(2028, 10, 31))
    members = board.people.filter(kind=Person.Kind.MEMBER)
    assert members.count() == 13
    assert board.chair.name == "Ruth Ross"
    assert board.chair.organisation.name == "Shropshire Chamber of Commerce"
    assert members.get(name="Lawrence Wood").category == Person.Category.FURTHER_EDUCATION
    assert members.get(name="Dr Simone Clarke").category == Person.Category.HIGHER_EDUCATION
    assert members.get(name="Gareth Jones").category == Person.Category.TRAINING_PROVIDER
    assert members.filter(category=Person.Category.LOCAL_AUTHORITY).count() == 3
    assert members.get(name="David Williams").category == Person.Category.SKILLS_BOARD
    assert not members.filter(category="").exists()
    assert members.filter(organisation__isnull=False).count() == 13


def test_the_stand_ins_each_stand_in_for_their_member(board):
    stand_ins = {
        p.name: p.stands_in_for.name for p in board.people.filter(kind=Person.Kind.STAND_IN)
    }
    assert stand_ins == {
        "Gavin Mills": "Sherridan Grady",
        "Paul Hodgetts": "Gareth Jones",
        "Alistair Dawes": "Dr Simone Clarke",
    }


def test_the_other_attendees(board):
    attendees = set(board.people.filter(kind=Person.Kind.ATTENDEE).values_list("name", flat=True))
    assert attendees == {
        "Darran Alford",
        "Elizabeth Hopkins",
        "Frances Oldfield",
        "Liz Keirle",
        "Mark Palmer",
        "Nicola Clinton",
        "Rosie Beswick",
    }


def test_the_register_as_the_seed_gives_it(board):
    entries = {e.person.name: e for e in RegisterEntry.objects.filter(person__board=board)}
    assert len(entries) == 13 + 3 + 7
    assert entries["David Williams"].status == RegisterEntry.Status.AWAITED
    assert entries["Matt Potts"].status == RegisterEntry.Status.NONE
    assert entries["Gavin Mills"].status == RegisterEntry.Status.NONE
    assert entries["Ruth Ross"].interests.count() == 9
    assert [i.description for i in entries["Mandy Knott"].interests.all()] == [
        "Member of the Forest of Dean Partnership Group",
        "Member of the West Midlands Employer Apprentice Ambassador Group",
    ]
    declared = [e for e in entries.values() if e.status != RegisterEntry.Status.AWAITED]
    assert {e.declared_on for e in declared} == {date(2025, 10, 30)}
    assert not Person.objects.filter(board=board).exclude(email="", phone="").exists()


def test_the_public_register_shows_the_declarations_and_no_address(client, board):
    register = reverse("governance:register", kwargs={"area_slug": board.area.slug, "pk": board.pk})
    page = client.get(register)
    assert page.status_code == 200
    text = page.text
    assert "Trustee of Lingen Davies Cancer Support" in text
    assert "Managing Director of MCMT" in text
    assert "No interests" in text
    assert "Awaited" in text
    assert "David Williams" in text
    assert "as at 30 October 2025" in text
    assert "@" not in text
    board_page = client.get(board.get_absolute_url()).text
    assert "13 of 20 members" in board_page
    assert "@" not in board_page


def test_loading_it_twice_changes_nothing(board):
    counts = (
        Board.objects.count(),
        Person.objects.count(),
        RegisterEntry.objects.count(),
        Interest.objects.count(),
        Paper.objects.count(),
        AuditEntry.objects.count(),
    )
    again = load_marches_board(board.area)
    assert again == board
    assert counts == (
        Board.objects.count(),
        Person.objects.count(),
        RegisterEntry.objects.count(),
        Interest.objects.count(),
        Paper.objects.count(),
        AuditEntry.objects.count(),
    )


def test_a_year_of_meetings_shows_the_board_at_work(client, board, people):
    """Item 6 of issue 19: meetings with papers, declarations, minutes, a written-procedure
    decision and a drawn vote settled by the casting vote, all through the rules."""
    held = board.meetings.filter(status="held").order_by("date")
    assert held.count() == 9
    assert held.first().date == date(2025, 10, 28)
    assert board.meetings.filter(status="scheduled").count() == 1
    assert frequency.board_gaps(board) == []
    assert all(frequency.is_working_day(m.date) for m in board.meetings.all())
    assert Paper.objects.filter(item__meeting__board=board).count() >= 8
    assert all(m.minutes.startswith("Illustrative minutes") for m in held)
    drawn = board.decisions.get(casting_vote="for")
    assert drawn.tally().drawn
    assert drawn.outcome == Decision.Outcome.PASSED
    written = board.decisions.get(method=Decision.Method.WRITTEN)
    report = AgendaItem.objects.get(report_back_of=written)
    assert report.meeting.date == date(2026, 3, 3)
    declared = Declaration.objects.get(item__meeting__board=board)
    decision = board.decisions.get(item=declared.item)
    assert list(decision.excluded.all()) == [declared.person]
    agreed = board.frequencies.get(starts_on=date(2026, 6, 1)).reduced_by
    assert agreed.outcome == Decision.Outcome.PASSED
    assert not meetings.recordings_to_destroy(board).exists()
    assert [s.state for s in membership.category_statuses(board)] == ["filled"] * 7 + ["vacancy"]
    client.force_login(people["board_member"])
    page = client.get(
        reverse("governance:meeting", kwargs={"area_slug": "the-marches", "pk": drawn.meeting.pk})
    )
    assert 'id="chair-on-the-day">Ruth Ross<' in page.text
    assert "4 for, 4 against, 3 abstained" in page.text
    register = client.get(
        reverse("governance:register", kwargs={"area_slug": "the-marches", "pk": board.pk})
    )
    assert "Nolan Principles" in register.text

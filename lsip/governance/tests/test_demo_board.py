"""The Marches demo board: the real membership, stand-ins, other attendees and register of
interests as at 30/10/2025 (seed 000), public without contact details, loaded twice the same."""

from datetime import date

import pytest
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.demo import marches as demo
from lsip.demo.marches_board import load_marches_board
from lsip.governance.models import Board, Interest, Person, RegisterEntry


@pytest.fixture
def board(marches):
    """The parts of the Marches demo the board needs (its organisations and cycles), then
    the board."""
    demo._organisations(marches)
    demo._cycles(marches)
    return load_marches_board(marches)


def test_the_board_of_the_2025_cycle_has_its_13_members_and_chair(board):
    assert board.name == "Marches LSIP Board"
    assert (board.cycle.start_year, board.cycle.end_year) == (2025, 2028)
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
        AuditEntry.objects.count(),
    )
    again = load_marches_board(board.area)
    assert again == board
    assert counts == (
        Board.objects.count(),
        Person.objects.count(),
        RegisterEntry.objects.count(),
        Interest.objects.count(),
        AuditEntry.objects.count(),
    )

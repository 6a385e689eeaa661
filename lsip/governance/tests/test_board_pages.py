"""The board's pages: membership under the cap, stand-ins, declarations, the public register
(no contact details), who may change what, and the register's history."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.governance import membership
from lsip.governance.models import Board, Person, RegisterEntry
from lsip.governance.tests.conftest import person

EMAIL, PHONE = "ruth.ross@chamber.example", "01743 460000"


def url(name, area="the-marches", **kwargs):
    return reverse(f"governance:{name}", kwargs={"area_slug": area, **kwargs})


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


def person_data(name, **extra):
    return {"name": name, "represents": "", "category": "", **extra}


def test_a_21st_member_is_refused_with_the_cap_message_and_the_cap_can_be_raised(editor, board):
    for n in range(20):
        person(board, f"Member {n}")
    response = editor.post(
        url("person-create", pk=board.pk) + "?kind=member", person_data("One too many")
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "already has 20 members, the most its terms of reference allow" in response.text
    assert not board.people.filter(name="One too many").exists()

    response = editor.post(
        url("board-update", pk=board.pk),
        {"name": board.name, "member_cap": "19", "terms_of_reference": ""},
    )
    assert "cannot be below that" in response.text
    response = editor.post(
        url("board-update", pk=board.pk),
        {"name": board.name, "member_cap": "21", "terms_of_reference": "At most 21 members"},
    )
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.member_cap == 21
    response = editor.post(
        url("person-create", pk=board.pk) + "?kind=member", person_data("Now there is room")
    )
    assert response.status_code == 302
    assert "21 of 21 members" in editor.get(url("board", pk=board.pk)).text


def test_a_stand_in_needs_the_member_they_stand_in_for(editor, board):
    member = person(board, "Sherridan Grady")
    create = url("person-create", pk=board.pk) + "?kind=stand_in"
    response = editor.post(create, person_data("Gavin Mills"))
    assert response.status_code == 200
    assert "Choose the member this person stands in for" in response.text
    response = editor.post(create, person_data("Gavin Mills", stands_in_for=member.pk))
    assert response.status_code == 302
    stand_in = board.people.get(name="Gavin Mills")
    assert stand_in.kind == Person.Kind.STAND_IN
    assert stand_in.stands_in_for == member
    page = editor.get(url("board", pk=board.pk)).text
    assert "Gavin Mills" in page
    assert "Sherridan Grady" in page


def test_the_chair_and_the_board_page(editor, board, college):
    response = editor.post(
        url("person-create", pk=board.pk) + "?kind=member",
        person_data(
            "Lawrence Wood", organisation=college.pk, category="fe", represents="Principal"
        ),
    )
    assert response.status_code == 302
    person(board, "Ruth Ross", is_chair=True, category="erb")
    person(board, "Rosie Beswick", kind=Person.Kind.ATTENDEE, represents="Project manager")
    page = editor.get(url("board", pk=board.pk)).text
    assert "Telford College" in page
    assert "Further education" in page
    assert "Chair" in page
    assert "Rosie Beswick" in page
    assert "2 of 20 members" in page


def test_declaring_no_interests_and_declaring_interests(editor, board):
    member = person(board, "Matt Potts")
    declare = url("register-declare", pk=member.pk)
    response = editor.post(
        declare,
        {
            "no_interests": "on",
            "interests": "",
            "declared_on_day": "30",
            "declared_on_month": "10",
            "declared_on_year": "2025",
        },
    )
    assert response.status_code == 302
    entry = RegisterEntry.objects.get(person=member)
    assert entry.status == RegisterEntry.Status.NONE
    assert entry.declared_on == date(2025, 10, 30)
    assert "No interests" in editor.get(url("register", pk=board.pk)).text

    response = editor.post(
        declare,
        {
            "interests": "Trustee of a local charity\n01/09/2025: Governor of a college\n",
            "declared_on_day": "30",
            "declared_on_month": "10",
            "declared_on_year": "2025",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.Status.DECLARED
    assert [(i.description, i.declared_on) for i in entry.interests.all()] == [
        ("Governor of a college", date(2025, 9, 1)),
        ("Trustee of a local charity", date(2025, 10, 30)),
    ]
    page = editor.get(url("register", pk=board.pk)).text
    assert "Trustee of a local charity" in page
    assert "Governor of a college" in page

    response = editor.post(
        declare, {"interests": "", "declared_on_day": "30", "declared_on_month": "10"}
    )
    assert response.status_code == 200
    assert "List their interests" in response.text
    assert "Date of the declaration must include a day, month and year" in response.text


def test_the_public_register_and_csv_show_no_email_or_phone(client, board):
    chair = person(board, "Ruth Ross", is_chair=True, email=EMAIL, phone=PHONE)
    person(
        board,
        "Alistair Dawes",
        kind=Person.Kind.STAND_IN,
        stands_in_for=chair,
        email="alistair@harper.example",
        phone="01952 000000",
    )
    person(board, "Rosie Beswick", kind=Person.Kind.ATTENDEE, email="rosie@example.org")
    membership.declare(
        chair.register,
        interests=[("CEO Shropshire Chamber of Commerce", date(2025, 10, 30))],
        declared_on=date(2025, 10, 30),
        actor=None,
    )
    for name in ("board", "register", "register-csv"):
        response = client.get(url(name, pk=board.pk))
        assert response.status_code == 200, name
        text = response.content.decode()
        assert "Ruth Ross" in text
        assert "Alistair Dawes" in text
        assert "Rosie Beswick" in text
        assert "@" not in text, name
        assert PHONE not in text, name
        assert "01952" not in text, name
    rows = list(csv.DictReader(io.StringIO(client.get(url("register-csv", pk=board.pk)).text)))
    assert rows[0].keys() == set(membership.PUBLIC_COLUMNS)
    assert {r["Name"]: r["Declaration"] for r in rows}["Ruth Ross"] == (
        "CEO Shropshire Chamber of Commerce"
    )
    assert "Ruth Ross" in client.get(url("register", pk=board.pk)).text
    assert "CEO Shropshire Chamber of Commerce" in client.get(url("register", pk=board.pk)).text


def test_contact_details_are_on_the_edit_page_for_those_who_may_see_personal_data(editor, board):
    member = person(board, "Ruth Ross", email=EMAIL, phone=PHONE)
    page = editor.get(url("person-update", pk=member.pk)).text
    assert EMAIL in page
    assert PHONE in page


def test_an_awaited_declaration_is_flagged_with_its_age(client, board):
    asked = date.today() - timedelta(days=12)
    membership.save_person(
        Person(board=board, name="David Williams", kind=Person.Kind.MEMBER),
        actor=None,
        requested_on=asked,
    )
    page = client.get(url("register", pk=board.pk)).text
    assert "Awaited" in page
    assert "12 days" in page
    assert "David Williams" in page


def test_someone_who_leaves_is_no_longer_on_the_board_or_the_register(editor, board):
    member = person(board, "Steve Owen")
    response = editor.post(
        url("person-update", pk=member.pk),
        person_data(
            "Steve Owen",
            left_on_day="1",
            left_on_month="12",
            left_on_year="2025",
        ),
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.left_on == date(2025, 12, 1)
    editor.get(url("board", pk=board.pk))  # shows the message "Steve Owen left the board"
    assert "Steve Owen" not in editor.get(url("register", pk=board.pk)).text
    assert "0 of 20 members" in editor.get(url("board", pk=board.pk)).text


def test_a_board_member_reads_but_cannot_change(client, people, board):
    member = person(board, "Ruth Ross")
    client.force_login(people["board_member"])
    for name in ("board", "register", "register-csv", "register-history"):
        assert client.get(url(name, pk=board.pk)).status_code == 200, name
    assert client.get(url("board-list")).status_code == 200
    for address in (
        url("board-create"),
        url("board-update", pk=board.pk),
        url("person-create", pk=board.pk),
        url("person-update", pk=member.pk),
        url("register-declare", pk=member.pk),
    ):
        assert client.get(address).status_code == 403, address
        assert client.post(address, {"name": "x"}).status_code == 403, address
    assert board.people.count() == 1


def test_another_areas_person_or_board_is_not_found(editor, board, west_midlands):
    cycle = Cycle.objects.create(area=west_midlands, start_year=2025, end_year=2028)
    theirs = Board.objects.create(area=west_midlands, cycle=cycle, name="WM board")
    someone = person(theirs, "Someone Else")
    assert editor.get(url("person-update", pk=someone.pk)).status_code == 404
    assert editor.get(url("register-declare", pk=someone.pk)).status_code == 404
    assert editor.get(url("board", pk=theirs.pk)).status_code == 404
    assert editor.get(url("register", pk=theirs.pk)).status_code == 404
    assert editor.get(url("register-csv", pk=theirs.pk)).status_code == 404


def test_setting_up_a_board_for_a_cycle(editor, marches):
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    listing = editor.get(url("board-list")).text
    assert "Set up the board of a cycle" in listing
    response = editor.post(
        url("board-create"),
        {"cycle": cycle.pk, "name": "Marches LSIP Board", "member_cap": "20"},
    )
    assert response.status_code == 302
    board = Board.objects.get(cycle=cycle)
    assert board.area == marches
    assert board.member_cap == 20
    assert "Marches LSIP Board" in editor.get(url("board-list")).text


def test_every_change_appears_in_the_register_history(editor, board):
    create = url("person-create", pk=board.pk)
    editor.post(create + "?kind=member", person_data("Gareth Jones"))
    member = board.people.get(name="Gareth Jones")
    day = {"declared_on_day": "30", "declared_on_month": "10", "declared_on_year": "2025"}
    editor.post(
        url("register-declare", pk=member.pk), {"interests": "Managing Director of MCMT", **day}
    )
    editor.post(url("register-declare", pk=member.pk), {"no_interests": "on", **day})
    # another board of the same area: its changes are not this board's history
    other = Board.objects.create(
        area=board.area,
        cycle=Cycle.objects.create(area=board.area, start_year=2022, end_year=2025),
        name="First board",
    )
    stranger = person(other, "Stranger")
    membership.declare(
        stranger.register,
        interests=[("Not ours", date(2025, 1, 1))],
        declared_on=date(2025, 1, 1),
        actor=None,
    )
    page = editor.get(url("register-history", pk=board.pk)).text
    assert "Register entry of Gareth Jones" in page
    assert page.count("Managing Director of MCMT") >= 2  # added, then removed
    assert "Interests declared" in page
    assert "No interests" in page
    assert "erb_editor@example.org" in page
    assert "Stranger" not in page
    assert "Not ours" not in page


def test_the_area_menu_shows_the_board_to_everyone(client, board):
    overview = client.get(reverse("areas:area-detail", kwargs={"area_slug": "the-marches"})).text
    assert f'href="{url("board-list")}">Board</a>' in overview
    listing = client.get(url("board-list")).text
    assert board.name in listing
    assert "Set up the board of a cycle" not in listing  # for the ERB's staff only

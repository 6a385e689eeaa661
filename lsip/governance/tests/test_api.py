"""The board in the API: public boards whose people carry no contact details; meetings and
decisions (with every vote) for those who may read the area's work."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from lsip.areas.models import Cycle
from lsip.governance import membership, voting
from lsip.governance.models import Attendance, Board, Decision, Meeting, Person
from lsip.governance.voting import Ballot

DAY = date(2025, 11, 20)


@pytest.fixture
def board(marches):
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    board = Board.objects.create(area=marches, cycle=cycle, name="Marches LSIP Board")
    for name, email in (("Ruth Ross", "ruth@example.org"), ("Ann Lee", "ann@example.org")):
        membership.save_person(
            Person(board=board, name=name, kind="member", email=email, phone="01743 000000"),
            actor=None,
        )
    return board


def test_the_board_endpoint_is_public_and_shows_no_contact_details(board):
    client = APIClient()
    base = "/api/v1/areas/the-marches/boards/"
    listing = client.get(base)
    assert listing.status_code == 200
    assert [b["name"] for b in listing.json()["results"]] == ["Marches LSIP Board"]
    detail = client.get(f"{base}{board.pk}/")
    assert detail.status_code == 200
    people = detail.json()["people"]
    assert sorted(p["name"] for p in people) == ["Ann Lee", "Ruth Ross"]
    assert all("email" not in p and "phone" not in p and "user" not in p for p in people)
    assert "example.org" not in detail.text
    assert "01743" not in detail.text
    assert client.get(f"/api/v1/areas/west-midlands/boards/{board.pk}/").status_code == 404


def test_decisions_come_with_their_votes_for_area_readers(board, people):
    meeting = Meeting.objects.create(board=board, date=DAY, status="held")
    members = list(board.people.all())
    for member in members:
        Attendance.objects.create(meeting=meeting, person=member, status="present")
    voting.record(
        board,
        method=Decision.Method.MEETING,
        meeting=meeting,
        question="Approve the draft",
        decided_on=DAY,
        ballots=[Ballot(m, "for") for m in members],
        actor=None,
    )
    client = APIClient()
    assert client.get("/api/v1/areas/the-marches/decisions/").status_code == 401
    client.force_authenticate(people["board_member"])
    decisions = client.get("/api/v1/areas/the-marches/decisions/").json()["results"]
    assert decisions[0]["outcome"] == "passed"
    assert sorted(v["voter"] for v in decisions[0]["votes"]) == ["Ann Lee", "Ruth Ross"]
    meetings = client.get("/api/v1/areas/the-marches/meetings/").json()["results"]
    assert [m["date"] for m in meetings] == ["2025-11-20"]

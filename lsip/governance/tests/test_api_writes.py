"""Writing the board's records through the API: the ERB's secretariat changes them with a
write token, through the services the pages use, and each change is audited as the page's
is; a reader, a partner contributor, a read-only token and a token of another area change
nothing; a decision's votes count as they do on the page; a refusal names the field."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from lsip.accounts import tokens
from lsip.audit.models import AuditEntry
from lsip.governance import funding
from lsip.governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    GrantClaim,
    Meeting,
    Paper,
    Person,
    RegisterEntry,
)
from lsip.governance.tests.conftest import person
from lsip.governance.tests.test_meeting_pages import attend, decide, votes

DAY = date(2025, 11, 20)
BASE = "/api/v1/areas/the-marches"


def client_of(user, scope="write"):
    _token, key = tokens.create_token(user, "MIS", scope)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def secretariat(people):
    return client_of(people["erb_editor"])


@pytest.fixture
def members(board):
    chair = person(board, "Ruth Ross", is_chair=True)
    return [chair] + [person(board, f"Member {n}") for n in range(1, 5)]


@pytest.fixture
def meeting(board):
    return Meeting.objects.create(board=board, date=DAY, status=Meeting.Status.HELD)


def audited(record, action, actor):
    return AuditEntry.objects.filter(
        model=record._meta.label, object_id=str(record.pk), action=action, actor=actor
    )


def test_a_member_added_and_ended_through_the_api_is_audited_as_on_the_page(
    secretariat, people, board, college
):
    made = secretariat.post(
        f"{BASE}/board-people/",
        {
            "board": str(board.pk),
            "kind": "member",
            "name": "Pat Lee",
            "organisation": str(college.pk),
            "category": "fe",
            "joined_on": "2025-10-28",
        },
        format="json",
    )
    assert made.status_code == 201, made.json()
    pat = Person.objects.get(pk=made.json()["id"])
    assert made.json()["organisation_name"] == "Telford College"
    assert pat.register.status == RegisterEntry.Status.AWAITED  # as the page starts it
    assert audited(pat, "create", people["erb_editor"]).exists()
    ended = secretariat.patch(
        f"{BASE}/board-people/{pat.pk}/", {"left_on": "2026-03-31", "kind": "attendee"}
    )
    assert ended.status_code == 200, ended.json()
    pat.refresh_from_db()
    assert (pat.left_on, pat.kind) == (date(2026, 3, 31), "member")  # the kind stays
    change = audited(pat, "update", people["erb_editor"]).get()
    assert change.changes["left_on"][1] == "2026-03-31"
    # the published board no longer lists them, and nobody sees a contact detail
    detail = APIClient().get(f"{BASE}/boards/{board.pk}/").json()
    assert "Pat Lee" not in [p["name"] for p in detail["people"]]
    assert "email" not in made.json()


@pytest.mark.parametrize(
    ("who", "scope", "slug"),
    [
        ("board_member", "write", "the-marches"),  # reads the area's work, changes nothing
        ("partner", "write", "the-marches"),
        ("erb_editor", "read", "the-marches"),  # a read-only token of the secretariat
        ("other_area_admin", "write", "the-marches"),  # an admin of another area
        ("erb_editor", "write", "west-midlands"),  # the secretariat, at another area's address
    ],
)
def test_those_who_may_not_change_the_board_change_nothing(
    people, board, members, meeting, who, scope, slug
):
    client = client_of(people[who], scope)
    base = f"/api/v1/areas/{slug}"
    before = AuditEntry.objects.count()
    attempts = [
        client.post(
            f"{base}/board-people/",
            {"board": str(board.pk), "kind": "member", "name": "Intruder"},
            format="json",
        ),
        client.patch(f"{base}/board-people/{members[1].pk}/", {"name": "Renamed"}),
        client.patch(f"{base}/board-categories/{board.categories.first().pk}/", {"seats": 9}),
        client.post(
            f"{base}/decisions/",
            {
                "board": str(board.pk),
                "method": "meeting",
                "meeting": str(meeting.pk),
                "question": "Take over",
                "decided_on": DAY.isoformat(),
                "votes": [],
            },
            format="json",
        ),
        client.post(f"{base}/register/{members[1].register.pk}/declare/", {"declared_on": DAY}),
        client.post(f"{base}/agenda-items/", {"meeting": str(meeting.pk), "title": "Mine"}),
    ]
    assert {r.status_code for r in attempts} <= {403, 404}, [r.json() for r in attempts]
    assert AuditEntry.objects.count() == before
    assert not Person.objects.filter(name__in=["Intruder", "Renamed"]).exists()
    assert not Decision.objects.exists()
    assert not AgendaItem.objects.exists()


def test_the_vote_counts_through_the_api_as_through_the_page(
    client, secretariat, people, board, members, meeting
):
    """Abstentions are not counted; a drawn vote needs the chair's casting vote."""
    attend(meeting, members)
    client.force_login(people["erb_editor"])
    drawn = [(members[0], "for"), (members[1], "against"), (members[2], "abstain")]

    def by_api(**fields):
        return secretariat.post(
            f"{BASE}/decisions/",
            {
                "board": str(board.pk),
                "method": "meeting",
                "meeting": str(meeting.pk),
                "question": "Approve the draft plan",
                "decided_on": DAY.isoformat(),
                "votes": [{"voter": str(v.pk), "choice": c} for v, c in drawn],
                **fields,
            },
            format="json",
        )

    refused = by_api()
    assert refused.status_code == 400
    assert refused.json() == {"casting": ["The vote is drawn: record the chair's casting vote"]}
    assert decide(client, meeting, **votes(*drawn)).status_code == 200  # the page refuses too
    assert not Decision.objects.exists()
    made = by_api(casting="against")
    assert made.status_code == 201, made.json()
    assert decide(client, meeting, casting="against", **votes(*drawn)).status_code == 302
    api_decision, page_decision = (
        Decision.objects.get(pk=made.json()["id"]),
        Decision.objects.exclude(pk=made.json()["id"]).get(),
    )
    assert made.json()["outcome"] == "failed"
    assert api_decision.outcome == page_decision.outcome == Decision.Outcome.FAILED
    assert api_decision.tally() == page_decision.tally()
    assert audited(api_decision, "create", people["erb_editor"]).exists()
    assert sorted(v["choice"] for v in made.json()["votes"]) == ["abstain", "against", "for"]


def test_a_recorded_decision_is_corrected_in_its_question_only_then_withdrawn(
    secretariat, people, board, members, meeting
):
    attend(meeting, members)
    made = secretariat.post(
        f"{BASE}/decisions/",
        {
            "board": str(board.pk),
            "method": "meeting",
            "meeting": str(meeting.pk),
            "question": "Approve the draft",
            "decided_on": DAY.isoformat(),
            "votes": [{"voter": str(members[0].pk), "choice": "for"}],
        },
        format="json",
    ).json()
    url = f"{BASE}/decisions/{made['id']}/"
    changed = secretariat.patch(url, {"question": "Approve the draft plan", "outcome": "failed"})
    assert changed.status_code == 200, changed.json()
    decision = Decision.objects.get(pk=made["id"])
    assert (decision.question, decision.outcome) == ("Approve the draft plan", "passed")
    unsaid = secretariat.post(f"{url}withdraw/", {"reason": " "})
    assert unsaid.status_code == 400
    assert "reason" in unsaid.json()
    withdrawn = secretariat.post(f"{url}withdraw/", {"reason": "Taken without a quorum"})
    assert withdrawn.status_code == 200, withdrawn.json()
    assert withdrawn.json()["withdrawn_reason"] == "Taken without a quorum"
    assert secretariat.patch(url, {"question": "Late"}).status_code == 400
    decision.refresh_from_db()
    assert decision.question == "Approve the draft plan"
    assert decision.withdrawn
    changes = [e.changes for e in audited(decision, "update", people["erb_editor"])]
    assert any("question" in c and "outcome" not in c for c in changes)
    assert any("withdrawn_on" in c for c in changes)


def test_bad_input_is_refused_naming_the_field(secretariat, board, members, meeting):
    stand_in = secretariat.post(
        f"{BASE}/board-people/",
        {"board": str(board.pk), "kind": "stand_in", "name": "Sam Stand"},
        format="json",
    )
    assert stand_in.status_code == 400
    assert stand_in.json() == {"stands_in_for": ["Choose the member this person stands in for"]}
    recording = secretariat.patch(
        f"{BASE}/meetings/{meeting.pk}/", {"recording_destroyed_on": "2026-01-09"}
    )
    assert recording.json() == {
        "recording_destroyed_on": ["Only a recorded meeting has a recording"]
    }
    weekend = secretariat.post(
        f"{BASE}/meetings/", {"board": str(board.pk), "date": "2025-11-22"}, format="json"
    )
    assert weekend.status_code == 400
    assert "weekend" in weekend.json()["date"][0]
    neither = secretariat.post(
        f"{BASE}/register/{members[1].register.pk}/declare/", {"declared_on": "2025-10-30"}
    )
    assert neither.status_code == 400
    assert "interests" in neither.json()
    paper = secretariat.post(
        f"{BASE}/papers/",
        {
            "item": str(AgendaItem.objects.create(meeting=meeting, title="Plan").pk),
            "title": "Draft",
            "file": SimpleUploadedFile("draft.exe", b"MZ"),
        },
        format="multipart",
    )
    assert paper.status_code == 400
    assert "file" in paper.json()
    assert not Paper.objects.exists()


def test_the_grant_cap_holds_through_the_api(secretariat, people, board):
    grant = secretariat.post(
        f"{BASE}/grants/", {"cycle": str(board.cycle.pk), "cap": "1000.00"}, format="json"
    )
    assert grant.status_code == 201, grant.json()
    twice = secretariat.post(f"{BASE}/grants/", {"cycle": str(board.cycle.pk)}, format="json")
    assert twice.status_code == 400
    assert "has its grant" in twice.json()["cycle"][0]
    claim = {"grant": grant.json()["id"], "stage": "1", "claimed_on": "2025-12-01"}
    first = secretariat.post(f"{BASE}/grant-claims/", {**claim, "amount": "600"}, format="json")
    assert first.status_code == 201, first.json()
    over = secretariat.post(f"{BASE}/grant-claims/", {**claim, "amount": "500"}, format="json")
    assert over.status_code == 400
    assert "above the £1,000" in over.json()["amount"][0]
    raised = secretariat.patch(f"{BASE}/grant-claims/{first.json()['id']}/", {"amount": "1200"})
    assert raised.status_code == 400
    assert "amount" in raised.json()
    below = secretariat.patch(f"{BASE}/grants/{grant.json()['id']}/", {"cap": "500"})
    assert below.status_code == 400
    assert "cap" in below.json()
    claimed = GrantClaim.objects.get()
    assert claimed.amount == Decimal("600")
    assert funding.claimed(claimed.grant) == Decimal("600")
    assert audited(claimed, "create", people["erb_editor"]).exists()


def test_a_meeting_is_scheduled_run_and_minuted_through_the_api(
    secretariat, people, board, members
):
    made = secretariat.post(
        f"{BASE}/meetings/",
        {"board": str(board.pk), "date": "2025-12-04", "status": "held"},
        format="json",
    )
    assert made.status_code == 201, made.json()
    meeting = Meeting.objects.get(pk=made.json()["id"])
    assert meeting.status == "held"
    again = secretariat.post(
        f"{BASE}/meetings/", {"board": str(board.pk), "date": "2025-12-04"}, format="json"
    )
    assert again.status_code == 400
    assert "date" in again.json()
    stand_in = person(board, "Sam Stand", kind=Person.Kind.STAND_IN, stands_in_for=members[1])
    beside = secretariat.post(
        f"{BASE}/meetings/{meeting.pk}/attendance/",
        {
            "attendance": [
                {"person": str(members[1].pk), "status": "present"},
                {"person": str(stand_in.pk), "status": "stand_in"},
            ]
        },
        format="json",
    )
    assert beside.status_code == 400
    assert "cannot attend in their place" in beside.json()["attendance"][0]
    recorded = secretariat.post(
        f"{BASE}/meetings/{meeting.pk}/attendance/",
        {"attendance": [{"person": str(members[1].pk), "status": "apologies"}]},
        format="json",
    )
    assert recorded.status_code == 200
    assert Attendance.objects.get(person=members[1]).status == "apologies"
    item = secretariat.post(f"{BASE}/agenda-items/", {"meeting": str(meeting.pk), "title": "Plan"})
    assert item.status_code == 201
    assert item.json()["position"] == 1
    paper = secretariat.post(
        f"{BASE}/papers/",
        {
            "item": item.json()["id"],
            "title": "Draft plan",
            "file": SimpleUploadedFile("draft.pdf", b"%PDF-1.4"),
        },
        format="multipart",
    )
    assert paper.status_code == 201, paper.json()
    assert paper.json()["download"].endswith(f"/papers/{paper.json()['id']}/")
    minuted = secretariat.patch(
        f"{BASE}/meetings/{meeting.pk}/", {"minutes": "Agreed.", "date": "2026-01-01"}
    )
    assert minuted.status_code == 200
    meeting.refresh_from_db()
    assert (meeting.minutes, meeting.date) == ("Agreed.", date(2025, 12, 4))
    assert audited(meeting, "update", people["erb_editor"]).exists()
    paper_record = Paper.objects.get()
    assert audited(paper_record, "create", people["erb_editor"]).exists()


def test_an_lsif_bid_is_endorsed_by_the_board_through_the_api(
    secretariat, board, members, meeting, college
):
    attend(meeting, members)
    bid = secretariat.post(
        f"{BASE}/lsif-bids/",
        {
            "cycle": str(board.cycle.pk),
            "provider": str(college.pk),
            "title": "Engineering",
            "proposed_on": "2025-11-01",
        },
        format="json",
    )
    assert bid.status_code == 201, bid.json()
    endorse = {
        "meeting": str(meeting.pk),
        "question": "Endorse Telford College's bid",
        "decided_on": DAY.isoformat(),
        "votes": [{"voter": str(m.pk), "choice": "for"} for m in members[:3]],
    }
    url = f"{BASE}/lsif-bids/{bid.json()['id']}/endorse/"
    decided = secretariat.post(url, endorse, format="json")
    assert decided.status_code == 201, decided.json()
    assert decided.json()["kind"] == "lsif"
    assert decided.json()["outcome"] == "passed"
    assert secretariat.get(f"{BASE}/lsif-bids/{bid.json()['id']}/").json()["status"] == "endorsed"
    twice = secretariat.post(url, endorse, format="json")
    assert twice.status_code == 400
    assert "already decided" in str(twice.json())


def test_a_board_is_set_up_and_changed_as_on_its_pages(secretariat, people, board, members):
    from lsip.areas.models import Cycle

    cycle = Cycle.objects.create(area=board.area, start_year=2028, end_year=2031)
    made = secretariat.post(
        f"{BASE}/boards/",
        {"name": "Marches LSIP Board 2028", "cycle_id": str(cycle.pk)},
        format="json",
    )
    assert made.status_code == 201, made.json()
    new_board = cycle.board
    assert made.json()["cycle"] == cycle.label
    assert new_board.categories.count() == 8  # the Marches terms' a to h, as the page adopts
    assert new_board.frequencies.exists()
    assert audited(new_board, "create", people["erb_editor"]).exists()
    twice = secretariat.post(
        f"{BASE}/boards/", {"name": "Again", "cycle_id": str(cycle.pk)}, format="json"
    )
    assert twice.status_code == 400
    assert "cycle" in twice.json()
    below = secretariat.patch(f"{BASE}/boards/{board.pk}/", {"member_cap": 3})
    assert below.json() == {"member_cap": ["The board has 5 members: the cap cannot be below that"]}
    renamed = secretariat.patch(
        f"{BASE}/boards/{board.pk}/", {"name": "The Marches Board", "cycle_id": str(cycle.pk)}
    )
    assert renamed.status_code == 200
    board.refresh_from_db()
    assert board.name == "The Marches Board"
    assert board.cycle != cycle  # a board keeps its cycle

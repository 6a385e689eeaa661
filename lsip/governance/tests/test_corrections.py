"""Correcting the board's records after they are recorded: change or withdraw (kept, marked,
audited, never deleted) agenda items, papers, declarations, decisions, claims and LSIF bids;
a written procedure that leaves out a member with a declared interest; and the chair on the
day of a past meeting."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.governance import corrections, funding, membership, voting
from lsip.governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    Declaration,
    GrantClaim,
    LsifBid,
    Meeting,
)
from lsip.governance.tests.conftest import person
from lsip.governance.voting import Ballot
from lsip.organisations.models import Organisation

DAY = date(2025, 11, 20)


def url(name, pk, slug="the-marches"):
    return reverse(f"governance:{name}", kwargs={"area_slug": slug, "pk": pk})


@pytest.fixture
def members(board):
    chair = person(board, "Ruth Ross", is_chair=True, joined_on=date(2025, 10, 28))
    return [chair] + [person(board, f"Member {n}") for n in range(1, 5)]


@pytest.fixture
def meeting(board):
    return Meeting.objects.create(board=board, date=DAY, status=Meeting.Status.HELD)


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


def attend(meeting, people):
    for someone in people:
        Attendance.objects.create(meeting=meeting, person=someone, status="present")


def test_a_withdrawn_claim_is_kept_marked_and_leaves_the_total(board, marches):
    grant = funding.open_grant(marches, board.cycle, actor=None)
    funding.set_cap(grant, "100000", actor=None)
    claim = funding.add_claim(grant, stage="1", amount="90000", claimed_on=DAY, actor=None)
    with pytest.raises(ValidationError, match="Say why"):
        corrections.withdraw(claim, reason=" ", actor=None)
    corrections.withdraw(claim, reason="Entered twice", on=DAY, actor=None)
    claim.refresh_from_db()
    assert (claim.withdrawn_on, claim.withdrawn_reason) == (DAY, "Entered twice")
    assert GrantClaim.objects.filter(pk=claim.pk).exists()  # kept, not deleted
    assert funding.claimed(grant) == Decimal("0")
    audit = AuditEntry.objects.filter(object_id=str(claim.pk), action="update").get()
    assert "withdrawn_reason" in audit.changes
    with pytest.raises(ValidationError, match="Already withdrawn"):
        corrections.withdraw(claim, reason="Again", actor=None)
    claim.amount = Decimal("1")
    with pytest.raises(ValidationError, match="cannot be changed"):
        corrections.change(claim, actor=None)
    funding.add_claim(grant, stage="1", amount="100000", claimed_on=DAY, actor=None)


def test_a_changed_claim_keeps_the_grant_within_its_cap(board, marches):
    grant = funding.open_grant(marches, board.cycle, actor=None)
    funding.set_cap(grant, "100000", actor=None)
    claim = funding.add_claim(grant, stage="1", amount="60000", claimed_on=DAY, actor=None)
    funding.add_claim(grant, stage="2", amount="30000", claimed_on=DAY, actor=None)
    claim.amount = Decimal("70000.01")
    with pytest.raises(ValidationError, match="above the £100,000"):
        corrections.change(claim, actor=None)
    claim.amount = Decimal("70000")
    corrections.change(claim, actor=None)
    assert funding.claimed(grant) == Decimal("100000")


def test_a_withdrawn_bid_no_longer_competes_and_a_withdrawn_endorsement_reopens_it(
    board, members, meeting, marches
):
    college = Organisation.objects.create(area=marches, name="College", type="fe_college")
    other = Organisation.objects.create(area=marches, name="Provider", type="itp")
    first = LsifBid.objects.create(
        area=marches, cycle=board.cycle, provider=college, title="Engineering", proposed_on=DAY
    )
    second = LsifBid.objects.create(
        area=marches, cycle=board.cycle, provider=other, title="Care", proposed_on=DAY
    )
    corrections.withdraw(second, reason="Recorded for the wrong area", actor=None)
    attend(meeting, members[:3])
    decision = voting.endorse_bid(
        first,
        board=board,
        method="meeting",
        meeting=meeting,
        question="Endorse",
        decided_on=DAY,
        ballots=[Ballot(m, "for") for m in members[:3]],
        actor=None,
    )
    first.refresh_from_db()
    assert first.status == LsifBid.Status.ENDORSED
    with pytest.raises(ValidationError, match="The bid was withdrawn"):
        voting.endorse_bid(second, board=board, actor=None)
    corrections.withdraw(decision, reason="The vote was on the wrong bid", actor=None)
    first.refresh_from_db()
    assert first.status == LsifBid.Status.PROPOSED
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_an_election_of_the_chair_is_not_withdrawn(board, members, meeting):
    attend(meeting, members)
    election = voting.record(
        board,
        method="meeting",
        meeting=meeting,
        question="Elect a chair",
        decided_on=DAY,
        ballots=[Ballot(m, candidate=members[1]) for m in members],
        kind=Decision.Kind.CHAIR_ELECTION,
        actor=None,
    )
    with pytest.raises(ValidationError, match="cannot be withdrawn"):
        corrections.withdraw(election, reason="Mistake", actor=None)


def test_items_papers_and_declarations_are_changed_and_withdrawn_on_the_page(
    editor, client, people, board, members, meeting
):
    item = AgendaItem.objects.create(meeting=meeting, title="Draft plam")
    declaration = Declaration.objects.create(item=item, person=members[1], description="Trustee")
    response = editor.post(url("agenda-change", item.pk), {"title": "Draft plan", "position": 1})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Draft plan"
    page = editor.get(url("decision-create", meeting.pk) + f"?item={item.pk}")
    assert members[1] in page.context["form"].initial["excluded"]
    response = editor.post(
        url("declarations-withdraw", declaration.pk),
        {
            "reason": "Declared on the wrong item",
            **{f"withdrawn_on_{k}": v for k, v in (("day", 21), ("month", 11), ("year", 2025))},
        },
    )
    assert response.status_code == 302
    page = editor.get(url("meeting", meeting.pk)).text
    assert "Withdrawn" in page
    assert "on 21 November 2025: Declared on the wrong item" in page
    page = editor.get(url("decision-create", meeting.pk) + f"?item={item.pk}")
    assert members[1] not in page.context["form"].initial["excluded"]
    refused = editor.post(
        url("declarations-withdraw", declaration.pk),
        {"reason": "x", "withdrawn_on_day": 1, "withdrawn_on_month": 1, "withdrawn_on_year": 2026},
    )
    assert "Already withdrawn" in refused.text
    client.force_login(people["board_member"])
    assert client.get(url("agenda-change", item.pk)).status_code == 403
    client.force_login(people["other_area_admin"])
    assert client.get(url("agenda-change", item.pk, slug="west-midlands")).status_code == 404


def test_written_procedure_leaves_out_a_member_with_a_declared_interest(board, members):
    written = {
        "method": Decision.Method.WRITTEN,
        "question": "Commission research from Member 1's firm",
        "decided_on": DAY,
        "chair_agreed": True,
        "excluded": [members[1]],
        "actor": None,
    }
    with pytest.raises(ValidationError, match="declared an interest and is excluded"):
        voting.record(board, ballots=[Ballot(members[1], "for")], **written)
    ballots = [Ballot(members[0], "for"), Ballot(members[2], "for"), Ballot(members[3], "against")]
    decision = voting.record(board, ballots=ballots, **written)
    assert decision.outcome == Decision.Outcome.PASSED
    assert list(decision.excluded.all()) == [members[1]]


def test_the_written_procedure_page_records_the_exclusion(editor, board, members):
    page = editor.get(url("decision-written", board.pk)).text
    assert "Members excluded for a declared interest" in page
    data = {
        "question": "Commission research",
        "decided_on_day": 20,
        "decided_on_month": 11,
        "decided_on_year": 2025,
        "chair_agreed": "on",
        "excluded": [str(members[1].pk)],
        f"vote_{members[0].pk}": "for",
        f"vote_{members[2].pk}": "for",
    }
    response = editor.post(url("decision-written", board.pk), data)
    assert response.status_code == 302
    assert list(Decision.objects.get().excluded.all()) == [members[1]]


def test_a_past_meeting_shows_the_chair_on_its_day_not_todays(editor, board, members, meeting):
    later = Meeting.objects.create(board=board, date=date(2026, 1, 8), status="held")
    attend(later, members)
    voting.record(
        board,
        method="meeting",
        meeting=later,
        question="Elect a chair",
        decided_on=later.date,
        ballots=[Ballot(m, candidate=members[2]) for m in members],
        kind=Decision.Kind.CHAIR_ELECTION,
        actor=None,
    )
    assert board.chair == members[2]
    assert membership.chair_on(board, DAY) == members[0]
    assert membership.chair_on(board, later.date) == members[0]  # chaired until the vote
    assert membership.chair_on(board, date(2026, 2, 19)) == members[2]
    assert membership.chair_on(board, date(2025, 1, 1)) is None  # before Ruth joined
    page = editor.get(url("meeting", meeting.pk)).text
    assert 'id="chair-on-the-day">Ruth Ross<' in page
    members[2].left_on = date(2026, 3, 1)
    members[2].is_chair = False
    membership.save_person(members[2], actor=None)
    assert membership.chair_on(board, date(2026, 3, 2)) is None

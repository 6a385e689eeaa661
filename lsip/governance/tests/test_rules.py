"""The terms-of-reference rules, one test each: the member cap, stand-ins, votes by majority,
the chair's casting vote, conflicted members excluded, written procedure, electing a chair,
the LSIF single-bid rule and the grant cap."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lsip.areas.models import Area, Cycle
from lsip.audit.models import AuditEntry
from lsip.governance import frequency, funding, meetings, membership, voting
from lsip.governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    LsifBid,
    Meeting,
    Person,
    RegisterEntry,
)
from lsip.governance.tests.conftest import person
from lsip.governance.voting import Ballot
from lsip.organisations.models import Organisation

FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
DAY = date(2025, 11, 20)


@pytest.fixture
def members(board):
    chair = person(board, "Ruth Ross", is_chair=True)
    return [chair] + [person(board, f"Member {n}") for n in range(1, 7)]


@pytest.fixture
def meeting(board):
    return Meeting.objects.create(board=board, date=DAY, status=Meeting.Status.HELD)


def attend(meeting, people, status=Attendance.Status.PRESENT):
    for someone in people:
        Attendance.objects.create(meeting=meeting, person=someone, status=status)


def motion(board, meeting, ballots, **options):
    return voting.record(
        board,
        method=Decision.Method.MEETING,
        meeting=meeting,
        question="Approve the draft",
        decided_on=meeting.date,
        ballots=ballots,
        actor=None,
        **options,
    )


def test_the_member_cap_is_enforced_and_configurable(board):
    membership.set_cap(board, 3, actor=None)
    for n in range(3):
        person(board, f"Member {n}")
    with pytest.raises(ValidationError, match="already has 3 members, the most its terms"):
        person(board, "One too many")
    person(board, "An attendee", kind=Person.Kind.ATTENDEE)  # attendees are not members
    with pytest.raises(ValidationError, match="cannot be below that"):
        membership.set_cap(board, 2, actor=None)
    membership.set_cap(board, 4, actor=None)
    person(board, "Now there is room")


def test_a_stand_in_stands_in_for_one_member_and_everyone_starts_awaited(board, members):
    with pytest.raises(ValidationError, match="Choose the member"):
        person(board, "Nobody's stand-in", kind=Person.Kind.STAND_IN)
    stand_in = person(board, "Gavin Mills", kind=Person.Kind.STAND_IN, stands_in_for=members[1])
    assert stand_in.register.status == RegisterEntry.Status.AWAITED
    with pytest.raises(ValidationError, match="The chair is a member"):
        person(board, "Secretariat", kind=Person.Kind.ATTENDEE, is_chair=True)


def test_a_majority_of_members_present_passes_a_motion(board, members, meeting):
    attend(meeting, members[:5])  # 5 present
    three_for = [Ballot(m, FOR) for m in members[:3]] + [Ballot(members[3], AGAINST)]
    assert motion(board, meeting, three_for).outcome == Decision.Outcome.PASSED
    one_against = [
        Ballot(members[0], FOR),
        Ballot(members[1], AGAINST),
        Ballot(members[2], AGAINST),
    ]
    failed = motion(board, meeting, one_against)
    assert failed.outcome == Decision.Outcome.FAILED
    nobody_for = [Ballot(m, ABSTAIN) for m in members[:5]]
    assert motion(board, meeting, nobody_for).outcome == Decision.Outcome.FAILED


def six_votes(members, cast_for, against, abstained):
    choices = [FOR] * cast_for + [AGAINST] * against + [ABSTAIN] * abstained
    return [Ballot(m, choice) for m, choice in zip(members, choices, strict=False)]


def test_three_two_one_of_six_passes_abstentions_are_not_counted(board, members, meeting):
    """ToR 2 (decision 0010): the old reading counted the abstainer among those a majority is
    reckoned on, so 3 for of 6 present failed while 2-2-2 passed on the casting vote."""
    attend(meeting, members[:6])
    decision = motion(board, meeting, six_votes(members, 3, 2, 1))
    assert decision.outcome == Decision.Outcome.PASSED
    count = decision.tally()
    assert (count.cast_for, count.against, count.abstained, count.seats) == (3, 2, 1, 6)
    assert not count.drawn
    with pytest.raises(ValidationError, match="not drawn: the chair has no casting vote"):
        motion(board, meeting, six_votes(members, 3, 2, 1), casting=AGAINST)


def test_two_two_two_of_six_is_drawn_and_the_casting_vote_settles_it(board, members, meeting):
    attend(meeting, members[:6])
    with pytest.raises(ValidationError, match="record the chair's casting vote"):
        motion(board, meeting, six_votes(members, 2, 2, 2))
    assert not Decision.objects.exists()
    passed = motion(board, meeting, six_votes(members, 2, 2, 2), casting=FOR)
    assert passed.outcome == Decision.Outcome.PASSED
    assert passed.tally().drawn
    failed = motion(board, meeting, six_votes(members, 2, 2, 2), casting=AGAINST)
    assert failed.outcome == Decision.Outcome.FAILED


def test_a_drawn_vote_goes_the_way_of_the_chairs_casting_vote(board, members, meeting):
    attend(meeting, members[:4])
    drawn = [
        Ballot(members[0], FOR),
        Ballot(members[1], FOR),
        Ballot(members[2], AGAINST),
        Ballot(members[3], AGAINST),
    ]
    with pytest.raises(ValidationError, match="record the chair's casting vote"):
        motion(board, meeting, drawn)
    assert not Decision.objects.exists()
    assert motion(board, meeting, drawn, casting=FOR).outcome == Decision.Outcome.PASSED
    assert motion(board, meeting, drawn, casting=AGAINST).outcome == Decision.Outcome.FAILED


def test_a_member_with_a_declared_interest_is_excluded_from_the_vote(board, members, meeting):
    attend(meeting, members[:5])
    with pytest.raises(ValidationError, match="declared an interest and is excluded"):
        motion(board, meeting, [Ballot(members[1], FOR)], excluded=[members[1]])
    # four seats remain: three for is a majority of them
    ballots = [Ballot(m, FOR) for m in members[2:5]]
    decision = motion(board, meeting, ballots, excluded=[members[1]])
    assert decision.outcome == Decision.Outcome.PASSED
    assert list(decision.excluded.all()) == [members[1]]


def test_a_stand_in_votes_for_an_absent_member_but_not_beside_a_present_one(
    board, members, meeting
):
    stand_in = person(board, "Gavin Mills", kind=Person.Kind.STAND_IN, stands_in_for=members[1])
    attend(meeting, [members[0], members[2]])
    attend(meeting, [stand_in], Attendance.Status.STAND_IN)
    attend(meeting, [members[1]], Attendance.Status.APOLOGIES)
    decision = motion(board, meeting, [Ballot(stand_in, FOR), Ballot(members[0], FOR)])
    vote = decision.votes.get(voter=stand_in)
    assert vote.on_behalf_of == members[1]
    assert decision.outcome == Decision.Outcome.PASSED  # 2 of 3 seats

    other = Meeting.objects.create(board=board, date=date(2026, 1, 8), status="held")
    attend(other, [members[0], members[1]])
    attend(other, [stand_in], Attendance.Status.STAND_IN)
    with pytest.raises(ValidationError, match="is present, so their stand-in Gavin Mills may not"):
        motion(board, other, [Ballot(stand_in, FOR)])


def test_an_attendee_does_not_vote(board, members, meeting):
    consultant = person(board, "Consultant", kind=Person.Kind.ATTENDEE)
    attend(meeting, [members[0], consultant])
    with pytest.raises(ValidationError, match="attends the board but does not vote"):
        motion(board, meeting, [Ballot(consultant, FOR)])


def test_written_procedure_needs_the_chair_and_is_reported_at_the_next_meeting(board, members):
    written = {
        "method": Decision.Method.WRITTEN,
        "question": "Commission labour-market research",
        "decided_on": DAY,
        "ballots": [Ballot(m, FOR) for m in members[:4]],
        "actor": None,
    }
    with pytest.raises(ValidationError, match="needs the chair's agreement"):
        voting.record(board, **written)
    decision = voting.record(board, chair_agreed=True, **written)
    assert decision.outcome == Decision.Outcome.PASSED  # 4 of the 4 responding
    assert not AgendaItem.objects.exists()  # no meeting scheduled yet
    six_weekly = [date(2025, 10, 9), date(2025, 11, 20), date(2025, 12, 31)]
    meetings.schedule(board, six_weekly, actor=None)
    item = AgendaItem.objects.get(report_back_of=decision)
    assert item.meeting.date == date(2025, 12, 31)  # the next meeting after the decision
    assert item.title.startswith("Report and review: decided by written procedure")
    meetings.schedule(board, [date(2026, 2, 11)], actor=None)
    assert AgendaItem.objects.filter(report_back_of=decision).count() == 1


def test_a_new_chair_is_the_person_with_the_most_votes(board, members, meeting):
    attend(meeting, members)
    challenger = members[3]
    ballots = [Ballot(m, candidate=challenger) for m in members[1:5]] + [
        Ballot(m, candidate=members[0]) for m in (members[0], members[5], members[6])
    ]
    decision = motion(board, meeting, ballots, kind=Decision.Kind.CHAIR_ELECTION)
    assert decision.elected == challenger
    assert board.chair == challenger
    recorded = AuditEntry.objects.filter(object_id=str(challenger.pk), action="update")
    assert any("is_chair" in entry.changes for entry in recorded)
    drawn = [Ballot(members[1], candidate=members[1]), Ballot(members[2], candidate=members[2])]
    with pytest.raises(ValidationError, match="casting vote"):
        motion(board, meeting, drawn, kind=Decision.Kind.CHAIR_ELECTION)


def test_scheduled_dates_never_fall_on_a_weekend_or_bank_holiday():
    """The old generator put the third six-weekly meeting on New Year's Day 2026."""
    six_weekly = frequency.dates_every(date(2025, 10, 9), date(2026, 5, 31), weeks=6)
    assert six_weekly == [
        date(2025, 10, 9),
        date(2025, 11, 20),
        date(2025, 12, 31),  # 1 January is a bank holiday: the working day before
        date(2026, 2, 11),  # six weeks after the meeting actually held, never more
        date(2026, 3, 25),
        date(2026, 5, 6),
    ]
    bimonthly = frequency.dates_every(date(2026, 6, 30), date(2026, 12, 31), months=2)
    # 30 August 2026 is a Sunday; 28 December the Boxing Day substitute bank holiday
    assert bimonthly == [
        date(2026, 6, 30),
        date(2026, 8, 28),
        date(2026, 10, 28),
        date(2026, 12, 24),
    ]
    first = frequency.dates_every(date(2026, 5, 2), date(2026, 5, 31), weeks=6)
    assert first == [date(2026, 5, 5)]  # a Saturday start moves past the May bank holiday
    assert all(frequency.is_working_day(d) for d in six_weekly + bimonthly)


def test_schedule_refuses_a_bank_holiday(board):
    with pytest.raises(ValidationError, match="Thursday 1 January 2026 is a weekend or a bank"):
        meetings.schedule(board, [date(2025, 12, 18), date(2026, 1, 1)], actor=None)


def test_bimonthly_is_refused_before_june_2026_even_with_the_boards_agreement(
    board, members, meeting
):
    """ToR 4: six-weekly from October 2025 to May 2026; the old rule let any agreed decision
    space meetings out at any time."""
    attend(meeting, members[:3])
    agreed = motion(board, meeting, [Ballot(m, FOR) for m in members[:3]])
    spring = frequency.dates_every(date(2026, 1, 6), date(2026, 5, 31), months=2)
    with pytest.raises(ValidationError, match="Too far apart: .* the board meets every 6 weeks"):
        meetings.schedule(board, spring, actor=None, agreed_by=agreed)


def test_bimonthly_from_june_2026_only_with_the_boards_majority(board, members):
    meeting = Meeting.objects.create(board=board, date=date(2026, 5, 20), status="held")
    attend(meeting, members[:3])
    refused = motion(
        board,
        meeting,
        [Ballot(members[0], FOR), Ballot(members[1], AGAINST), Ballot(members[2], AGAINST)],
    )
    bimonthly = frequency.dates_every(date(2026, 6, 30), date(2026, 12, 31), months=2)
    with pytest.raises(ValidationError, match="need the board's majority agreement"):
        meetings.schedule(board, bimonthly, actor=None)
    with pytest.raises(ValidationError, match="has not agreed this schedule"):
        meetings.schedule(board, bimonthly, actor=None, agreed_by=refused)
    agreed = motion(board, meeting, [Ballot(m, FOR) for m in members[:3]])
    quarterly = frequency.dates_every(date(2026, 6, 30), date(2026, 12, 31), months=3)
    with pytest.raises(ValidationError, match="Too far apart even so"):
        meetings.schedule(board, quarterly, actor=None, agreed_by=agreed)
    assert len(meetings.schedule(board, bimonthly, actor=None, agreed_by=agreed)) == 4
    reduced = board.frequencies.get(starts_on=date(2026, 6, 1))
    assert reduced.reduced_by == agreed
    assert frequency.board_gaps(board) == []


def test_the_frequencies_are_the_boards_data_and_long_gaps_are_warned(board):
    assert [
        (p.starts_on, p.ends_on, p.every_weeks, p.reduced_every_months)
        for p in (board.frequencies.all())
    ] == [
        (date(2025, 10, 1), date(2026, 5, 31), 6, None),
        (date(2026, 6, 1), date(2028, 10, 31), 6, 2),
    ]
    Meeting.objects.create(board=board, date=date(2025, 11, 20))
    Meeting.objects.create(board=board, date=date(2026, 1, 29))  # ten weeks later
    Meeting.objects.create(board=board, date=date(2026, 3, 12))
    [gap] = frequency.board_gaps(board)
    assert (gap.after, gap.before) == (date(2025, 11, 20), date(2026, 1, 29))
    assert "the board meets every 6 weeks" in str(gap)
    first = board.frequencies.first()
    first.every_weeks = 10
    first.save()
    assert frequency.board_gaps(board) == []


def test_recordings_are_flagged_once_minutes_are_approved(board):
    held = Meeting.objects.create(board=board, date=DAY, recorded=True)
    assert not meetings.recordings_to_destroy(board).exists()
    held.minutes_approved_on = date(2026, 1, 8)
    held.save()
    assert list(meetings.recordings_to_destroy(board)) == [held]
    assert held.recording_due_for_destruction
    held.recording_destroyed_on = date(2026, 1, 9)
    held.save()
    assert not meetings.recordings_to_destroy(board).exists()


def test_lsif_more_than_one_bid_is_refused_and_a_joint_bid_asked(board, members, meeting, marches):
    college = Organisation.objects.create(area=marches, name="Telford College", type="fe_college")
    university = Organisation.objects.create(area=marches, name="Harper Adams", type="he_provider")
    first = LsifBid.objects.create(
        area=marches, cycle=board.cycle, provider=college, title="Engineering", proposed_on=DAY
    )
    attend(meeting, members[:3])
    ballots = [Ballot(m, FOR) for m in members[:3]]
    options = {
        "board": board,
        "method": "meeting",
        "meeting": meeting,
        "question": "Endorse",
        "decided_on": DAY,
        "actor": None,
    }
    endorsed = voting.endorse_bid(first, ballots=ballots, **options)
    first.refresh_from_db()
    assert (endorsed.outcome, first.status) == (Decision.Outcome.PASSED, LsifBid.Status.ENDORSED)

    cycle = Cycle.objects.create(area=marches, start_year=2028, end_year=2031)
    one = LsifBid.objects.create(
        area=marches, cycle=cycle, provider=college, title="A", proposed_on=DAY
    )
    two = LsifBid.objects.create(
        area=marches, cycle=cycle, provider=university, title="B", proposed_on=DAY
    )
    with pytest.raises(funding.JointBidRequiredError, match="asked to submit a joint bid"):
        voting.endorse_bid(one, ballots=ballots, **options)
    for bid in (one, two):
        bid.refresh_from_db()
        assert bid.status == LsifBid.Status.JOINT_BID_ASKED
    assert not Decision.objects.filter(lsif_bid__in=[one, two]).exists()


@pytest.mark.parametrize(
    ("slug", "cap"), [("the-marches", "550000"), ("greater-london", "1100000")]
)
def test_the_first_lsips_grant_may_not_pass_its_cap(db, slug, cap):
    """Stage 2 guidance 2: the cap bounds stages 1 and 2 of the first LSIP (2022-2025)."""
    area = Area.objects.get(slug=slug)
    cycle = Cycle.objects.create(area=area, start_year=2022, end_year=2025)
    grant = funding.open_grant(area, cycle, actor=None)
    assert grant.cap == Decimal(cap)
    first = Decimal(cap) - Decimal("1000")
    funding.add_claim(grant, stage="1", amount=first, claimed_on=DAY, actor=None)
    with pytest.raises(ValidationError, match=f"above the £{Decimal(cap):,.0f}"):
        funding.add_claim(grant, stage="2", amount="1000.01", claimed_on=DAY, actor=None)
    funding.add_claim(grant, stage="2", amount="1000", claimed_on=DAY, actor=None)
    assert funding.claimed(grant) == Decimal(cap)


def test_a_new_cycles_grant_has_the_cap_its_terms_give_not_the_first_lsips(db, marches):
    """The old rule capped every cycle at £550,000; the 2025 guidance sets no figure."""
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    grant = funding.open_grant(marches, cycle, actor=None)
    assert grant.cap is None
    funding.add_claim(grant, stage="1", amount="600000", claimed_on=DAY, actor=None)
    with pytest.raises(ValidationError, match="cannot be below that"):
        funding.set_cap(grant, "500000", actor=None)
    funding.set_cap(grant, "700000", actor=None)
    with pytest.raises(ValidationError, match="above the £700,000"):
        funding.add_claim(grant, stage="2", amount="100000.01", claimed_on=DAY, actor=None)
    assert AuditEntry.objects.filter(object_id=str(grant.pk), action="update").exists()


def test_the_public_register_has_no_contact_details(board, members):
    members[1].email, members[1].phone = "m1@example.org", "01743 000000"
    membership.save_person(members[1], actor=None)
    membership.declare(
        members[1].register, interests=[("Trustee of a charity", DAY)], declared_on=DAY, actor=None
    )
    membership.declare(members[2].register, interests=[], declared_on=DAY, actor=None)
    text = membership.register_csv(board)
    assert "m1@example.org" not in text
    assert "01743" not in text
    rows = {r["Name"]: r for r in membership.public_register(board)}
    assert rows["Member 1"]["Declaration"] == "Trustee of a charity"
    assert rows["Member 2"]["Declaration"] == "No interests"
    assert rows["Member 3"]["Declaration"] == "Awaited"
    waiting = membership.awaited(board, today=date(2026, 1, 1))
    assert {w.person.name for w in waiting} == {
        "Ruth Ross",
        "Member 3",
        "Member 4",
        "Member 5",
        "Member 6",
    }


def test_a_stand_in_does_not_attend_beside_their_member(board, members, meeting):
    stand_in = person(board, "Paul Hodgetts", kind=Person.Kind.STAND_IN, stands_in_for=members[4])
    beside = {members[4]: Attendance.Status.PRESENT, stand_in: Attendance.Status.STAND_IN}
    with pytest.raises(ValidationError, match="is present, so their stand-in Paul Hodgetts"):
        meetings.record_attendance(meeting, beside, actor=None)
    assert not Attendance.objects.filter(meeting=meeting).exists()
    instead = {members[4]: Attendance.Status.APOLOGIES, stand_in: Attendance.Status.STAND_IN}
    meetings.record_attendance(meeting, instead, actor=None)
    assert Attendance.objects.filter(meeting=meeting).count() == 2


def test_the_chair_changes_only_by_election(board, members):
    members[2].is_chair = True
    with pytest.raises(ValidationError, match="a new chair is elected by a vote"):
        membership.save_person(members[2], actor=None)
    assert board.chair == members[0]


def test_the_joint_bid_asked_for_can_be_endorsed(board, members, meeting, marches):
    college = Organisation.objects.create(area=marches, name="Telford College", type="fe_college")
    university = Organisation.objects.create(area=marches, name="Harper Adams", type="he_provider")
    for provider in (college, university):
        LsifBid.objects.create(
            area=marches, cycle=board.cycle, provider=provider, title="Own bid", proposed_on=DAY
        )
    first = LsifBid.objects.first()
    attend(meeting, members[:3])
    options = {
        "board": board,
        "method": "meeting",
        "meeting": meeting,
        "question": "Endorse",
        "decided_on": DAY,
        "actor": None,
        "ballots": [Ballot(m, FOR) for m in members[:3]],
    }
    with pytest.raises(funding.JointBidRequiredError):
        voting.endorse_bid(first, **options)
    joint = LsifBid.objects.create(
        area=marches, cycle=board.cycle, provider=college, title="Joint bid", proposed_on=DAY
    )
    voting.endorse_bid(joint, **options)
    joint.refresh_from_db()
    assert joint.status == LsifBid.Status.ENDORSED


def test_a_decision_at_a_meeting_is_dated_that_day(board, members, meeting):
    attend(meeting, members[:3])
    with pytest.raises(ValidationError, match="is dated that day"):
        voting.record(
            board,
            method=Decision.Method.MEETING,
            meeting=meeting,
            question="Backdated",
            decided_on=date(2020, 1, 1),
            ballots=[Ballot(members[0], FOR)],
            actor=None,
        )
    assert not Decision.objects.exists()


def test_a_boards_periods_are_changed_within_their_rules(board):
    first, second = board.frequencies.all()
    first.ends_on = date(2026, 6, 30)
    with pytest.raises(ValidationError, match="overlaps another"):
        frequency.save_frequency(first, actor=None)
    first.ends_on = date(2026, 5, 31)
    second.reduced_every_months = 1  # a month is more often than six weeks
    with pytest.raises(ValidationError, match="meeting less often"):
        frequency.save_frequency(second, actor=None)
    second.reduced_every_months = 3
    frequency.save_frequency(second, actor=None)
    assert board.frequencies.get(pk=second.pk).reduced_every_months == 3

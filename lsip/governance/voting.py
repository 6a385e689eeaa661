"""Decisions and votes under the board's terms of reference (the Marches ToR):

- a decision is made by a majority of the members present (at a meeting) or responding (by
  written procedure) who vote for or against: abstentions are recorded, not counted;
- a drawn vote (as many for as against) is settled by the chair's casting vote;
- a member with a declared interest in the item may be excluded from its vote;
- a nominated stand-in votes in place of a member who is not present, never beside them;
- a decision by written procedure (email) needs the chair's agreement, and is reported and
  reviewed at the next board meeting;
- a new chair is elected by vote: the person with the most votes.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.audit.context import acting_as
from lsip.governance import meetings, membership
from lsip.governance.funding import check_single_bid
from lsip.governance.models import Attendance, Board, Decision, LsifBid, Person, Vote


@dataclass(frozen=True)
class Ballot:
    """One vote as recorded: the person who voted and either a choice or a candidate."""

    voter: Person
    choice: str = ""
    candidate: Person | None = None


def check_ballot(ballot: Ballot, kind: str, board: Board) -> None:
    """A ballot fits its decision: on a motion, for, against or abstain; in an election of
    the chair, a vote for one of the board's current members (Marches ToR 2)."""
    voter = ballot.voter
    if kind == Decision.Kind.CHAIR_ELECTION:
        candidate = ballot.candidate
        if candidate is None or ballot.choice:
            raise ValidationError(f"{voter.name}: choose a candidate for chair")
        if (
            candidate.board_id != board.pk
            or candidate.kind != Person.Kind.MEMBER
            or candidate.left_on is not None
        ):
            raise ValidationError(f"{voter.name}: the chair is one of the board's members")
    elif ballot.candidate is not None or ballot.choice not in Vote.Choice.values:
        raise ValidationError(f"{voter.name}: vote for, against or abstain")


def seats(decision: Decision) -> dict[int, Person]:
    """Member pk -> who may cast that member's vote: the member if present, else their
    stand-in attending for them; none for a member excluded for a declared interest. By
    written procedure every member responds for themself."""
    excluded = {p.pk for p in decision.excluded.all()}
    board_members = Person.objects.filter(
        board=decision.board, kind=Person.Kind.MEMBER, left_on__isnull=True
    )
    if decision.method == Decision.Method.WRITTEN:
        return {m.pk: m for m in board_members if m.pk not in excluded}
    present = {
        a.person_id: a.person
        for a in Attendance.objects.filter(meeting=decision.meeting).select_related(
            "person", "person__stands_in_for"
        )
        if a.status in (Attendance.Status.PRESENT, Attendance.Status.STAND_IN)
    }
    held = {}
    for member in board_members:
        if member.pk in excluded:
            continue
        if member.pk in present:
            held[member.pk] = member
            continue
        stand_in = next((p for p in present.values() if p.stands_in_for_id == member.pk), None)
        if stand_in is not None:
            held[member.pk] = stand_in
    return held


def _seat_of(ballot: Ballot, decision: Decision, held: dict[int, Person]) -> Person:
    """The member on whose behalf `ballot` counts, or a ValidationError saying why not."""
    voter = ballot.voter
    excluded = {p.pk for p in decision.excluded.all()}
    if voter.kind == Person.Kind.ATTENDEE:
        raise ValidationError(f"{voter} attends the board but does not vote")
    member = voter if voter.kind == Person.Kind.MEMBER else voter.stands_in_for
    if member.pk in excluded:
        raise ValidationError(f"{member} declared an interest and is excluded from this vote")
    if held.get(member.pk) == voter:
        return member
    if voter.kind == Person.Kind.STAND_IN and held.get(member.pk) == member:
        raise ValidationError(f"{member} is present, so their stand-in {voter} may not vote")
    raise ValidationError(f"{voter} is not at the meeting to vote")


def outcome_of_motion(choices: list[str], casting: str = "") -> str:
    """Marches ToR 2: decisions are made "by a majority of the number of members present or
    responding" and "in the event of a drawn vote, the Chair will make the casting vote".
    Read as in docs/decisions/0010-abstentions-and-drawn-votes.md: an abstention is recorded
    but is not a vote either way, so a motion passes with more votes for than against; as many
    for as against is a drawn vote, settled by the chair's casting vote; a motion no one voted
    for or against is not passed."""
    count = Counter(choices)
    cast_for, against = count[Vote.Choice.FOR], count[Vote.Choice.AGAINST]
    if cast_for and cast_for == against:
        if casting not in (Vote.Choice.FOR, Vote.Choice.AGAINST):
            raise ValidationError({"casting": "The vote is drawn: record the chair's casting vote"})
        return Decision.Outcome.PASSED if casting == Vote.Choice.FOR else Decision.Outcome.FAILED
    if casting:
        raise ValidationError(
            {"casting": "The vote is not drawn: the chair has no casting vote to give"}
        )
    return Decision.Outcome.PASSED if cast_for > against else Decision.Outcome.FAILED


def winner(candidates: list[Person], casting: Person | None = None) -> Person:
    """ToR: the person with the most votes is the new chair; a draw, the chair's casting vote."""
    tally = Counter(candidates)
    if not tally:
        raise ValidationError("No votes were cast")
    most = max(tally.values())
    leaders = [person for person, votes in tally.items() if votes == most]
    if len(leaders) == 1:
        return leaders[0]
    if casting not in leaders:
        raise ValidationError(
            {
                "casting_candidate": f"{' and '.join(sorted(str(p) for p in leaders))} have "
                f"{most} votes each: record the chair's casting vote for one of them"
            }
        )
    return casting


def _check_decision(board, method, meeting, item, decided_on, chair_agreed) -> None:
    """Where and when a decision was taken, as the terms of reference allow: at a meeting of
    the board and dated that day, or by written procedure with the chair's agreement."""
    if method == Decision.Method.WRITTEN and not chair_agreed:
        raise ValidationError(
            {"chair_agreed": "A decision by written procedure needs the chair's agreement"}
        )
    if method == Decision.Method.WRITTEN and meeting is not None:
        raise ValidationError(
            {"meeting": "A decision by written procedure is taken outside a meeting"}
        )
    if method == Decision.Method.MEETING and meeting is None:
        raise ValidationError({"meeting": "Say at which meeting the decision was taken"})
    if meeting is not None and meeting.board_id != board.pk:
        raise ValidationError({"meeting": "Choose a meeting of this board"})
    if item is not None and item.meeting_id != getattr(meeting, "pk", None):
        raise ValidationError({"item": "Choose an item on this meeting's agenda"})
    if meeting is not None and decided_on != meeting.date:
        raise ValidationError(
            {
                "decided_on": f"A decision taken at the meeting of {meeting.date:%-d %B %Y} "
                "is dated that day"
            }
        )


def record(
    board: Board,
    *,
    method: str,
    question: str,
    decided_on,
    ballots: list[Ballot],
    actor,
    meeting=None,
    item=None,
    kind: str = Decision.Kind.MOTION,
    excluded=(),
    chair_agreed: bool = False,
    casting: str = "",
    casting_candidate: Person | None = None,
    lsif_bid: LsifBid | None = None,
) -> Decision:
    """Record a decision with every vote, applying the terms of reference; refuse (with
    ValidationError, nothing saved) whatever they do not allow."""
    _check_decision(board, method, meeting, item, decided_on, chair_agreed)
    for ballot in ballots:
        check_ballot(ballot, kind, board)
    with transaction.atomic(), acting_as(actor):
        decision = Decision(
            board=board,
            kind=kind,
            method=method,
            meeting=meeting,
            item=item,
            question=question,
            decided_on=decided_on,
            chair_agreed=chair_agreed,
            casting_vote=casting,
            outcome=Decision.Outcome.UNDECIDED,
            lsif_bid=lsif_bid,
        )
        decision.save()
        decision.excluded.set(excluded)
        held = seats(decision)
        votes = []
        for ballot in ballots:
            member = _seat_of(ballot, decision, held)
            if any(v.on_behalf_of == member for v in votes):
                raise ValidationError(f"{member}'s vote is recorded twice")
            votes.append(
                Vote(
                    decision=decision,
                    voter=ballot.voter,
                    on_behalf_of=member,
                    choice=ballot.choice,
                    candidate=ballot.candidate,
                )
            )
        Vote.objects.bulk_create(votes)
        decision.seats = len(held) if method == Decision.Method.MEETING else len(votes)
        if kind == Decision.Kind.CHAIR_ELECTION:
            decision.elected = winner([v.candidate for v in votes], casting_candidate)
            decision.outcome = Decision.Outcome.ELECTED
            membership.change_chair(board, decision.elected, on=decided_on)
        else:
            decision.outcome = outcome_of_motion([v.choice for v in votes], casting)
        decision.save()
        if method == Decision.Method.WRITTEN:
            meetings.report_back(decision)
        if lsif_bid is not None:
            lsif_bid.status = (
                LsifBid.Status.ENDORSED
                if decision.outcome == Decision.Outcome.PASSED
                else LsifBid.Status.NOT_ENDORSED
            )
            lsif_bid.save()
    return decision


def endorse_bid(bid: LsifBid, **decision) -> Decision:
    """Stage 2 guidance 3.5: the board's decision on endorsing a provider's LSIF bid, refused
    (and recorded on the bids) when more than one application is proposed for the area."""
    if bid.withdrawn:
        raise ValidationError("The bid was withdrawn: the board has nothing to endorse")
    if bid.status in (LsifBid.Status.ENDORSED, LsifBid.Status.NOT_ENDORSED):
        raise ValidationError(f"The board has already decided: {bid.get_status_display()}")
    check_single_bid(bid, actor=decision.get("actor"))
    return record(
        decision.pop("board"), kind=Decision.Kind.LSIF_ENDORSEMENT, lsif_bid=bid, **decision
    )

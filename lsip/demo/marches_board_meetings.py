"""A year of the Marches board at work, so a newcomer sees governance run: meetings from the
board's commencement (28 October 2025) six-weekly to May 2026, then every two months once the
board agreed it (ToR 4), each with its agenda, papers, attendance, declarations, decisions,
minutes and actions; a decision by written procedure reported at the next meeting; and a
drawn vote settled by the chair's casting vote.

The people are the board's (seed 000) and the declarations repeat interests they put on the
register; the meetings, votes, papers and minutes are ILLUSTRATIVE: the pack publishes no
minutes, and every set of minutes here says so. The board keeps its own term (2025-2028)
within the plan's 2026-2029 cycle.

Everything goes through the governance rules (`meetings.schedule`, `record_attendance`,
`voting.record`), so the demo cannot show what the rules refuse. Loaded once: a board that
already has meetings is left as it is.
"""

import datetime

from django.core.files.base import ContentFile

from lsip.governance import meetings, membership, voting
from lsip.governance.frequency import dates_every
from lsip.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Declaration,
    Meeting,
    Paper,
    Person,
)
from lsip.governance.voting import Ballot

D = datetime.date
PRESENT, STAND_IN, APOLOGIES = (
    Attendance.Status.PRESENT,
    Attendance.Status.STAND_IN,
    Attendance.Status.APOLOGIES,
)
FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
NOTE = "Illustrative minutes for the demonstration: the board's own minutes are not published."

#: Meetings in order: (agenda items, papers (item number, title), apologies (a stand-in
#: attending for a member is named after "/"), minutes, actions (description, owner, due,
#: done on)). Decisions are in DECISIONS.
MEETINGS = [
    (
        [
            "Welcome and terms of reference",
            "Declarations for the register of interests",
            "The LSIP timetable: draft by 31 March 2026, final plan by May, published in June",
        ],
        [(0, "Terms of reference"), (2, "LSIP timetable and statutory guidance summary")],
        ["Steve Owen"],
        "The board met for the first time, adopted its terms of reference and asked every "
        "member to complete the conflicts of interest declaration.",
        [
            (
                "Return register of interests declarations",
                "All members",
                D(2025, 11, 14),
                D(2025, 11, 14),
            )
        ],
    ),
    (
        [
            "Minutes of the last meeting",
            "Employer engagement plan",
            "Commission research on provision gaps",
        ],
        [(1, "Employer engagement plan"), (2, "Research specification: provision gaps")],
        ["Sherridan Grady/Gavin Mills"],
        "The board agreed the engagement plan and approved the research, Gareth Jones taking "
        "no part in the item.",
        [
            (
                "Circulate the engagement plan to partners",
                "Rosie Beswick",
                D(2025, 12, 19),
                D(2025, 12, 17),
            )
        ],
    ),
    (
        [
            "Minutes of the last meeting",
            "Emerging priorities",
            "A separate deep dive on the care workforce",
        ],
        [(1, "Emerging priorities from employer interviews")],
        ["Gareth Jones", "Sherridan Grady/Gavin Mills", "Steve Owen"],
        "The vote on a separate care workforce deep dive was drawn; the chair gave her "
        "casting vote for it.",
        [("Scope the care workforce deep dive", "Metro Dynamics", D(2026, 2, 13), D(2026, 2, 10))],
    ),
    (
        ["Minutes of the last meeting", "The substantive draft of the plan"],
        [(1, "Substantive draft LSIP")],
        ["Dr Simone Clarke/Alistair Dawes"],
        "The board agreed the substantive draft for submission by 31 March 2026.",
        [
            (
                "Submit the substantive draft to Skills England",
                "Ruth Ross",
                D(2026, 3, 31),
                D(2026, 3, 27),
            )
        ],
    ),
    (
        ["Minutes of the last meeting", "How often the board meets from June 2026"],
        [],
        ["Mandy Knott"],
        "The board agreed to meet every two months from June 2026, as its terms allow.",
        [],
    ),
    (
        ["Minutes of the last meeting", "The final plan"],
        [(1, "Final LSIP for approval")],
        ["Tony Sproston"],
        "The board approved the final plan for submission for approval.",
        [("Submit the final plan", "Ruth Ross", D(2026, 5, 29), D(2026, 5, 28))],
    ),
    (
        ["Minutes of the last meeting", "Publishing and promoting the plan"],
        [(1, "Launch and promotion plan")],
        ["David Williams"],
        "The board reviewed the launch of the published plan and each member's part in "
        "promoting it.",
        [("Share the plan with each member's networks", "All members", D(2026, 9, 18), None)],
    ),
    (
        ["Minutes of the last meeting", "Implementation: progress against the actions"],
        [(1, "Implementation tracker")],
        ["Gareth Jones/Paul Hodgetts"],
        "The board reviewed progress against the plan's actions.",
        [],
    ),
    (
        ["Minutes of the last meeting", "Annual progress report: outline"],
        [(1, "Progress report outline")],
        ["Simon Wellman"],
        "The board discussed the outline of the first annual progress report.",
        [("Draft the annual progress report", "Rosie Beswick", D(2027, 1, 8), None)],
    ),
]

#: (meeting number, agenda item number, question, votes: name -> choice, casting vote,
#: declarations on the item: name -> description, which exclude the person from the vote).
DECISIONS = [
    (0, 0, "Adopt the terms of reference", {"*": FOR}, "", {}),
    (
        1,
        2,
        "Commission research on gaps in provision",
        {"*": FOR, "Matt Potts": ABSTAIN},
        "",
        {
            "Gareth Jones": "Managing Director of In-Comm Training, which delivers "
            "government-funded training the research covers"
        },
    ),
    (
        2,
        2,
        "Commission a separate deep dive on the care workforce",
        {
            "Ruth Ross": FOR,
            "David Crosby": FOR,
            "Mandy Knott": FOR,
            "Tony Sproston": FOR,
            "Matt Potts": AGAINST,
            "Roger Allonby": AGAINST,
            "Simon Wellman": AGAINST,
            "Lawrence Wood": AGAINST,
            "Dr Simone Clarke": ABSTAIN,
            "David Williams": ABSTAIN,
            "Gavin Mills": ABSTAIN,
        },
        FOR,
        {},
    ),
    (3, 1, "Submit the substantive draft by 31 March 2026", {"*": FOR}, "", {}),
    (
        4,
        1,
        "Meet every two months from June 2026 to October 2028",
        {"*": FOR, "Lawrence Wood": AGAINST},
        "",
        {},
    ),
    (5, 1, "Approve the final plan for submission", {"*": FOR}, "", {}),
]

WRITTEN = (
    D(2026, 2, 10),
    "Approve the questions of the employer survey",
    {"*": FOR, "Steve Owen": "", "Roger Allonby": AGAINST},
)


def load_meetings(board: Board) -> None:
    """The board's year of meetings, once (called inside the demo's actor)."""
    if board.meetings.exists():
        return
    people = {p.name: p for p in board.people.all()}
    six_weekly = dates_every(D(2025, 10, 28), D(2026, 5, 31), weeks=6)
    held = meetings.schedule(board, six_weekly, actor=None)
    for n, meeting in enumerate(held):
        _hold(meeting, n, people)
        if n == 2:
            _written(board, people)
    agreed = board.decisions.get(question__startswith="Meet every two months")
    later = meetings.schedule(
        board, dates_every(D(2026, 7, 21), D(2027, 1, 31), months=2), actor=None, agreed_by=agreed
    )
    for n, meeting in enumerate(later[:-1], start=len(held)):
        _hold(meeting, n, people)
    _approve_minutes(board)
    _vacant_other_category(board)
    board.conflicts_policy = CONFLICTS_POLICY
    board.full_clean()
    board.save()


def _hold(meeting: Meeting, n: int, people: dict) -> None:
    titles, papers, apologies, minutes, actions = MEETINGS[n]
    first = meeting.agenda.count()  # after a written decision's report back, if any
    items = [
        AgendaItem.objects.create(meeting=meeting, position=first + i, title=title)
        for i, title in enumerate(titles)
    ]
    for number, title in papers:
        paper = Paper(item=items[number], title=title)
        text = f"{title}\n\n{meeting}\n\nA demonstration paper: its content is not published.\n"
        paper.file.save(f"{title.lower().replace(' ', '-')[:40]}.txt", ContentFile(text))
    meetings.record_attendance(meeting, _attendance(people, apologies), actor=None)
    for m, number, question, votes, casting, declared in DECISIONS:
        if m == n:
            _decide(meeting, items[number], question, votes, casting, declared, people)
    for description, owner, due, done in actions:
        ActionItem.objects.create(
            meeting=meeting, description=description, owner=owner, due=due, done_on=done
        )
    meeting.status = Meeting.Status.HELD
    meeting.minutes = f"{NOTE}\n\n{minutes}"
    meeting.recorded = True
    meeting.save()


def _attendance(people: dict, apologies: list[str]) -> dict:
    statuses = {
        p: PRESENT for p in people.values() if p.kind == Person.Kind.MEMBER and not p.left_on
    }
    for entry in apologies:
        member, _, stand_in = entry.partition("/")
        statuses[people[member]] = APOLOGIES
        if stand_in:
            statuses[people[stand_in]] = STAND_IN
    for name in ("Rosie Beswick", "Liz Keirle"):  # the project manager and the secretariat
        statuses[people[name]] = PRESENT
    return statuses


def _decide(meeting, item, question, votes, casting, declared, people) -> Decision:
    excluded = []
    for name, description in declared.items():
        Declaration.objects.create(item=item, person=people[name], description=description)
        excluded.append(people[name])
    voters = [
        a.person
        for a in meeting.attendance.select_related("person")
        if a.status in (PRESENT, STAND_IN) and a.person.votes and a.person not in excluded
    ]
    ballots = [
        Ballot(voter, votes.get(voter.name, votes.get("*", "")))
        for voter in voters
        if votes.get(voter.name, votes.get("*", ""))
    ]
    return voting.record(
        meeting.board,
        method=Decision.Method.MEETING,
        meeting=meeting,
        item=item,
        question=question,
        decided_on=meeting.date,
        ballots=ballots,
        casting=casting,
        excluded=excluded,
        actor=None,
    )


def _written(board: Board, people: dict) -> Decision:
    """ToR 2: a decision by email with the chair's agreement, reported at the next meeting."""
    decided_on, question, votes = WRITTEN
    members = [p for p in people.values() if p.kind == Person.Kind.MEMBER]
    ballots = [
        Ballot(m, votes.get(m.name, votes["*"])) for m in members if votes.get(m.name, votes["*"])
    ]
    return voting.record(
        board,
        method=Decision.Method.WRITTEN,
        question=question,
        decided_on=decided_on,
        ballots=ballots,
        chair_agreed=True,
        actor=None,
    )


def _approve_minutes(board: Board) -> None:
    """Each meeting's minutes are approved at the next, and the recording then destroyed
    (ToR 2); the last meeting held waits for the next."""
    held = list(board.meetings.filter(status=Meeting.Status.HELD).order_by("date"))
    for meeting, following in zip(held, held[1:], strict=False):
        meeting.minutes_approved_on = following.date
        meeting.recording_destroyed_on = following.date
        meeting.save()


def _vacant_other_category(board: Board) -> None:
    """The membership list of 30/10/2025 names nobody under h (other organisations)."""
    other = board.categories.get(category=Person.Category.OTHER)
    other.vacant_since = D(2025, 10, 28)
    other.vacancy_note = "No other organisation deemed relevant yet (membership list, 30/10/2025)"
    membership.record_vacancy(other, actor=None)


#: The policy as the terms of reference and the statutory guidance (Annex C) describe it.
CONFLICTS_POLICY = """\
Board members act by the Nolan Principles of Public Life.

Every member, stand-in and other attendee declares their interests when they join, and again \
when their interests change; the secretariat keeps the register of interests and publishes \
it with this policy.

At each meeting, anyone with an interest in an agenda item declares it; a member with a \
declared interest takes no part in the vote on that item, whether at a meeting or by written \
procedure.

Where the ERB itself provides training in the area, its training activities and other \
relevant interests are recorded in the register."""

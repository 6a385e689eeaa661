"""The Marches LSIP Board of the 2025-2028 cycle, as the governance pack (seed 000) gives it:
membership as at 30/10/2025, the stand-ins, the other attendees and the conflicts-of-interest
register as at 30/10/2025. These are real, published facts: the names, what each person
represents and what they declared. The pack gives no contact details, and none are made up.

Everything is written through `lsip.governance.membership`, so the cap, stand-in and chair
rules apply and the audit trail records it. Running it again changes nothing: a person already
on the board is left as they are, and a declaration already recorded is not recorded again.

Readings of the pack, where it is not explicit:

- "What they represent" is the membership list's "Company or Organisation" column, which says
  more than the register's "Represents" column (for example "representing Social Care sector").
- Membership categories follow the terms of reference (a. employers ... h. other): Partners in
  Care represents the social care sector's employers, so it is counted as an employer; AllPay,
  Clear Design, Paveaways and Fowler & Gilbert are employers; In-Comm an independent training
  provider; the Chamber (the ERB) is Ruth Ross's category.
- Darran Alford is listed under "Stand-Ins" in the membership list but under "Other attendees"
  in the register, as an employee of the DWP, and the pack names no member he stands in for.
  A stand-in must stand in for a member, DWP has no member on the board, and the register is
  the more specific of the two, so he is recorded as another attendee (like Mark Palmer, also
  DWP).
- The membership list spells "Liz Keirle", the register "Liz Keirl": the membership list's
  spelling is used.
- The register's "Conflicts-of-Interest" text is one run of words; it is split into one
  interest for each role or relationship it names, each declared on 30/10/2025. "No conflicts
  of interest" is recorded as no interests; David Williams's "Awaited" stays awaited, asked
  for when the board commenced (28/10/2025).
"""

import datetime

from django.db import transaction

from lsip.areas.models import Cycle
from lsip.audit.context import acting_as
from lsip.demo import marches_board_meetings
from lsip.governance import membership, terms
from lsip.governance.models import Board, Person, RegisterEntry
from lsip.organisations.models import Organisation

LABEL = "lsip demo (Marches board, seed 000)"
NAME = "Marches LSIP Board"
COMMENCED = datetime.date(2025, 10, 28)  # "Board Commenced 28th October 2025"
#: The pack's cycle runs 2025-2028 and its meetings are set until October 2028.
TERM_ENDS = datetime.date(2028, 10, 31)
DECLARED = datetime.date(2025, 10, 30)  # "Conflicts of Interest Register as at 30/10/2025"
AWAITED = None
NONE: list[str] = []

K, C = Person.Kind, Person.Category

TERMS_OF_REFERENCE = """\
Purpose: to give direction and oversight to the development of an effective LSIP for The \
Marches, building on the first cycle (2022-2025) and new research, under Skills England's \
governance.

Membership: a sub-committee of the Shropshire Chamber of Commerce Board with delegated \
authority for the LSIP, reporting through the Chamber's Chief Executive. At most 20 senior \
decision-makers: employers from a range of sectors across The Marches; further education; \
higher education; independent training providers; the three local authorities; the \
Herefordshire Skills Board; Shropshire Chamber of Commerce; other relevant organisations.

Chair: initially the Chamber's Chief Executive; if another member wishes to chair, the board \
votes and the person with the most votes chairs.

Decisions: by a majority of the members present or responding; the chair has the casting vote \
on a tie. Between meetings, decisions may be taken by written procedure (email) with the \
chair's agreement, reported and reviewed at the next meeting.

Stand-ins: a member who cannot attend may, by prior agreement, send a previously nominated \
stand-in of similar seniority, who may vote.

Secretariat: the Chamber's team. Members follow the Nolan Principles, complete a conflicts of \
interest declaration, and the register of interests is kept and published.

Meetings: online, recorded to take the minutes (the recording is destroyed once the minutes \
are done); every 6 weeks from October 2025 to May 2026, then every two months from June 2026 \
to October 2028 if a majority agrees."""

#: (name, represents, organisation in the demo directory, category, chair, interests).
MEMBERS = [
    (
        "Ruth Ross",
        "Shropshire Chamber CEO (LSIP Board Chair)",
        "Shropshire Chamber of Commerce",
        C.ERB,
        True,
        [
            "CEO Shropshire Chamber of Commerce",
            "Marches Steering Group",
            "Shropshire Economic Partnership Group",
            "Chair of the Shropshire Council Skills Group",
            "Working relationships with local Colleges and Training Providers through "
            "Patronage and Membership",
            "Running short, mainly one day training courses to the business community",
            "Ambassador for the SCF",
            "Member of the APPG",
            "Telford Business Board",
        ],
    ),
    (
        "David Crosby",
        "Partners in Care – representing Social Care sector",
        "Partners in Care",
        C.EMPLOYER,
        False,
        ["Trustee of Lingen Davies Cancer Support"],
    ),
    (
        "David Williams",
        "Herefordshire Skills Board Chair",
        "Herefordshire Skills Board",
        C.SKILLS_BOARD,
        False,
        AWAITED,
    ),
    (
        "Dr Simone Clarke",
        "Harper Adams University – representing Higher Education",
        "Harper Adams University",
        C.HIGHER_EDUCATION,
        False,
        [
            "Member of the Telford Business Board",
            "Convenor of senior leadership programme offered by Advance HE",
        ],
    ),
    (
        "Gareth Jones",
        "In-Comm – representing Private Training Providers",
        "In-Comm",
        C.TRAINING_PROVIDER,
        False,
        [
            "Managing Director of In-Comm Training who are in receipt of government funding "
            "through ESFA and WMCA for the delivery of apprenticeships and training.",
            "Managing Director of MCMT who were in receipt of funding from the previous round "
            "of LSIF.",
        ],
    ),
    (
        "Lawrence Wood",
        "Telford College Principal – representing Further Education",
        "Telford College",
        C.FURTHER_EDUCATION,
        False,
        ["Trustee/Director Theatre Clwyd - Flintshire"],
    ),
    (
        "Mandy Knott",
        "AllPay – Service Sector Business Herefordshire",
        "AllPay",
        C.EMPLOYER,
        False,
        [
            "Member of the Forest of Dean Partnership Group",
            "Member of the West Midlands Employer Apprentice Ambassador Group",
        ],
    ),
    ("Matt Potts", "Shropshire Council", "Shropshire Council", C.LOCAL_AUTHORITY, False, NONE),
    (
        "Roger Allonby",
        "Herefordshire Council",
        "Herefordshire Council",
        C.LOCAL_AUTHORITY,
        False,
        NONE,
    ),
    (
        "Sherridan Grady",
        "Clear Design – Digital Business Shropshire",
        "Clear Design",
        C.EMPLOYER,
        False,
        NONE,
    ),
    (
        "Simon Wellman",
        "Telford & Wrekin Council",
        "Telford & Wrekin Council",
        C.LOCAL_AUTHORITY,
        False,
        NONE,
    ),
    (
        "Steve Owen",
        "Paveaways – Construction Business Shropshire",
        "Paveaways",
        C.EMPLOYER,
        False,
        NONE,
    ),
    ("Tony Sproston", "Fowler & Gilbert", "Fowler & Gilbert", C.EMPLOYER, False, NONE),
]

#: (name, the member they stand in for, represents, organisation, interests).
STAND_INS = [
    ("Gavin Mills", "Sherridan Grady", "Clear Design", "Clear Design", NONE),
    (
        "Paul Hodgetts",
        "Gareth Jones",
        "In-Comm Training",
        "In-Comm",
        [
            "Business Development Manager of In-Comm Training who are in receipt of government "
            "funding through ESFA and WMCA for the delivery of apprenticeships and training."
        ],
    ),
    (
        "Alistair Dawes",
        "Dr Simone Clarke",
        "Harper Adams University",
        "Harper Adams University",
        [
            "As a director at the university, I am responsible for identifying and developing "
            "potential new skills programmes to be delivered on a surplus generating basis."
        ],
    ),
]

DWP_EMPLOYEE = ["Employee of the Department of Works and Pensions"]  # as the register words it

#: (name, represents, organisation, interests).
ATTENDEES = [
    (
        "Darran Alford",
        "DWP Wales & Marches (Department for Work and Pensions)",
        "DWP Wales & Marches",
        DWP_EMPLOYEE,
    ),
    ("Elizabeth Hopkins", "Metro Dynamics", "Metro Dynamics", NONE),
    ("Frances Oldfield", "Metro Dynamics", "Metro Dynamics", NONE),
    (
        "Liz Keirle",
        "Chamber Governance (Marches LSIP Governance)",
        "Shropshire Chamber of Commerce",
        NONE,
    ),
    ("Mark Palmer", "DWP Wales and Marches", "DWP Wales & Marches", DWP_EMPLOYEE),
    (
        "Nicola Clinton",
        "Chamber Governance (Marches LSIP Governance)",
        "Shropshire Chamber of Commerce",
        NONE,
    ),
    (
        "Rosie Beswick",
        "Marches LSIP Project Manager",
        None,
        [
            "Managing Consultant of RFR Monmouth t/a Rosie Consulting",
            "Member of Shropshire Chamber of Commerce",
        ],
    ),
]


def load_marches_board(area) -> Board:
    """The Marches board (its own 2025-2028 term) with its people and register."""
    with transaction.atomic(), acting_as(None, LABEL):
        board = _board(area)
        organisations = {o.name: o for o in Organisation.objects.filter(area=area)}
        for name, represents, org, category, chair, interests in MEMBERS:
            person = _person(
                board,
                name,
                K.MEMBER,
                represents=represents,
                organisation=organisations.get(org),
                category=category,
                is_chair=chair,
            )
            _declare(person, interests)
        for name, member, represents, org, interests in STAND_INS:
            stands_in_for = board.people.get(kind=K.MEMBER, name=member)
            person = _person(
                board,
                name,
                K.STAND_IN,
                stands_in_for=stands_in_for,
                represents=represents,
                organisation=organisations.get(org),
                category=stands_in_for.category,
            )
            _declare(person, interests)
        for name, represents, org, interests in ATTENDEES:
            person = _person(
                board,
                name,
                K.ATTENDEE,
                represents=represents,
                organisation=organisations.get(org) if org else None,
            )
            _declare(person, interests)
        marches_board_meetings.load_meetings(board)
    return board


def _board(area) -> Board:
    """The board, in the statutory LSIP cycle of 2026-2029 (marches.py makes it; guidance
    section 2) with its own 2025-2028 term from the governance pack. A demo database made
    before the plan moved keeps the board it has."""
    board = Board.objects.filter(area=area).order_by("-cycle__start_year").first()
    if board is None:
        cycle = Cycle.objects.get(area=area, start_year=2026)
        board = Board(
            area=area,
            cycle=cycle,
            name=NAME,
            terms_of_reference=TERMS_OF_REFERENCE,
            term_start=COMMENCED,
            term_end=TERM_ENDS,
        )
        board.full_clean()
        board.save()
    terms.adopt_marches_terms(board, actor=None)
    return board


def _person(board, name, kind, **fields) -> Person:
    person = board.people.filter(name=name, kind=kind).first()
    if person is not None:
        return person
    person = Person(board=board, name=name, kind=kind, joined_on=COMMENCED, **fields)
    return membership.save_person(person, actor=None, requested_on=COMMENCED)


def _declare(person, interests) -> None:
    """The register's entry for the person, once: left awaited where the register says so."""
    entry = person.register
    if interests is AWAITED or entry.status != RegisterEntry.Status.AWAITED:
        return
    membership.declare(
        entry,
        interests=[(text, DECLARED) for text in interests],
        declared_on=DECLARED,
        actor=None,
    )

"""Who sits on the board and what they declared (SG 3.3, Annex C; the Marches terms of
reference: at most 20 members, a nominated stand-in of similar seniority for a member,
other attendees who do not vote, a register of interests kept and published)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from lsip.audit.context import acting_as
from lsip.core.spreadsheets import csv_text
from lsip.governance.models import (
    Board,
    BoardCategory,
    ChairTerm,
    Interest,
    Person,
    RegisterEntry,
)


def active(board: Board, kind: str | None = None):
    people = board.people.filter(left_on__isnull=True)
    return people.filter(kind=kind) if kind else people


def check_person(person: Person) -> None:
    """The membership rules a person must meet before they are saved."""
    board = person.board
    if person.kind == Person.Kind.MEMBER and person.left_on is None:
        others = active(board, Person.Kind.MEMBER).exclude(pk=person.pk).count()
        if others >= board.member_cap:
            raise ValidationError(
                f"The board already has {others} members, the most its terms of reference "
                f"allow ({board.member_cap}): someone must leave before another joins"
            )
    if person.kind == Person.Kind.STAND_IN:
        member = person.stands_in_for
        if member is None:
            raise ValidationError({"stands_in_for": "Choose the member this person stands in for"})
        if member.board_id != board.pk or member.kind != Person.Kind.MEMBER:
            raise ValidationError(
                {"stands_in_for": "A stand-in stands in for a member of this board"}
            )
    elif person.stands_in_for_id:
        raise ValidationError({"stands_in_for": "Only a stand-in stands in for a member"})
    if person.kind == Person.Kind.ATTENDEE and person.category:
        raise ValidationError(
            {"category": "Other attendees do not vote: only members and stand-ins have one"}
        )
    if person.is_chair and person.kind != Person.Kind.MEMBER:
        raise ValidationError({"is_chair": "The chair is a member of the board"})
    if person.is_chair and active(board).filter(is_chair=True).exclude(pk=person.pk).exists():
        raise ValidationError(
            {
                "is_chair": "The board has a chair: a new chair is elected by a vote of the "
                "board (record a chair election at a meeting)"
            }
        )


def save_person(person: Person, *, actor, requested_on: date | None = None) -> Person:
    """Add or change a person; a newcomer's register entry starts as awaited."""
    with transaction.atomic(), acting_as(actor):
        person.full_clean()
        check_person(person)
        creating = person._state.adding
        person.save()
        if creating:
            RegisterEntry.objects.create(
                person=person, requested_on=requested_on or person.joined_on or date.today()
            )
        _keep_chair_terms(person)
    return person


def _keep_chair_terms(person: Person) -> None:
    """Open a chair term for a new chair (from the day they joined, if known); close one
    for a chair who left or is no longer the chair."""
    open_term = person.chair_terms.filter(ended_on__isnull=True).first()
    chairs = person.is_chair and person.left_on is None
    if chairs and open_term is None:
        ChairTerm.objects.create(board=person.board, person=person, started_on=person.joined_on)
    elif not chairs and open_term is not None:
        open_term.ended_on = person.left_on or date.today()
        open_term.save()


def change_chair(board: Board, elected: Person, *, on: date) -> None:
    """Marches ToR 2: the person the board elects becomes the chair from the day of the
    vote; the previous chair's term ends that day. Call inside the caller's transaction."""
    for person in Person.objects.filter(board=board, is_chair=True).exclude(pk=elected.pk):
        person.is_chair = False
        person.save()  # through save(), so the audit trail records the change
    for term in board.chair_terms.filter(ended_on__isnull=True).exclude(person=elected):
        term.ended_on = on
        term.save()
    elected.is_chair = True
    elected.save()
    if not elected.chair_terms.filter(ended_on__isnull=True).exists():
        ChairTerm.objects.create(board=board, person=elected, started_on=on)


def chair_on(board: Board, day: date) -> Person | None:
    """Who chaired the board on `day`: on the day of an election, the chair who opened the
    meeting (their term ends that day)."""
    terms = board.chair_terms.select_related("person")
    for term in terms.order_by(F("started_on").asc(nulls_first=True)):
        started = term.started_on is None or term.started_on <= day
        if started and (term.ended_on is None or term.ended_on >= day):
            return term.person
    return None


def set_cap(board: Board, cap: int, *, actor) -> Board:
    """Save the board with its member cap: at least one, and never below its members."""
    if cap < 1:
        raise ValidationError({"member_cap": "A board has room for at least one member"})
    members = active(board, Person.Kind.MEMBER).count()
    if cap < members:
        raise ValidationError(
            {"member_cap": f"The board has {members} members: the cap cannot be below that"}
        )
    with transaction.atomic(), acting_as(actor):
        board.member_cap = cap
        board.full_clean()
        board.save()
    return board


def check_declaration(*, no_interests: bool, interests: list) -> None:
    """SG Annex C: a declaration either says the person has no interests or lists them,
    never both, never neither."""
    if no_interests and interests:
        raise ValidationError("Either say they have no interests or list their interests, not both")
    if not no_interests and not interests:
        raise ValidationError(
            {"interests": "List their interests, one a line, or say they have none"}
        )


def declare(
    entry: RegisterEntry, *, interests: list[tuple[str, date]], declared_on: date, actor
) -> RegisterEntry:
    """Record a declaration: its interests, or none ("No interests" when the list is empty)."""
    with transaction.atomic(), acting_as(actor):
        entry.interests.all().delete()
        for description, when in interests:
            Interest.objects.create(entry=entry, description=description.strip(), declared_on=when)
        entry.status = RegisterEntry.Status.DECLARED if interests else RegisterEntry.Status.NONE
        entry.declared_on = declared_on
        entry.save()
    return entry


@dataclass(frozen=True)
class CategoryStatus:
    """A membership category with its current members."""

    category: BoardCategory
    members: list[Person]

    @property
    def short(self) -> int:
        return max(0, self.category.seats - len(self.members))

    @property
    def state(self) -> str:
        """ "filled", "vacancy" (short, with the vacancy recorded) or "unfilled"."""
        if not self.short:
            return "filled"
        return "vacancy" if self.category.vacant_since else "unfilled"


def category_statuses(board: Board) -> list[CategoryStatus]:
    """Marches ToR 2: the board is formed of representatives of each category, a to h. Each
    is filled (as many members as its seats) or its vacancy is recorded."""
    members = list(active(board, Person.Kind.MEMBER))
    return [
        CategoryStatus(c, [m for m in members if m.category == c.category])
        for c in board.categories.all()
    ]


def unfilled(board: Board) -> list[CategoryStatus]:
    """Categories short of members with no vacancy recorded."""
    return [s for s in category_statuses(board) if s.state == "unfilled"]


def record_vacancy(category: BoardCategory, *, actor) -> BoardCategory:
    """Save a category's seats and vacancy; a vacancy is recorded only while it is short."""
    members = active(category.board, Person.Kind.MEMBER).filter(category=category.category)
    if members.count() >= category.seats and category.vacant_since:
        raise ValidationError(
            {"vacant_since": "The category has all its members: there is no vacancy to record"}
        )
    with transaction.atomic(), acting_as(actor):
        category.full_clean()
        category.save()
    return category


@dataclass(frozen=True)
class Awaited:
    person: Person
    requested_on: date
    days: int


def awaited(board: Board, today: date | None = None) -> list[Awaited]:
    """Register entries still awaited, oldest first, with how long they have waited."""
    today = today or date.today()
    entries = (
        RegisterEntry.objects.filter(
            person__board=board, person__left_on__isnull=True, status=RegisterEntry.Status.AWAITED
        )
        .select_related("person")
        .order_by("requested_on")
    )
    return [Awaited(e.person, e.requested_on, (today - e.requested_on).days) for e in entries]


#: The published register: never an email address or a telephone number.
PUBLIC_COLUMNS = ["Name", "Role", "Stands in for", "Represents", "Declaration", "Declared on"]


def public_register(board: Board) -> list[dict]:
    """The register as published (SG Annex C): people, what they represent, their interests."""
    rows = []
    people = (
        active(board)
        .select_related("stands_in_for", "register")
        .prefetch_related("register__interests")
    )
    for person in people.order_by("kind", "name"):
        entry = getattr(person, "register", None)
        if entry is None or entry.status == RegisterEntry.Status.AWAITED:
            declaration, when = "Awaited", ""
        elif entry.status == RegisterEntry.Status.NONE:
            declaration, when = (
                "No interests",
                f"{entry.declared_on:%-d %B %Y}" if entry.declared_on else "",
            )
        else:
            declaration = "; ".join(i.description for i in entry.interests.all())
            when = f"{entry.declared_on:%-d %B %Y}" if entry.declared_on else ""
        rows.append(
            {
                "Name": person.name,
                "Role": ("Chair" if person.is_chair else person.get_kind_display()),
                "Stands in for": person.stands_in_for.name if person.stands_in_for else "",
                "Represents": person.represents,
                "Declaration": declaration,
                "Declared on": when,
            }
        )
    return rows


def register_csv(board: Board) -> str:
    return csv_text(PUBLIC_COLUMNS, public_register(board))

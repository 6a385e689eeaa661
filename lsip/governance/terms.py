"""The parts of a board's terms of reference kept as data of the board, and the Marches
terms a new board starts from: its membership categories (ToR 2, a to h) and how often it
meets (ToR 4, `frequency`). Each board may change its own."""

from django.db import transaction

from lsip.audit.context import acting_as
from lsip.governance.frequency import adopt_default_frequencies
from lsip.governance.models import Board, BoardCategory, Person

C = Person.Category

#: Marches ToR 2: "senior decision-making representatives from the following organisations"
#: (letter, category, description, seats). The three local authorities are three seats.
MARCHES_CATEGORIES = (
    ("a", C.EMPLOYER, "Employers from a range of relevant sectors across the area", 1),
    ("b", C.FURTHER_EDUCATION, "Further education colleges", 1),
    ("c", C.HIGHER_EDUCATION, "Higher education", 1),
    ("d", C.TRAINING_PROVIDER, "Independent training providers", 1),
    ("e", C.LOCAL_AUTHORITY, "Local authorities (3 authorities)", 3),
    ("f", C.SKILLS_BOARD, "Herefordshire Skills Board", 1),
    ("g", C.ERB, "Shropshire Chamber of Commerce (the ERB)", 1),
    ("h", C.OTHER, "Other organisations deemed relevant", 1),
)


def adopt_default_categories(board: Board, *, actor) -> list[BoardCategory]:
    """Give a board without membership categories the Marches terms' a to h."""
    if board.categories.exists():
        return list(board.categories.all())
    with transaction.atomic(), acting_as(actor):
        return [
            BoardCategory.objects.create(
                board=board, letter=letter, category=category, description=text, seats=seats
            )
            for letter, category, text, seats in MARCHES_CATEGORIES
        ]


def set_up_board(board: Board, *, actor) -> Board:
    """A new board for one of its area's cycles (one a cycle), starting from the Marches
    terms (`adopt_marches_terms`)."""
    with transaction.atomic(), acting_as(actor):
        board.full_clean()
        board.save()
        adopt_marches_terms(board, actor=actor)
    return board


def adopt_marches_terms(board: Board, *, actor) -> None:
    """A new board's starting terms: the Marches categories and meeting frequencies."""
    adopt_default_categories(board, actor=actor)
    adopt_default_frequencies(board, actor=actor)

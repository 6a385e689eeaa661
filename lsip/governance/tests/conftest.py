"""A board of The Marches for the governance tests, and a way to seat people on it."""

import pytest

from lsip.areas.models import Cycle
from lsip.governance import membership, terms
from lsip.governance.models import Board, Person


@pytest.fixture
def board(marches):
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    board = Board.objects.create(area=marches, cycle=cycle, name="Marches LSIP Board")
    terms.adopt_marches_terms(board, actor=None)
    return board


def person(board, name, kind=Person.Kind.MEMBER, **fields):
    """Seat someone on the board through the membership rules, as the pages do."""
    return membership.save_person(Person(board=board, name=name, kind=kind, **fields), actor=None)

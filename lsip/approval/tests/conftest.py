"""Shared set-up for the approval tests: one plan of The Marches (not devolved) and one of
the West Midlands (devolved), each in a 2026-2029 cycle being developed."""

import pytest

from lsip.areas.models import Cycle
from lsip.plans import services


def open_plan(area, actor, title=None):
    cycle = Cycle.objects.create(
        area=area, start_year=2026, end_year=2029, status=Cycle.Status.DEVELOPING
    )
    return services.create_plan(cycle=cycle, title=title or f"{area} LSIP", actor=actor)


@pytest.fixture
def plan(marches, people):
    return open_plan(marches, people["erb_admin"])


@pytest.fixture
def devolved_plan(west_midlands, people):
    return open_plan(west_midlands, people["other_area_admin"])

"""How often the board meets (Marches ToR 4) and the dates a schedule offers.

The periods are data of each board (`MeetingFrequency`); the Marches terms are the defaults a
new board adopts: every six weeks from October 2025 to May 2026, then every six weeks or,
with the board's majority agreement, every two months from June 2026 to October 2028. A
scheduled date never falls on a weekend or a bank holiday in England.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays
from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.audit.context import acting_as
from lsip.governance.models import Board, Decision, MeetingFrequency

#: Marches ToR 4: "The Board will meet 6-weekly between October 2025 and May 2026. The
#: frequency can be reduced to bi-monthly with the majority agreement of the Board for the
#: period June 2026 - October 2028." (from, to, every N weeks, reducible to every N months)
MARCHES_FREQUENCIES = (
    (date(2025, 10, 1), date(2026, 5, 31), 6, None),
    (date(2026, 6, 1), date(2028, 10, 31), 6, 2),
)


def adopt_default_frequencies(board: Board, *, actor) -> list[MeetingFrequency]:
    """Give a board without meeting frequencies the Marches terms' periods."""
    if board.frequencies.exists():
        return list(board.frequencies.all())
    with transaction.atomic(), acting_as(actor):
        return [
            MeetingFrequency.objects.create(
                board=board,
                starts_on=starts,
                ends_on=ends,
                every_weeks=weeks,
                reduced_every_months=months,
            )
            for starts, ends, weeks, months in MARCHES_FREQUENCIES
        ]


def save_frequency(period: MeetingFrequency, *, actor) -> MeetingFrequency:
    """Change one of the board's periods: it ends after it starts, overlaps no other period
    of the board, and a reduced frequency is less frequent than the standing one."""
    if period.ends_on < period.starts_on:
        raise ValidationError({"ends_on": "A period ends after it starts"})
    months = period.reduced_every_months
    if months and add_months(period.starts_on, months) <= period.starts_on + timedelta(
        weeks=period.every_weeks
    ):
        raise ValidationError(
            {"reduced_every_months": "A reduced frequency means meeting less often"}
        )
    others = period.board.frequencies.exclude(pk=period.pk).filter(
        starts_on__lte=period.ends_on, ends_on__gte=period.starts_on
    )
    if others.exists():
        raise ValidationError(f"The period overlaps another of the board's: {others.first()}")
    with transaction.atomic(), acting_as(actor):
        period.full_clean()
        period.save()
    return period


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def _step(day: date, direction: int) -> date:
    while not is_working_day(day):
        day += timedelta(days=direction)
    return day


def add_months(day: date, months: int) -> date:
    """The same day `months` later (a day past the end of a shorter month: its last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def dates_every(start: date, until: date, *, weeks: int = 0, months: int = 0) -> list[date]:
    """Working days from `start` to `until` (inclusive), about every N weeks or N months. The
    first is `start` or the working day after it; each later date is N weeks or months after
    the one before, moved back to the working day before a weekend or bank holiday, so no gap
    is ever longer than the interval."""
    if (weeks > 0) == (months > 0):
        raise ValidationError("Give the interval in weeks or in months")
    found = []
    when = _step(start, +1)
    while when <= until:
        found.append(when)
        following = when + timedelta(weeks=weeks) if weeks else add_months(when, months)
        when = _step(following, -1)
    return found


@dataclass(frozen=True)
class Gap:
    """Two meetings further apart than the board's terms allow."""

    after: date
    before: date
    period: MeetingFrequency
    reduced: bool  # reckoned on the reduced (agreed) frequency

    def __str__(self):
        rule = (
            f"every {self.period.reduced_every_months} months as the board agreed"
            if self.reduced
            else f"every {self.period.every_weeks} weeks"
        )
        return (
            f"{self.after:%-d %B %Y} to {self.before:%-d %B %Y}: from "
            f"{self.period.starts_on:%B %Y} to {self.period.ends_on:%B %Y} the board meets {rule}"
        )


def period_on(periods, day: date) -> MeetingFrequency | None:
    return next((p for p in periods if p.starts_on <= day <= p.ends_on), None)


def latest_next(day: date, period: MeetingFrequency, reduced: bool) -> date:
    """The latest date the meeting after one on `day` may fall."""
    if reduced and period.reduced_every_months:
        return add_months(day, period.reduced_every_months)
    return day + timedelta(weeks=period.every_weeks)


def long_gaps(dates, periods, *, agreed: bool = False) -> list[Gap]:
    """Gaps between consecutive `dates` longer than the period of the later one allows (a
    period's agreed reduction counts; `agreed` counts one for every period that allows it).
    Dates outside every period are not checked."""
    ordered = sorted(set(dates))
    found = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        period = period_on(periods, after)
        if period is None:
            continue
        agreed_here = period.reduced_by_id is not None and not period.reduced_by.withdrawn
        reduced = bool(period.reduced_every_months) and (agreed or agreed_here)
        if after > latest_next(before, period, reduced):
            found.append(Gap(before, after, period, reduced))
    return found


def board_gaps(board: Board) -> list[Gap]:
    """Warnings for the board's meetings (cancelled ones left out) further apart than its
    terms allow."""
    dates = board.meetings.exclude(status="cancelled").values_list("date", flat=True)
    return long_gaps(dates, list(board.frequencies.select_related("reduced_by")))


def check_schedule(board: Board, new: list[date], agreed_by: Decision | None) -> list:
    """Marches ToR 4 for a schedule: the gaps it makes with the board's other meetings stay
    within each period's frequency; a reduced frequency needs a passed decision of the board
    and a period that allows it. Returns the periods the agreement reduces."""
    if agreed_by is not None and agreed_by.withdrawn:
        raise ValidationError("The decision that agreed this schedule was withdrawn")
    if agreed_by is not None and agreed_by.outcome != Decision.Outcome.PASSED:
        raise ValidationError("The board has not agreed this schedule: the decision did not pass")
    periods = list(board.frequencies.select_related("reduced_by"))
    existing = board.meetings.exclude(status="cancelled").values_list("date", flat=True)
    new_dates = set(new)
    touching = [
        gap
        for gap in long_gaps([*existing, *new], periods)
        if gap.after in new_dates or gap.before in new_dates
    ]
    if not touching:
        return []
    fixed = [g for g in touching if not g.period.reduced_every_months]
    if fixed:
        raise ValidationError([f"Too far apart: {gap}" for gap in fixed])
    if agreed_by is None:
        raise ValidationError(
            "Meetings less often than the standing frequency need the board's majority "
            f"agreement: cite the decision that agreed the schedule ({touching[0]})"
        )
    too_far = [
        gap
        for gap in long_gaps([*existing, *new], periods, agreed=True)
        if gap.after in new_dates or gap.before in new_dates
    ]
    if too_far:
        raise ValidationError([f"Too far apart even so: {gap}" for gap in too_far])
    return list({gap.period.pk: gap.period for gap in touching}.values())

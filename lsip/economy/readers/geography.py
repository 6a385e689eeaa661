"""Turning the places a publisher's table names into the GSS codes lsip stores.

Tables name England, districts (under their names of the year they were made: "Allerdale"
is part of Cumberland since April 2023) and groupings lsip does not store. Districts are
resolved through `lsip.geography.districts`, which holds the code-change lookups, so no file
is ever edited by hand. Several predecessor districts of one district are summed into it.
"""

import math
from collections import defaultdict

from lsip.economy.models import ENGLAND
from lsip.economy.readers.base import Figure, Problem
from lsip.geography.districts import DistrictResolver

#: Nomis geography prefixes that lsip leaves out, with the reason a user reads.
NOMIS_SKIPPED = {
    "user defined geography": "Nomis's own LSIP and combined-authority groupings "
    "(lsip sums each area from its districts)",
    "lep": "Local enterprise partnerships",
    "gor": "Regions",
    "rgn": "Regions",
    "ctry": "Countries other than England",
    "pca": "Parliamentary constituencies",
    "cauth": "Combined authorities (lsip sums each area from its districts)",
}
OUTSIDE = "Places outside England"


class PlaceMatcher:
    """Resolves place names once per file and collects the rows that match nothing."""

    def __init__(self):
        self.resolver = DistrictResolver.load()
        self.problems: list[Problem] = []

    def code_for(self, name: str, row: int, field: str = "Area") -> str | None:
        """England's or a district's GSS code; `OUTSIDE` for a place outside England, which
        is left out; None for a place nobody knows, recorded as a problem of the file."""
        text = str(name).strip()
        if text.lower() in ("england", ENGLAND.lower()):
            return ENGLAND
        place = self.resolver.resolve(text) or self.resolver.near_outside(text)
        if place is None:
            self.problems.append(
                Problem(
                    row,
                    field,
                    f"'{text}' is no local authority district lsip knows "
                    "(by its 2011 to 2023 names or GSS codes)",
                )
            )
            return None
        if place.kind == "outside":
            return OUTSIDE
        return ENGLAND if place.kind == "england" else place.gss_code


def merge_predecessors(figures: list[Figure]) -> list[Figure]:
    """Sum figures of districts that now form one district (e.g. Allerdale, Carlisle and
    Copeland into Cumberland), as `frames.sum_places` sums areas: a suppressed part is left
    out and its flag kept; confidence intervals combine as the root of the sum of squares
    (independent samples)."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.geography, figure.measure, figure.breakdown, figure.period)].append(figure)
    merged = []
    for parts in groups.values():
        if len(parts) == 1:
            merged.append(parts[0])
            continue
        first = parts[0]
        values = [p.value for p in parts]
        cis = [p.ci for p in parts]
        flag = "".join(sorted({c for p in parts for c in p.flag}))
        merged.append(
            Figure(
                first.geography,
                first.measure,
                first.breakdown,
                first.period,
                first.period_end,
                None if all(v is None for v in values) else sum(v for v in values if v),
                flag,
                None if None in cis else round(math.sqrt(sum(c * c for c in cis)), 1),
            )
        )
    return merged

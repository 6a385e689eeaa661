"""Finding the employer a row names among the area's organisations, and its district.

SG 5.1 counts employers engaged, so one employer must be one record however the spreadsheet
spells it: matched by Companies House number first, then by normalised name in the same
local authority. A name that is similar but not equal, in the same place, is a doubtful
match that a person confirms; nothing is merged on a guess.
"""

import difflib
import re
from dataclasses import dataclass, field

from lsip.organisations.models import Organisation

_DROP = {"ltd", "limited", "plc", "the", "and", "llp"}


def normalise_name(name: str) -> str:
    """Lower case, no punctuation, without Ltd, Limited, PLC, LLP, The, & and "and"."""
    words = re.sub(r"[^\w\s]|_", " ", str(name).casefold().replace("&", " ")).split()
    return " ".join(w for w in words if w not in _DROP)


def _fold_place(name: str) -> str:
    name = str(name).casefold().replace("&", " and ")
    name = re.sub(r",?\s*(county|city) of\b", " ", name)
    name = re.sub(r"\b(council|borough|district|unitary|metropolitan|county|city of)\b", " ", name)
    name = re.sub(r"[^a-z0-9]+", " ", name)
    return " ".join(name.split())


class Places:
    """The area's districts by every common spelling ("Telford & Wrekin", "Herefordshire",
    "Shropshire Council"), matched case-insensitively."""

    def __init__(self, area):
        self.districts = list(area.local_authorities.all())
        self.by_name = {}
        for district in self.districts:
            for spelling in (district.name, district.gss_code):
                if spelling:
                    self.by_name[_fold_place(spelling)] = district
                    self.by_name[spelling.casefold()] = district

    def find(self, text):
        """The district `text` names, or None."""
        return self.by_name.get(str(text).strip().casefold()) or self.by_name.get(_fold_place(text))

    def names(self) -> str:
        return "; ".join(d.name for d in self.districts)


@dataclass
class Employer:
    """One employer as the file names it: the rows that name it and what was found."""

    key: tuple
    name: str
    company_number: str
    district: object
    rows: list[int] = field(default_factory=list)
    existing: Organisation | None = None
    how: str = ""  # "company number", "name and place", or "" when new
    doubtful: list[Organisation] = field(default_factory=list)
    first_values: dict = field(default_factory=dict)  # the first row's values, for a new one


class Matcher:
    """The area's organisations indexed by company number and by normalised name."""

    def __init__(self, area):
        organisations = Organisation.objects.filter(area=area)
        self.by_number, self.by_name = {}, {}
        self.by_place = {}
        for org in organisations.only(
            "id", "name", "companies_house_number", "local_authority_id", "area_id", "archived_on"
        ):
            if org.companies_house_number:  # one number, one record, archived or not
                self.by_number[org.companies_house_number] = org
            if org.archived_on is not None:
                continue
            key = normalise_name(org.name)
            self.by_name.setdefault(key, []).append(org)
            self.by_place.setdefault(org.local_authority_id, []).append((key, org))

    def match(self, employer: Employer) -> None:
        """Fill in `employer.existing` and `how`, or its doubtful candidates."""
        if employer.company_number and employer.company_number in self.by_number:
            employer.existing = self.by_number[employer.company_number]
            employer.how = "company number"
            return
        name = normalise_name(employer.name)
        district_id = employer.district.pk if employer.district else None
        same = [
            org
            for org in self.by_name.get(name, [])
            if not (
                employer.company_number
                and org.companies_house_number
                and org.companies_house_number != employer.company_number
            )
        ]
        in_place = [o for o in same if o.local_authority_id == district_id]
        anywhere = [o for o in same if o.local_authority_id is None or district_id is None]
        if in_place or anywhere:
            employer.existing, employer.how = (in_place or anywhere)[0], "name and place"
            return
        if district_id is None:
            return
        employer.doubtful = [
            org
            for key, org in self.by_place.get(district_id, [])
            if key != name and similar(key, name)
        ]


def similar(a: str, b: str) -> bool:
    """Names alike enough to ask a person: one holds every word of the other, or they differ
    by a few letters (ratio 0.85 and above)."""
    if not a or not b:
        return False
    wa, wb = set(a.split()), set(b.split())
    if wa <= wb or wb <= wa:
        return True
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and matcher.ratio() >= 0.85
    )


def pair_id(employer: Employer, org: Organisation) -> str:
    """The id of a doubtful pair, as the page's checkbox and `--accept-matches` use it."""
    return f"{org.pk}:{normalise_name(employer.name)}"

"""Finding the employer a row names among the area's organisations, and its district.

SG 5.1 counts employers engaged, so one employer must be one record however the spreadsheet
spells it: matched by Companies House number first, then by normalised name in the same
local authority. A name that is similar but not equal, in the same place, is a doubtful
match that a person confirms; nothing is merged on a guess.
"""

import re
from dataclasses import dataclass, field
from operator import itemgetter

from rapidfuzz import fuzz, process

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
    """The area's organisations indexed by company number, by normalised name and, in each
    district, by the words of their names, so that finding an employer's doubtful matches
    looks only at the organisations that share a word with it (blocking) and scores those with
    RapidFuzz: the check grows with the number of employers, not with employers x existing.
    Decision 0095 says what the index can and cannot find."""

    def __init__(self, area):
        organisations = Organisation.objects.filter(area=area)
        self.by_number, self.by_name = {}, {}
        self.places = {}
        for org in organisations.only(
            "id", "name", "companies_house_number", "local_authority_id", "area_id", "archived_on"
        ):
            if org.companies_house_number:  # one number, one record, archived or not
                self.by_number[org.companies_house_number] = org
            if org.archived_on is not None:
                continue
            key = normalise_name(org.name)
            self.by_name.setdefault(key, []).append(org)
            if org.local_authority_id is not None:
                self.places.setdefault(org.local_authority_id, _Block()).add(key, org)

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
        if district_id is None or district_id not in self.places:
            return
        employer.doubtful = self.places[district_id].similar_to(name)


#: At most this many doubtful matches are offered for one employer, the most alike first: a
#: person confirms each, and a name such as "Marches Engineering" is like hundreds.
MAX_DOUBTFUL = 5
#: The organisations scored for a name are those sharing one of its words, the rarest words
#: first, until about this many: a word as common as "engineering" adds no more.
BLOCK = 500
#: RapidFuzz's ratio (the Indel similarity, 0-100) from which two names are alike.
ALIKE = 85


class _Block:
    """One district's organisations: their normalised names and an index of their words."""

    def __init__(self):
        self.names, self.orgs, self.words = [], [], []
        self.postings = {}  # word -> positions of the names holding it
        self._rarest = None  # word -> positions of the names whose rarest word it is

    def add(self, name: str, org) -> None:
        position = len(self.names)
        words = frozenset(name.split())
        self.names.append(name)
        self.orgs.append(org)
        self.words.append(words)
        for word in words:
            self.postings.setdefault(word, []).append(position)
        self._rarest = None

    def _by_rarest(self) -> dict:
        if self._rarest is None:
            self._rarest = {}
            for position, words in enumerate(self.words):
                if words:
                    rarest = min(words, key=lambda w: (len(self.postings[w]), w))
                    self._rarest.setdefault(rarest, []).append(position)
        return self._rarest

    def similar_to(self, name: str) -> list:
        """The organisations whose names are alike `name` but not equal (see `similar`), the
        most alike first, at most MAX_DOUBTFUL."""
        words = set(name.split())
        if not words:
            return []
        postings = sorted((self.postings[w] for w in words if w in self.postings), key=len)
        found = set()
        # Names holding every word of this one: the intersection of the words' postings.
        if len(postings) == len(words):
            holding = set(postings[0])
            for posting in postings[1:]:
                holding.intersection_update(posting)
                if not holding:
                    break
            found |= holding
        # Names whose every word is in this one: each is filed under its rarest word.
        rarest = self._by_rarest()
        for word in words:
            found.update(p for p in rarest.get(word, ()) if self.words[p] <= words)
        # Names that differ by a few letters: scored among those sharing a rarer word.
        candidates, size = set(), 0
        for posting in postings:
            if size and size + len(posting) > BLOCK:
                break
            candidates.update(posting)
            size += len(posting)
        candidates -= found
        if candidates:
            ordered = list(candidates)
            choices = (
                itemgetter(*ordered)(self.names) if len(ordered) > 1 else [self.names[ordered[0]]]
            )
            hits = process.extract(
                name,
                choices,
                scorer=fuzz.ratio,
                score_cutoff=ALIKE,
                limit=None,
            )
            found.update(ordered[index] for _, _, index in hits)
        found = [p for p in found if self.names[p] != name]
        found.sort(key=lambda p: (-fuzz.ratio(name, self.names[p]), self.names[p]))
        return [self.orgs[p] for p in found[:MAX_DOUBTFUL]]


def similar(a: str, b: str) -> bool:
    """Names alike enough to ask a person: one holds every word of the other, or they differ
    by a few letters (RapidFuzz's ratio ALIKE and above)."""
    if not a or not b:
        return False
    wa, wb = set(a.split()), set(b.split())
    if wa <= wb or wb <= wa:
        return True
    return fuzz.ratio(a, b) >= ALIKE


def pair_id(employer: Employer, org: Organisation) -> str:
    """The id of a doubtful pair, as the page's checkbox and `--accept-matches` use it."""
    return f"{org.pk}:{normalise_name(employer.name)}"

"""Which district a name or GSS code in a data file means, across the years' boundary changes.

Data files name districts in the geography of their year: Nomis by today's names
("Herefordshire, County of"), ONS tables by the May 2021 districts ("Allerdale"), others by
LAD 2011 codes. `DistrictResolver` answers each with one of the 296 LAD 2023 districts of the
39 areas, with England, or with "outside" (a place in Wales, Scotland or Northern Ireland),
and with None when it does not know the place. Nothing in the data is edited: the answers
come from the lookups `lsip refdata install` loads, plus `MERGERS_2023` below.

The caller strips a file's own prefixes (Nomis "ladu:") before resolving.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

ENGLAND_CODE = "E92000001"

#: The April 2023 reorganisations, by May 2021 (LAD 2021) district name -> LAD 2023 name.
#: The Cumbria (Structural Changes) Order 2022 (SI 2022/331), The North Yorkshire (Structural
#: Changes) Order 2022 (SI 2022/328) and The Somerset (Structural Changes) Order 2022
#: (SI 2022/329) abolished these districts on 1 April 2023. The successors' GSS codes come
#: from the installed LSIP lookup (LAD23CD), not from here.
MERGERS_2023: dict[str, str] = {
    "Allerdale": "Cumberland",
    "Carlisle": "Cumberland",
    "Copeland": "Cumberland",
    "Barrow-in-Furness": "Westmorland and Furness",
    "Eden": "Westmorland and Furness",
    "South Lakeland": "Westmorland and Furness",
    "Craven": "North Yorkshire",
    "Hambleton": "North Yorkshire",
    "Harrogate": "North Yorkshire",
    "Richmondshire": "North Yorkshire",
    "Ryedale": "North Yorkshire",
    "Scarborough": "North Yorkshire",
    "Selby": "North Yorkshire",
    "Mendip": "Somerset",
    "Sedgemoor": "Somerset",
    "Somerset West and Taunton": "Somerset",
    "South Somerset": "Somerset",
}

_SUFFIX = re.compile(r"^(?P<place>.+) (?:county|city) of$")  # on a name_key


def name_key(name: str) -> str:
    """A district name folded for comparison: case, accents, punctuation and spacing ignored.

    "Herefordshire, County of" == "herefordshire county of"; "&" == "and"; "St." == "St";
    "King's Lynn" == "Kings Lynn"; "Stoke-on-Trent" == "Stoke on Trent".
    """
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ")
    text = re.sub(r"['`]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def code_key(code: str) -> str:
    return str(code).strip().upper()


def _looks_like_code(text: str) -> bool:
    return bool(re.fullmatch(r"[EWSNK]\d{8}", code_key(text)))


@dataclass(frozen=True)
class Place:
    """What a name or code means: a LAD 2023 `district`, `england`, or `outside` England."""

    kind: str  # "district" | "england" | "outside"
    gss_code: str
    name: str


class DistrictResolver:
    """Resolves names and codes of districts of any year to `Place`s; see the module docstring.

    Build it with `load()` (reads the database once) and keep it for a whole file.
    """

    def __init__(self, districts, predecessors=(), outside=()):
        """`districts`: (gss_code, name) of the LAD 2023 districts; `predecessors`: (code,
        name, successor_code, successor_name) rows of earlier lookups; `outside`: (code, name)
        of places outside England."""
        self.england = Place("england", ENGLAND_CODE, "England")
        self._by_code: dict[str, Place] = {ENGLAND_CODE: self.england}
        self._by_name: dict[str, Place] = {name_key("England"): self.england}
        self._ambiguous: set[str] = set()
        self._primary: set[str] = {name_key("England")}
        by_lad23_name = {}
        for code, name in districts:
            place = Place("district", code_key(code) if code else "", name)
            by_lad23_name[name] = place
            if place.gss_code:
                self._by_code[place.gss_code] = place
            self._add_name(name, place, primary=True)
        for old_name, new_name in MERGERS_2023.items():
            if new_name in by_lad23_name:
                self._add_name(old_name, by_lad23_name[new_name])
        for code, name in outside:
            place = Place("outside", code_key(code) if code else "", name)
            if place.gss_code:
                self._by_code.setdefault(place.gss_code, place)
            self._add_name(name, place)
        for code, name, successor_code, successor_name in predecessors:
            successor = self._successor(successor_code, successor_name)
            if successor is None:
                continue
            for a_code, a_name in ((code, name), (successor_code, successor_name)):
                if a_code:
                    self._by_code.setdefault(code_key(a_code), successor)
                if a_name:
                    self._add_name(a_name, successor)

    @classmethod
    def load(cls) -> "DistrictResolver":
        """The resolver for the districts and lookups installed in the database."""
        from lsip.areas.models import LocalAuthority
        from lsip.geography.models import PlaceName

        districts = LocalAuthority.objects.values_list("gss_code", "name")
        rows = PlaceName.objects.all()
        predecessors = [
            (p.code, p.name, p.successor_code, p.successor_name)
            for p in rows
            if p.kind == PlaceName.Kind.PREDECESSOR
        ]
        outside = [(p.code, p.name) for p in rows if p.kind == PlaceName.Kind.OUTSIDE]
        return cls(list(districts), predecessors, outside)

    def resolve(self, name_or_code: str) -> Place | None:
        """The place `name_or_code` means, or None if it is unknown (or names two districts)."""
        if name_or_code is None:
            return None
        text = str(name_or_code).strip()
        if not text:
            return None
        if _looks_like_code(text):
            return self._by_code.get(code_key(text))
        key = name_key(text)
        if key in self._ambiguous:
            return None
        return self._by_name.get(key)

    def near_outside(self, name: str) -> Place | None:
        """A place outside England spelt a little differently ("Rhondda Cynon Taff" in Nomis,
        "Rhondda Cynon Taf" at ONS), when no district of England is as near; else None."""
        key = name_key(name)
        if not key or _looks_like_code(name):
            return None
        close = difflib.get_close_matches(key, list(self._by_name), n=2, cutoff=0.9)
        if close and self._by_name[close[0]].kind == "outside":
            if all(self._by_name[c].kind == "outside" for c in close):
                return self._by_name[close[0]]
        return None

    def districts_of(self, names_or_codes) -> dict[str, Place | None]:
        """`resolve` for each of several names or codes."""
        return {text: self.resolve(text) for text in names_or_codes}

    def _successor(self, code: str, name: str) -> Place | None:
        """The LAD 2023 district (or place outside England) an earlier district became."""
        if code and code_key(code)[0] in "WSN":
            return Place("outside", code_key(code), name)
        if code and code_key(code) in self._by_code:
            return self._by_code[code_key(code)]
        if name:
            found = self._by_name.get(name_key(name))
            if found is not None:
                return found
        return None

    def _add_name(self, name: str, place: Place, *, primary: bool = False) -> None:
        """Index `name` (and "X" for "X, County of" / "X, City of"). A LAD 2023 district's
        own name always wins; two other places claiming one name make it ambiguous."""
        keys = [name_key(name)]
        match = _SUFFIX.match(keys[0])
        if match:
            keys.append(match["place"])
        for number, key in enumerate(keys):
            if not key or key in self._primary:
                continue
            if primary and number == 0:
                self._primary.add(key)
                self._ambiguous.discard(key)
                self._by_name[key] = place
                continue
            if key in self._ambiguous:
                continue
            known = self._by_name.get(key)
            if known is None:
                self._by_name[key] = place
            elif known.kind == place.kind == "outside":  # outside either way: keep a code
                if place.gss_code and not known.gss_code:
                    self._by_name[key] = place
            elif known != place:
                self._ambiguous.add(key)
                del self._by_name[key]

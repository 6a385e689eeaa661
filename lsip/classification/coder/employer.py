"""Employers' words: the occupation in what an employer says, and what is only detail.

Employers do not write index titles. They say "electrician with EV charger skills", "HGV
driver, nights, £14/h" or "we can't find CNC machinists or electricians with EV skills".
The occupation is coded; skills, qualifiers, pay, hours and place are kept as the need's
detail (SG Annex D asks for the occupation as a SOC 2020 code and lets the need say more);
and a sentence that names two or more occupations is offered for splitting into one need
per occupation, each coded.
"""

import re
from dataclasses import dataclass

#: Words that introduce detail about the person wanted, not the occupation.
_DETAIL = re.compile(
    r"\s+(?:with|who\s+(?:can|has|have|is|are)|skilled\s+in|experienced\s+(?:in|with)|"
    r"able\s+to|trained\s+in|qualified\s+(?:in|to)|holding|for\s+(?:our|the|a|an))\s+.*$",
    re.IGNORECASE,
)
#: What a sentence says before it names the occupations.
_LEAD_IN = re.compile(
    r"^\s*(?:we\s+)?(?:can(?:no|')?t\s+(?:find|get|recruit|hire)|cannot\s+(?:find|get|recruit)|"
    r"(?:are\s+)?(?:struggling|struggle)\s+to\s+(?:find|recruit|get)|need(?:s|ing)?|"
    r"(?:are\s+)?looking\s+for|(?:have\s+)?(?:a\s+)?shortage\s+of|short\s+of|"
    r"(?:are\s+)?(?:hiring|recruiting)|want(?:ed)?|lack|lacking)\s+(?:any\s+|more\s+|enough\s+)?",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^\s*(?:we|i|they|the\s+business|our\s+\w+)\s+", re.IGNORECASE)
_PARTS = re.compile(r"\s*(?:,|;|/|\bor\b|\band\b|&|\+)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Wording:
    occupation: str  # the words to code
    detail: str  # skills, qualifiers, pay, place: kept with the need, not coded


def occupation_and_detail(text: str) -> Wording:
    """Split "electrician with EV charger skills" into the occupation ("electrician") and
    its detail ("with EV charger skills")."""
    text = " ".join(str(text or "").split())
    match = _DETAIL.search(text)
    if not match or not text[: match.start()].strip():
        return Wording(text, "")
    return Wording(text[: match.start()].strip(" ,;-"), match.group(0).strip())


def occupations_named(text: str) -> list[Wording]:
    """The occupations a sentence names, each with its own detail; one item when it names
    one (or when its parts are not occupations on their own). "We can't find CNC machinists
    or electricians with EV skills" gives "CNC machinists" and "electricians" (detail "with
    EV skills")."""
    sentence = _SUBJECT.sub("", " ".join(str(text or "").split()).rstrip(".!"))
    sentence = _LEAD_IN.sub("", sentence)
    parts = [p for p in _PARTS.split(sentence) if p and p.strip()]
    if len(parts) < 2:
        return [occupation_and_detail(sentence)]
    return [occupation_and_detail(part) for part in parts]


def split_suggestion(text: str, code) -> list[tuple[Wording, object]]:
    """[(wording, result)] when `text` names two or more occupations that `code` (a function
    of one title, such as `code_occupation`) each finds a code or candidate for; [] when
    it does not, so the need is left whole."""
    wordings = occupations_named(text)
    if len(wordings) < 2:
        return []
    results = [(w, code(w.occupation)) for w in wordings]
    if all(r.candidates and r.confidence >= 0.5 for _, r in results):
        return results
    return []

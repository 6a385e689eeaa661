"""What SIC 2007 items each published industry breakdown covers, so that figures published
by industry can be apportioned to sectors defined by SIC codes.

APS table T13a groups SIC 2007 sections ("B,D,E", "K-N"); UK Business Counts uses ONS's 18
broad industry groups (three of them split section G by division); job postings carry SIC
divisions. Each is turned into the set of most detailed SIC items (classes and subclasses)
it covers, from the installed SIC 2007 structure.
"""

import re

from lsip.sectors.services import leaves_of

#: ONS broad industry groups of UK Business Counts, by number, as SIC 2007 divisions/sections.
UBC_GROUPS = {
    "1": ["A"],
    "2": ["B", "D", "E"],
    "3": ["C"],
    "4": ["F"],
    "5": ["45"],
    "6": ["46"],
    "7": ["47"],
    "8": ["H"],
    "9": ["I"],
    "10": ["J"],
    "11": ["K"],
    "12": ["L"],
    "13": ["M"],
    "14": ["N"],
    "15": ["O"],
    "16": ["P"],
    "17": ["Q"],
    "18": ["R", "S", "T", "U"],
}


def sections(text: str) -> list[str]:
    """ "B,D,E" -> B, D, E; "K-N" -> K, L, M, N; "A" -> A."""
    letters = []
    for part in text.split(","):
        part = part.strip().upper()
        if m := re.fullmatch(r"([A-U])-([A-U])", part):
            letters += [chr(c) for c in range(ord(m[1]), ord(m[2]) + 1)]
        elif re.fullmatch(r"[A-U]", part):
            letters.append(part)
    return letters


def sic_codes_of(breakdown: str) -> list[str] | None:
    """The SIC 2007 codes an industry breakdown key stands for, or None if it is not one."""
    for part in breakdown.split(";"):
        key, _, value = part.partition("=")
        if key == "sic-sections":
            return sections(value)
        if key == "ubc-industry":
            return UBC_GROUPS.get(value)
        if key == "sic2007-division":
            return [value]
    return None


def coverage(sector_leaves: set[str], breakdown: str, tree) -> float:
    """The share of a breakdown's SIC items that the sector covers (0 to 1)."""
    codes = sic_codes_of(breakdown)
    if not codes:
        return 0.0
    leaves = leaves_of(codes, tree)
    return len(leaves & sector_leaves) / len(leaves) if leaves else 0.0

"""The one way lsip writes SOC 2020 and SIC 2007 codes, and reading what people type.

SG Annex D: LSIPs code occupations to SOC 2020 and industries to SIC 2007. No Django here,
so any package (the coder included) can use these.

SOC 2020 (ONS SOC 2020 Volume 1): digits, one more per level: major group "6", sub-major
"61", minor "613", unit group "6135". Extended sub-unit groups of the coding index (Volume 2)
are the unit group, a slash and two digits: "6135/02"; "/00" where the unit group is not
subdivided and "/99" for "n.e.c.". Index titles ONS will not code without more information
are written `}}}}/}}` in the index and have no code here.

SIC 2007 (ONS UK SIC 2007): the published notation, section "C", division "10", group
"10.5", class "10.51", subclass "10.51/1". The ONS files write codes without punctuation
("105", "1051", "10511") and the indexes (and Companies House) use five digits everywhere,
padding a class with 0: "01110" is class 01.11. Subclass numbers run 1 to 9, never 0, so
the five-digit form is never ambiguous. Pages and the API take any of these forms.
"""

import re

UNCODED = "}}}}/}}"

SOC_EXT = re.compile(r"^(\d{4})/(\d{2})$")
_SIC_TYPED = re.compile(r"^\d{2}(?:\.?\d(?:\d(?:/?\d)?)?)?$")


def soc_group_code(text: str) -> str | None:
    """A SOC 2020 major, sub-major, minor or unit group code ("6" to "6135"), or None."""
    text = (text or "").strip()
    return text if re.fullmatch(r"\d{1,4}", text) else None


def soc_ext_code(text: str) -> str | None:
    """An extended sub-unit group code ("6135/02"), or None (`}}}}/}}` included)."""
    text = (text or "").strip()
    return text if SOC_EXT.match(text) else None


def sic_code(text: str) -> str | None:
    """The canonical SIC 2007 code of whatever form is typed, or None if it is not a code.

    "c" -> "C"; "10" -> "10"; "105", "10.5" -> "10.5"; "1051", "10.51", "10510" -> "10.51";
    "10511", "10.51/1", "10.511" -> "10.51/1".
    """
    text = (text or "").strip().upper()
    if re.fullmatch(r"[A-U]", text):
        return text
    if not _SIC_TYPED.match(text):
        return None
    digits = text.replace(".", "").replace("/", "")
    if len(digits) == 5 and digits.endswith("0"):
        digits = digits[:4]
    return sic_from_digits(digits)


def sic_from_digits(digits: str) -> str | None:
    """ "10" -> "10", "105" -> "10.5", "1051" -> "10.51", "10511" -> "10.51/1"."""
    if not digits.isdigit() or not 2 <= len(digits) <= 5:
        return None
    code = digits[:2]
    if len(digits) >= 3:
        code += "." + digits[2:4]
    if len(digits) == 5:
        code += "/" + digits[4]
    return code


def sic_digits(code: str) -> str:
    """A canonical SIC code without its punctuation, as the ONS files write it ("10511")."""
    return code.replace(".", "").replace("/", "")


def sic_five_digits(code: str) -> str:
    """A class or subclass as the indexes and Companies House write it: "01110", "10511"."""
    return sic_digits(code).ljust(5, "0")

"""Sectors as sets of SIC 2007 codes (SG 2.1, SG Annex D): the national sectors every area
shares, each area's own, and the one way a definition is checked and saved.

A definition is a list of SIC 2007 codes at any level below the section (or a section),
in the canonical form of `lsip.classification.codes`. `set_definition` is the only writer
of `Sector.sic_codes` outside the starting national definitions: it reads any typed form,
checks every code against the installed SIC 2007, drops codes a broader code in the list
already covers and records the change in the audit trail.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from lsip.audit.context import acting_as, save_as
from lsip.classification.codes import sic_code, sic_digits
from lsip.classification.models import SicItem
from lsip.sectors.definitions import NATIONAL_DEFINITIONS
from lsip.sectors.models import Sector

#: SG 2.1: the eight growth-driving sectors and the two foundation sectors.
NATIONAL_SECTORS = [
    ("Advanced manufacturing", Sector.Kind.GROWTH),
    ("Clean energy industries", Sector.Kind.GROWTH),
    ("Creative industries", Sector.Kind.GROWTH),
    ("Defence", Sector.Kind.GROWTH),
    ("Digital and technologies", Sector.Kind.GROWTH),
    ("Financial services", Sector.Kind.GROWTH),
    ("Life sciences", Sector.Kind.GROWTH),
    ("Professional and business services", Sector.Kind.GROWTH),
    ("Construction", Sector.Kind.FOUNDATION),
    ("Health and social care", Sector.Kind.FOUNDATION),
]

NOT_INSTALLED = (
    "The SIC 2007 classification is not installed, so the codes cannot be checked: "
    "run lsip refdata install"
)


class SicNotInstalledError(LookupError):
    """SIC 2007 is not installed (`lsip refdata install`), so codes cannot be expanded."""


def sync_national_sectors() -> int:
    """SG 2.1: create the ten national sectors, and give each its starting SIC 2007
    definition (`definitions.NATIONAL_DEFINITIONS`) while it has none. A definition someone
    has set is never overwritten. Returns the number of sectors created."""
    created = 0
    with transaction.atomic(), acting_as(None, "lsip: Industrial Strategy sectors (SG 2.1)"):
        for name, kind in NATIONAL_SECTORS:
            sector, made = Sector.objects.get_or_create(
                area=None, name=name, defaults={"kind": kind}
            )
            created += made
            start = NATIONAL_DEFINITIONS.get(name)
            if start is None:
                continue
            changed = []
            if not sector.sic_codes:
                sector.sic_codes = list(start.codes)
                changed.append("sic_codes")
            if not sector.description:
                sector.description = start.description
                changed.append("description")
            if changed:
                sector.save(update_fields=[*changed, "modified_on"])
    return created


def sync_national_sectors_after_migrate(sender, **kwargs):
    sync_national_sectors()


def sectors_for(area):
    """The national sectors and the area's own."""
    return Sector.objects.filter(Q(area__isnull=True) | Q(area=area))


# Reading and checking definitions ----------------------------------------------------------


@dataclass(frozen=True)
class SicNode:
    code: str
    level: str
    parent: str | None
    title: str
    position: int


def sic_tree() -> dict[str, SicNode]:
    """Every installed SIC 2007 item by canonical code (about 1,200 rows)."""
    return {
        code: SicNode(code, level, parent, title, position)
        for code, level, parent, title, position in SicItem.objects.values_list(
            "code", "level", "parent_id", "title", "position"
        )
    }


_SEPARATORS = re.compile(r"[\n,;]+")


def parse_codes(text: str) -> list[str]:
    """The codes typed in a box: one per line or separated by commas (or semicolons).

    A line may carry the code's title after it, as the tables of SG Annex D do
    ("86.10 – Hospital activities"); several codes on one line separated by spaces are
    read as codes. Nothing is checked here: see `clean_definition`.
    """
    codes = []
    for piece in _SEPARATORS.split(text or ""):
        tokens = piece.split()
        if not tokens:
            continue
        if all(sic_code(token) for token in tokens):
            codes.extend(tokens)
        elif sic_code(tokens[0]) and any(c.isalpha() for c in " ".join(tokens[1:])):
            codes.append(tokens[0])  # a code followed by its title
        else:
            codes.append(piece.strip())
    return codes


def clean_definition(codes, tree: dict[str, SicNode] | None = None) -> list[str]:
    """The canonical, checked form of a definition: every code read in any typed form
    ("62.01", "6201", "62010"; "10.51/1", "10511"), each one that SIC 2007 has, without
    repeats and without codes that a broader code in the list covers, in SIC 2007 order.

    Raises `ValidationError` ({"sic_codes": [...]}) naming each code that is not a SIC
    2007 code, or when the list is empty or SIC 2007 is not installed.
    """
    if isinstance(codes, str):
        codes = parse_codes(codes)
    tree = sic_tree() if tree is None else tree
    if not tree:
        raise ValidationError({"sic_codes": [NOT_INSTALLED]})
    errors, canonical = [], []
    for typed in codes:
        typed = str(typed).strip()
        if not typed:
            continue
        code = sic_code(typed)
        if code is None:
            errors.append(
                f"“{typed}” is not written as a SIC 2007 code: write a code like 62.01, "
                "6201 or 62010"
            )
        elif code not in tree:
            errors.append(f"SIC 2007 has no code {code} (entered as “{typed}”)")
        elif code not in canonical:
            canonical.append(code)
    if errors:
        raise ValidationError({"sic_codes": errors})
    if not canonical:
        raise ValidationError({"sic_codes": ["Enter at least one SIC 2007 code"]})
    chosen = set(canonical)
    kept = [c for c in canonical if not (_ancestors(c, tree) & chosen)]
    return sorted(kept, key=lambda c: tree[c].position)


def covered_by(codes, tree: dict[str, SicNode] | None = None) -> dict[str, str]:
    """{code: the broader code of the same list that covers it}, for telling people why a
    code they typed was dropped."""
    tree = sic_tree() if tree is None else tree
    canonical = {sic_code(str(c)) for c in codes} - {None}
    result = {}
    for code in canonical:
        if code in tree:
            broader = _ancestors(code, tree) & canonical
            if broader:
                result[code] = min(broader, key=lambda c: tree[c].position)
    return result


def _ancestors(code: str, tree: dict[str, SicNode]) -> set[str]:
    found = set()
    node = tree.get(code)
    while node is not None and node.parent:
        found.add(node.parent)
        node = tree.get(node.parent)
    return found


def set_definition(sector: Sector, codes, actor, label: str | None = None) -> Sector:
    """SG Annex D: define `sector` as the SIC 2007 `codes` (any typed form), checked and
    tidied by `clean_definition`, saved with `actor` in the audit trail."""
    sector.sic_codes = clean_definition(codes)
    return save_as(actor, sector, label)


def subclasses_of(sector: Sector, tree: dict[str, SicNode] | None = None) -> set[str]:
    """Every most detailed SIC 2007 item the definition covers: the subclasses, and the
    classes that have no subclasses (most classes have none, and the published industry
    figures use the class there). Codes are canonical ("41.20/1", "43.21"); a code of the
    definition that the installed SIC 2007 does not have is left out.

    Used to apportion figures published by SIC 2007 to the sector. Raises
    `SicNotInstalledError` when SIC 2007 is not installed.
    """
    return leaves_of(sector.sic_codes, tree)


def leaves_of(codes, tree: dict[str, SicNode] | None = None) -> set[str]:
    """Every most detailed SIC 2007 item (subclass, or class without subclasses) under any
    of `codes` (sections, divisions, groups, classes or subclasses, in any typed form)."""
    tree = sic_tree() if tree is None else tree
    if not tree:
        raise SicNotInstalledError(NOT_INSTALLED)
    children: dict[str, list[str]] = {}
    for node in tree.values():
        if node.parent:
            children.setdefault(node.parent, []).append(node.code)
    leaves: set[str] = set()
    stack = [c for c in (sic_code(str(c)) for c in codes) if c in tree]
    while stack:
        code = stack.pop()
        below = children.get(code)
        if below:
            stack.extend(below)
        elif tree[code].level in (SicItem.Level.CLASS, SicItem.Level.SUBCLASS):
            leaves.add(code)
    return leaves


def covers(definition, code: str) -> bool:
    """Whether a definition (a list of canonical codes) covers the canonical `code`: the
    code is one of them or lies under one. A section letter is resolved with SIC 2007."""
    digits = sic_digits(code)
    for item in definition:
        if item.isalpha():
            if _section_of(code) == item:
                return True
        elif digits.startswith(sic_digits(item)):
            return True
    return False


def _section_of(code: str) -> str | None:
    if code.isalpha():
        return code
    return SicItem.objects.filter(code=code[:2]).values_list("parent_id", flat=True).first()


def sector_of_sic(code: str, sectors) -> list[Sector]:
    """The sectors among `sectors` whose definitions cover the SIC 2007 `code` (any typed
    form, such as an organisation's "62012"). A code broader than a definition's codes is
    not covered by it: "62" is not in a sector defined as "62.01"."""
    canonical = sic_code(code or "")
    if canonical is None:
        return []
    return [sector for sector in sectors if covers(sector.sic_codes, canonical)]


def definition_items(sectors) -> dict[str, SicItem]:
    """The installed SIC 2007 item of every code of `sectors`, by code (one query)."""
    codes = {code for sector in sectors for code in sector.sic_codes}
    return {item.code: item for item in SicItem.objects.filter(code__in=codes)}


# Writing an area's sectors -------------------------------------------------------------------


def _area_sector(sector: Sector) -> None:
    if sector.area_id is None:
        raise ValidationError(
            "The national sectors are shared by every area and are not changed from an "
            "area: copy the sector to make the area's own version"
        )


def create_area_sector(
    *, area, name: str, codes, actor, description: str = "", based_on: Sector | None = None
) -> Sector:
    """An area's own sector (SG 2.1: "other priority sectors ... identified by employers")."""
    sector = Sector(
        area=area,
        name=name.strip(),
        kind=Sector.Kind.AREA,
        description=description,
        based_on=based_on,
    )
    with transaction.atomic():
        return set_definition(sector, codes, actor)


def update_area_sector(*, sector: Sector, name: str, codes, actor, description: str = ""):
    """Change an area sector's name, description and definition (one audit entry)."""
    _area_sector(sector)
    sector.name = name.strip()
    sector.description = description
    return set_definition(sector, codes, actor)


def copy_national_sector(*, sector: Sector, area, actor, name: str | None = None) -> Sector:
    """The area's own version of a national sector, to adjust: same codes and description,
    remembering which sector it came from."""
    if sector.area_id is not None:
        raise ValidationError("Only a national sector can be copied")
    return create_area_sector(
        area=area,
        name=name or f"{sector.name} in {area.name}",
        codes=sector.sic_codes,
        description=sector.description,
        based_on=sector,
        actor=actor,
    )


def delete_area_sector(*, sector: Sector, actor) -> None:
    """Delete an area sector that no organisation is in (so nothing loses its sector)."""
    _area_sector(sector)
    used = sector.organisations.count()
    if used:
        raise ValidationError(
            f"{used} organisation{'s are' if used != 1 else ' is'} in this sector: "
            "take them out of it before deleting it"
        )
    with transaction.atomic(), acting_as(actor):
        sector.delete()

"""Loaders of the geography reference files, by catalogue key.

`lsip.refdata.loaders.LOADERS` includes these, and `lsip refdata install` runs them in
catalogue order inside its one transaction, after `lsip-lookup` has given every district its
LAD 2023 GSS code. Each reads and checks the whole file before it changes anything, then
replaces what it loads completely, so loading the same file twice gives the same rows.
Boundaries are stored as RFC 7946 GeoJSON geometries in WGS84 longitude/latitude, coordinates
rounded to 5 decimal places (about 1 metre).
"""

import csv
import json
from collections import defaultdict
from pathlib import Path

from lsip.areas.models import LocalAuthority
from lsip.classification.loaders.files import sheet_rows, text
from lsip.geography.districts import MERGERS_2023, DistrictResolver, name_key
from lsip.geography.models import Boundary, PlaceName
from lsip.refdata.errors import RefdataError

PLACES = 5  # decimal places kept in stored coordinates

#: The ITL1 regions of England (ONS, 1 January 2021), as ONS spells them.
ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
NOT_ENGLAND = ("Wales", "Scotland", "Northern Ireland")

#: Districts whose region sheet "1" of the reference tables (edition of 25 May 2022, the
#: SHA-256 in the catalogue) gives wrongly, with the ITL1 region the ONS LAD to region
#: lookups give them. Only these rows are overridden, and each must still be in the file.
REGION_ERRATA = {
    "Middlesbrough": ("Yorkshire and The Humber", "North East"),
    "Redcar and Cleveland": ("Yorkshire and The Humber", "North East"),
    "Redbridge": ("East of England", "London"),
    "South Derbyshire": ("West Midlands", "East Midlands"),
}


# --- reading -------------------------------------------------------------------------------


def _features(path: Path, *, crs: str) -> list[dict]:
    """The features of a GeoJSON FeatureCollection, checked to be in `crs`, each a
    Polygon or MultiPolygon."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RefdataError(f"{path.name}: not a readable GeoJSON file ({error})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise RefdataError(f"{path.name}: not a GeoJSON FeatureCollection")
    declared = ((data.get("crs") or {}).get("properties") or {}).get("name", "EPSG:4326")
    if not str(declared).endswith(crs.split(":")[-1]):
        raise RefdataError(f"{path.name}: coordinates are in {declared}, expected {crs}")
    features = data.get("features") or []
    for number, feature in enumerate(features, start=1):
        geometry = (feature or {}).get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise RefdataError(
                f"{path.name}: feature {number}: geometry is {geometry.get('type')!r}, "
                "expected a Polygon or MultiPolygon"
            )
    if not features:
        raise RefdataError(f"{path.name}: no features")
    return features


def _csv_rows(path: Path, wanted: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(row number, row) for each row of a CSV with a byte-order mark, checked for columns."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in wanted if c not in (reader.fieldnames or [])]
            if missing:
                raise RefdataError(
                    f"{path.name}: the columns {', '.join(missing)} are missing "
                    f"(found: {', '.join(reader.fieldnames or [])})"
                )
            return [
                (number, {k: (v or "").strip() for k, v in row.items() if k})
                for number, row in enumerate(reader, start=2)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise RefdataError(f"{path.name}: not a readable CSV file ({error})") from None


# --- geometry ------------------------------------------------------------------------------


def _map_geometry(geometry: dict, point) -> dict:
    """`geometry` with `point(x, y) -> (lon, lat)` applied to every position, rounded, and
    rings wound as RFC 7946 says (exterior counter-clockwise, holes clockwise)."""

    def ring(positions, exterior):
        out = [tuple(round(c, PLACES) for c in point(p[0], p[1])) for p in positions]
        if (_signed_area(out) > 0) != exterior:
            out.reverse()
        return [list(p) for p in out]

    def polygon(rings):
        return [ring(r, number == 0) for number, r in enumerate(rings)]

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    return {"type": "MultiPolygon", "coordinates": [polygon(p) for p in geometry["coordinates"]]}


def _signed_area(ring) -> float:
    """Twice the signed area of a ring in the plane: positive when counter-clockwise."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)


def _lonlat(x, y):
    return x, y


def _british_national_grid():
    """A function from British National Grid (EPSG:27700) easting/northing to WGS84 lon/lat."""
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    return transformer.transform


def _replace_boundaries(kind: str, source: str, boundaries: list[Boundary]) -> None:
    Boundary.objects.filter(kind=kind).delete()
    for boundary in boundaries:
        boundary.kind, boundary.source = kind, source
    Boundary.objects.bulk_create(boundaries)


def _unique_names(path: Path, names: list[str]) -> None:
    seen = set()
    for name in names:
        if name in seen:
            raise RefdataError(f"{path.name}: {name!r} appears twice")
        seen.add(name)


# --- boundaries ----------------------------------------------------------------------------


def load_lad_boundaries(path: Path) -> None:
    """District boundaries (ONS LAD May 2024 BUC, names only, WGS84) joined to the districts of
    the 39 areas by exact name (LAD24NM = LAD23NM for all 296); every district must have one."""
    features = _features(path, crs="EPSG:4326")
    names = [text((f.get("properties") or {}).get("name")) for f in features]
    _unique_names(path, names)
    districts = {la.name: la for la in LocalAuthority.objects.all()}
    missing = sorted(set(districts) - set(names))
    unknown = sorted(set(names) - set(districts))
    if missing or unknown:
        raise RefdataError(
            f"{path.name}: district names do not match the areas' districts; no boundary for: "
            f"{', '.join(missing) or 'none'}; boundaries of no district: "
            f"{', '.join(unknown) or 'none'}"
        )
    _replace_boundaries(
        Boundary.Kind.LOCAL_AUTHORITY,
        "lad-boundaries",
        [
            Boundary(
                code=districts[name].gss_code,
                name=name,
                geometry=_map_geometry(f["geometry"], _lonlat),
            )
            for name, f in zip(names, features, strict=True)
        ],
    )


def load_lsip_boundaries(path: Path) -> None:
    """The August 2023 LSIP area boundaries (ONS BUC), converted from British National Grid
    (EPSG:27700) to WGS84 lon/lat with pyproj."""
    features = _features(path, crs="EPSG:27700")
    _properties(path, features, ("LSIP23CD", "LSIP23NM"))
    point = _british_national_grid()
    boundaries = [
        Boundary(
            code=text(f["properties"]["LSIP23CD"]),
            name=text(f["properties"]["LSIP23NM"]),
            geometry=_map_geometry(f["geometry"], point),
        )
        for f in features
    ]
    _unique_names(path, [b.name for b in boundaries])
    _replace_boundaries(Boundary.Kind.LSIP_2023, "lsip-boundaries", boundaries)


def load_combined_authority_boundaries(path: Path) -> None:
    """Combined authority boundaries (ONS BUC, May 2023 with 2024 codes, WGS84)."""
    features = _features(path, crs="EPSG:4326")
    _properties(path, features, ("CAUTH24CD", "CAUTH24NM"))
    boundaries = [
        Boundary(
            code=text(f["properties"]["CAUTH24CD"]),
            name=text(f["properties"]["CAUTH24NM"]),
            geometry=_map_geometry(f["geometry"], _lonlat),
        )
        for f in features
    ]
    _unique_names(path, [b.name for b in boundaries])
    kind = Boundary.Kind.COMBINED_AUTHORITY
    _replace_boundaries(kind, "combined-authority-boundaries", boundaries)


def load_england_boundary(path: Path) -> None:
    """England's outline from the UK country boundaries (ONS BUC, December 2024, WGS84);
    the other countries, if the file has them, are left out."""
    features = _features(path, crs="EPSG:4326")
    _properties(path, features, ("CTRY24CD", "CTRY24NM"))
    england = [f for f in features if text(f["properties"]["CTRY24CD"]) == "E92000001"]
    if len(england) != 1:
        raise RefdataError(f"{path.name}: expected one feature for England (E92000001)")
    (feature,) = england
    _replace_boundaries(
        Boundary.Kind.COUNTRY,
        "england-boundary",
        [
            Boundary(
                code="E92000001",
                name=text(feature["properties"]["CTRY24NM"]),
                geometry=_map_geometry(feature["geometry"], _lonlat),
            )
        ],
    )


def _properties(path: Path, features: list[dict], wanted: tuple[str, ...]) -> None:
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        missing = [key for key in wanted if not text(properties.get(key))]
        if missing:
            raise RefdataError(f"{path.name}: feature {number}: no {', '.join(missing)}")


# --- lookups -------------------------------------------------------------------------------


def _districts_with_codes(path: Path) -> list[LocalAuthority]:
    districts = list(LocalAuthority.objects.all())
    if not districts or any(not la.gss_code for la in districts):
        raise RefdataError(
            f"{path.name}: the districts have no GSS codes yet; install lsip-lookup with it "
            "(`lsip refdata install` installs both, in order)"
        )
    return districts


def load_lad_to_combined_authority(path: Path) -> None:
    """Each district's combined authority from the ONS LAD (May 2025) to CAUTH lookup, matched
    by GSS code, else by name; districts the lookup does not name have none."""
    rows = _csv_rows(path, ("LAD25CD", "LAD25NM", "CAUTH25CD", "CAUTH25NM"))
    districts = _districts_with_codes(path)
    by_code = {la.gss_code: la for la in districts}
    by_name = {name_key(la.name): la for la in districts}
    authority = {}
    for number, row in rows:
        la = by_code.get(row["LAD25CD"]) or by_name.get(name_key(row["LAD25NM"]))
        if la is None:
            raise RefdataError(
                f"{path.name}: row {number}: {row['LAD25CD']} {row['LAD25NM']} is not a district "
                "of any area (by code or by name)"
            )
        if not row["CAUTH25CD"] or not row["CAUTH25NM"]:
            raise RefdataError(f"{path.name}: row {number}: no combined authority code or name")
        if la.pk in authority:
            raise RefdataError(f"{path.name}: row {number}: {la.name} appears twice")
        authority[la.pk] = (row["CAUTH25NM"], row["CAUTH25CD"])
    for la in districts:
        name, code = authority.get(la.pk, ("", ""))
        if (la.combined_authority, la.combined_authority_code) != (name, code):
            la.combined_authority, la.combined_authority_code = name, code
            la.save(update_fields=["combined_authority", "combined_authority_code", "modified_on"])


def load_lad_2011_to_2021(path: Path) -> None:
    """The ONS LAD 2011 to LAD 2021 lookup (England and Wales), kept as predecessor rows for
    `DistrictResolver`. Every English LAD 2021 district must be a LAD 2023 district (by code or
    name) or one of the April 2023 mergers (`MERGERS_2023`); Welsh ones are outside England."""
    rows = _csv_rows(path, ("LAD11CD", "LAD11NM", "LAD21CD", "LAD21NM"))
    districts = _districts_with_codes(path)
    codes = {la.gss_code for la in districts}
    names = {name_key(la.name) for la in districts} | {name_key(n) for n in MERGERS_2023}
    places = []
    for number, row in rows:
        for column in ("LAD11CD", "LAD11NM", "LAD21CD", "LAD21NM"):
            if not row[column]:
                raise RefdataError(f"{path.name}: row {number}: no {column}")
        successor = row["LAD21CD"]
        if successor.startswith("E") and (
            successor not in codes and name_key(row["LAD21NM"]) not in names
        ):
            raise RefdataError(
                f"{path.name}: row {number}: {successor} {row['LAD21NM']} is neither a LAD 2023 "
                "district of an area nor one merged in April 2023"
            )
        if not successor.startswith(("E", "W")):
            raise RefdataError(f"{path.name}: row {number}: {successor} is not in England or Wales")
        places.append(
            PlaceName(
                kind=PlaceName.Kind.PREDECESSOR,
                name=row["LAD11NM"],
                code=row["LAD11CD"],
                successor_code=successor,
                successor_name=row["LAD21NM"],
                region="Wales" if successor.startswith("W") else "",
                source="lad-2011-to-2021",
            )
        )
    PlaceName.objects.filter(source="lad-2011-to-2021").delete()
    PlaceName.objects.bulk_create(places)


def load_uk_lad_2021_regions(path: Path) -> None:
    """Each district's ITL1 region from sheet "1" of the ONS online job adverts reference
    tables (every UK district of May 2021 the release kept, with its ITL1 region), and the
    names of places outside England for `DistrictResolver`.

    May 2021 names are resolved to LAD 2023 districts (predecessors included, so Carlisle gives
    Cumberland its region); `REGION_ERRATA` corrects the file's four wrong rows. Districts the
    release excluded (sheet "4") take the one region the other districts of their LSIP area
    share; excluded places that are no English district are recorded as outside England.
    """
    resolver = DistrictResolver.load()
    found, places = _regions_of_sheet_1(path, resolver)
    places += [_outside(name, "") for name in _excluded(path) if resolver.resolve(name) is None]
    districts = _districts_with_codes(path)
    region_of = {}
    for la in districts:
        if len(found[la.gss_code]) > 1:
            raise RefdataError(
                f"{path.name}: {la.name} is in {' and '.join(sorted(found[la.gss_code]))}"
            )
        if found[la.gss_code]:
            region_of[la.pk] = next(iter(found[la.gss_code]))
    by_area = defaultdict(set)
    for la in districts:
        if la.pk in region_of:
            by_area[la.area_id].add(region_of[la.pk])
    for la in districts:
        if la.pk not in region_of:
            if len(by_area[la.area_id]) != 1:
                raise RefdataError(
                    f"{path.name}: no region for {la.name}, and its area's other districts do "
                    "not share one"
                )
            region_of[la.pk] = next(iter(by_area[la.area_id]))
    for la in districts:
        if la.region != region_of[la.pk]:
            la.region = region_of[la.pk]
            la.save(update_fields=["region", "modified_on"])
    PlaceName.objects.filter(source="uk-lad-2021-regions").delete()
    PlaceName.objects.bulk_create(places)


def _regions_of_sheet_1(path: Path, resolver: DistrictResolver):
    """({LAD 2023 code: {regions}}, [outside places]) from sheet "1", checked row by row."""
    rows = sheet_rows(path, "1")
    header_at = next(
        (i for i, row in enumerate(rows) if text(row[0]).lower().startswith("local authority")),
        None,
    )
    if header_at is None or not text(rows[header_at][1]).lower().startswith("region"):
        raise RefdataError(f'{path.name}: sheet "1": no "Local authority" and "Region" columns')
    regions = {name_key(r): r for r in ENGLISH_REGIONS + NOT_ENGLAND}
    found: dict[str, set] = defaultdict(set)
    places, corrected = [], set()
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        name, region_text = text(row[0]), text(row[1])
        if not name:
            continue
        region = regions.get(name_key(region_text))
        if region is None:
            raise RefdataError(
                f'{path.name}: sheet "1", row {number}: {name}: unknown region {region_text!r}'
            )
        if region in NOT_ENGLAND:
            places.append(_outside(name, region))
            continue
        if REGION_ERRATA.get(name, ("",))[0] == region:
            region = REGION_ERRATA[name][1]
            corrected.add(name)
        place = resolver.resolve(name)
        if place is None or place.kind != "district":
            raise RefdataError(
                f'{path.name}: sheet "1", row {number}: {name!r} ({region}) is no district of '
                "the areas, by its LAD 2023 name or as a predecessor"
            )
        found[place.gss_code].add(region)
    if corrected != set(REGION_ERRATA):
        raise RefdataError(
            f'{path.name}: sheet "1" is not the edition REGION_ERRATA corrects (no row '
            f"{', '.join(sorted(set(REGION_ERRATA) - corrected))} with the region it corrects)"
        )
    return found, places


def _excluded(path: Path) -> list[str]:
    """The district names of sheet "4" (excluded for quality), if the workbook has it."""
    try:
        rows = sheet_rows(path, "4")
    except RefdataError:
        return []
    names, started = [], False
    for row in rows:
        value = text(row[0]) if row else ""
        if started and value:
            names.append(value)
        started = started or value.lower().startswith("excluded local authorities")
    return names


def _outside(name: str, region: str) -> PlaceName:
    return PlaceName(
        kind=PlaceName.Kind.OUTSIDE, name=name, region=region, source="uk-lad-2021-regions"
    )


LOADERS = {
    "lad-to-combined-authority": load_lad_to_combined_authority,
    "lad-2011-to-2021": load_lad_2011_to_2021,
    "lsip-boundaries": load_lsip_boundaries,
    "lad-boundaries": load_lad_boundaries,
    "england-boundary": load_england_boundary,
    "combined-authority-boundaries": load_combined_authority_boundaries,
    "uk-lad-2021-regions": load_uk_lad_2021_regions,
}

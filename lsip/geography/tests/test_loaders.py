"""The geography files load: boundaries for all 296 districts, combined authorities, regions."""

import json

import pytest

from lsip.areas.models import LocalAuthority
from lsip.geography.loaders import load_lad_boundaries, load_lsip_boundaries
from lsip.geography.models import Boundary, PlaceName
from lsip.refdata.errors import RefdataError


def positions(geometry):
    rings = geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        rings = [ring for polygon in rings for ring in polygon]
    return [position for ring in rings for position in ring]


def test_every_district_gets_its_boundary_by_name_with_its_code(geography):
    districts = {la.gss_code: la.name for la in LocalAuthority.objects.all()}
    boundaries = Boundary.objects.filter(kind=Boundary.Kind.LOCAL_AUTHORITY)
    assert len(districts) == 296
    assert {b.code: b.name for b in boundaries} == districts
    hereford = boundaries.get(code="E06000019")
    assert hereford.name == "Herefordshire, County of"
    assert all(-3.3 < lon < -2.3 and 51.8 < lat < 52.5 for lon, lat in positions(hereford.geometry))


def test_lsip_boundaries_are_converted_from_british_national_grid(geography):
    marches = Boundary.objects.get(kind=Boundary.Kind.LSIP_2023, name="The Marches")
    assert marches.code == "E69000033"
    points = positions(marches.geometry)
    assert all(-3.3 <= lon <= -2.2 and 51.8 <= lat <= 53.0 for lon, lat in points)
    assert all(round(c, 5) == c for point in points for c in point)
    assert Boundary.objects.filter(kind=Boundary.Kind.LSIP_2023).count() == 38


def test_combined_authority_and_england_boundaries(geography):
    names = set(
        Boundary.objects.filter(kind=Boundary.Kind.COMBINED_AUTHORITY).values_list(
            "name", flat=True
        )
    )
    assert {"Greater Manchester", "West Midlands", "North East"} <= names
    (england,) = Boundary.objects.filter(kind=Boundary.Kind.COUNTRY)
    assert (england.code, england.name) == ("E92000001", "England")


def test_districts_get_their_combined_authority_where_the_lookup_names_one(geography):
    bolton = LocalAuthority.objects.get(name="Bolton")
    assert (bolton.combined_authority, bolton.combined_authority_code) == (
        "Greater Manchester",
        "E47000001",
    )
    manchester = LocalAuthority.objects.filter(area__slug="greater-manchester")
    assert manchester.count() == 10
    assert {la.combined_authority for la in manchester} == {"Greater Manchester"}
    assert LocalAuthority.objects.get(name="Shropshire").combined_authority == ""
    assert LocalAuthority.objects.exclude(combined_authority="").count() == 106


def test_every_district_gets_its_itl1_region(geography):
    assert not LocalAuthority.objects.filter(region="").exists()
    assert LocalAuthority.objects.get(name="Shropshire").region == "West Midlands"
    # Cumberland from Carlisle and Copeland (Allerdale was excluded from the release).
    assert LocalAuthority.objects.get(name="Cumberland").region == "North West"
    # Rows of the file corrected by REGION_ERRATA.
    assert LocalAuthority.objects.get(name="Middlesbrough").region == "North East"
    assert LocalAuthority.objects.get(name="Redbridge").region == "London"
    # Excluded from the release: the region its area's other districts share.
    assert LocalAuthority.objects.get(name="Bolsover").region == "East Midlands"
    assert PlaceName.objects.filter(kind="outside", name="Aberdeen City", region="Scotland")


def test_a_district_without_a_boundary_is_refused_with_its_name(geography, tmp_path):
    data = {"type": "FeatureCollection", "features": []}
    for la in LocalAuthority.objects.exclude(name="Shropshire"):
        data["features"].append(
            {
                "type": "Feature",
                "properties": {"name": la.name},
                "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 1], [0, 0]]]},
            }
        )
    path = tmp_path / "boundaries.geojson"
    path.write_text(json.dumps(data))
    with pytest.raises(RefdataError, match=r"boundaries.geojson: .*no boundary for: Shropshire;"):
        load_lad_boundaries(path)


def test_lsip_boundaries_in_the_wrong_crs_are_refused(db, tmp_path):
    path = tmp_path / "lsip.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(RefdataError, match="lsip.geojson: coordinates are in EPSG:4326"):
        load_lsip_boundaries(path)

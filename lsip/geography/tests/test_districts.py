"""DistrictResolver: names and codes of any year to the LAD 2023 districts, England or outside."""

import pytest

from lsip.geography.districts import Place, name_key


@pytest.fixture
def resolver(installed_resolver):
    return installed_resolver[0]


@pytest.fixture
def districts(installed_resolver):
    return installed_resolver[1]


def test_every_district_resolves_to_itself_by_name_and_code(resolver, districts):
    assert len(districts) == 296
    for name, code in districts.items():
        place = Place("district", code, name)
        assert resolver.resolve(name) == place
        assert resolver.resolve(code) == place


def test_england(resolver):
    assert (
        resolver.resolve("England")
        == resolver.resolve("E92000001")
        == Place("england", "E92000001", "England")
    )


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("Allerdale", "Cumberland"),
        ("E07000026", "Cumberland"),  # Allerdale's code
        ("Barrow-in-Furness", "Westmorland and Furness"),
        ("Harrogate", "North Yorkshire"),
        ("Somerset West and Taunton", "Somerset"),
        ("Aylesbury Vale", "Buckinghamshire"),  # LAD 2011, merged in 2020
        ("Corby", "North Northamptonshire"),  # LAD 2011, merged in 2021
        ("Shepway", "Folkestone and Hythe"),  # renamed, same code
        ("herefordshire county of", "Herefordshire, County of"),
        ("Herefordshire", "Herefordshire, County of"),
        ("Telford & Wrekin", "Telford and Wrekin"),
        ("St Helens", "St. Helens"),
        ("Kings Lynn and West Norfolk", "King's Lynn and West Norfolk"),
    ],
)
def test_predecessors_and_spellings_resolve_to_the_lad_2023_district(
    resolver, districts, text, district
):
    assert resolver.resolve(text) == Place("district", districts[district], district)


def test_allerdale_takes_cumberlands_code_from_the_installed_lookup(resolver):
    assert resolver.resolve("Allerdale").gss_code == "E06000063"


def test_places_outside_england(resolver):
    assert resolver.resolve("Aberdeen City") == Place("outside", "", "Aberdeen City")
    assert resolver.resolve("Cardiff") == Place("outside", "W06000015", "Cardiff")
    assert resolver.resolve("W06000015").kind == "outside"
    assert resolver.resolve("Belfast").kind == "outside"


def test_unknown_places_and_prefixes_are_none(resolver):
    assert resolver.resolve("Atlantis") is None
    assert resolver.resolve("") is None
    assert resolver.resolve("E99999999") is None
    # Stripping a file's own prefix is the caller's job.
    assert resolver.resolve("ladu:Shropshire") is None


def test_name_key_folds_case_punctuation_and_and():
    assert name_key("Herefordshire, County of") == name_key("herefordshire county of")
    assert name_key("Brighton & Hove") == name_key("Brighton and Hove")
    assert name_key("St. Albans") == name_key("St Albans")

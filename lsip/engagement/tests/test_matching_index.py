"""Employer matching by an index (SG 5.1; decision 0095): doubtful matches are found among the
organisations sharing a word with the name, scored with RapidFuzz, at most five, most alike
first. The 50,000 x 50,000 figure is benchmarks/matching.py's."""

import pytest

from lsip.engagement.imports.matching import MAX_DOUBTFUL, Employer, Matcher, similar
from lsip.organisations.models import Organisation


@pytest.fixture
def recorded(marches):
    shropshire = marches.local_authorities.get(name="Shropshire")
    names = [
        "Paveaways Groundworks",
        "Paveaways Surfacing",
        "Paveaways Drainage",
        "Paveaways Kerbs",
        "Paveaways Plant Hire",
        "Paveaways Tarmac",
        "Paveaways Fencing",
        "Ludlow Brewing Company",
    ]
    orgs = Organisation.objects.bulk_create(
        Organisation(area=marches, name=name, type="employer", local_authority=shropshire)
        for name in names
    )
    return shropshire, {org.name: org for org in orgs}


def employer(name, district):
    return Employer(("name", name), name, "", district)


def test_a_misspelt_name_in_the_same_district_is_doubtful(marches, recorded):
    shropshire, orgs = recorded
    found = employer("Ludlow Brewng Company", shropshire)
    Matcher(marches).match(found)
    assert found.existing is None
    assert found.doubtful == [orgs["Ludlow Brewing Company"]]


def test_a_common_word_offers_the_five_most_alike_not_every_name_holding_it(marches, recorded):
    shropshire, orgs = recorded
    asked = employer("Paveaways Ltd", shropshire)  # each of seven names holds its one word
    Matcher(marches).match(asked)
    assert len(asked.doubtful) == MAX_DOUBTFUL
    assert asked.doubtful[0] == orgs["Paveaways Kerbs"]
    assert orgs["Ludlow Brewing Company"] not in asked.doubtful


def test_no_doubtful_match_in_another_district(marches, recorded):
    _, _ = recorded
    telford = marches.local_authorities.get(name="Telford and Wrekin")
    found = employer("Ludlow Brewng Company", telford)
    Matcher(marches).match(found)
    assert found.existing is None
    assert found.doubtful == []


def test_names_alike_hold_every_word_of_each_other_or_differ_by_a_few_letters():
    assert similar("paveaways groundworks", "paveaways")
    assert similar("ludlow brewing company", "ludlow brewng company")
    assert not similar("ludlow brewing company", "oswestry dairy")
    assert not similar("", "paveaways")

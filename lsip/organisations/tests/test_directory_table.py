"""The directory's table: sorted by any column without JavaScript, a sentence when empty,
and links that name what they open."""

import datetime
import re

import pytest

from lsip.areas.models import LocalAuthority
from lsip.engagement.services import record_engagement
from lsip.organisations.models import Organisation

LIST = "/areas/the-marches/organisations/"


@pytest.fixture
def directory(marches, college):
    shropshire = LocalAuthority.objects.get(name="Shropshire")
    herefordshire = LocalAuthority.objects.get(area=marches, name__startswith="Herefordshire")
    Organisation.objects.create(
        area=marches,
        name="Ludlow Foods",
        type="employer",
        size_band="large",
        local_authority=shropshire,
    )
    Organisation.objects.create(
        area=marches,
        name="Bromyard Bakes",
        type="employer",
        size_band="micro",
        local_authority=herefordshire,
    )
    return marches


def names(page: str) -> list[str]:
    table = page[page.index('id="organisations"') :]
    return re.findall(
        r'<td class="govuk-table__cell"><a class="govuk-link" href="[^"]+">([^<]+)</a>', table
    )


def header(page: str, label: str) -> str:
    return re.search(rf'<th [^>]*aria-sort="(\w+)"><a [^>]*href="\?([^"]*)">{label}', page).groups()


def test_the_directory_sorts_by_a_column_and_back(client, people, directory):
    client.force_login(people["board_member"])
    page = client.get(LIST).text
    assert names(page) == ["Bromyard Bakes", "Ludlow Foods", "Telford College"]
    assert header(page, "Name") == ("ascending", "sort=-name")
    assert header(page, "Size band") == ("none", "sort=size_band")

    page = client.get(LIST, {"sort": "size_band"}).text
    assert names(page) == ["Bromyard Bakes", "Ludlow Foods", "Telford College"]  # micro, large, -
    assert header(page, "Size band") == ("ascending", "sort=-size_band")
    assert header(page, "Name")[0] == "none"
    page = client.get(LIST, {"sort": "-size_band"}).text
    assert names(page) == ["Ludlow Foods", "Bromyard Bakes", "Telford College"]  # blank last

    page = client.get(LIST, {"sort": "type", "type": "employer"}).text
    assert names(page) == ["Bromyard Bakes", "Ludlow Foods"]
    assert header(page, "Type") == ("ascending", "sort=-type&amp;type=employer")  # filter kept

    page = client.get(LIST, {"sort": "-local_authority"}).text
    assert names(page) == ["Ludlow Foods", "Bromyard Bakes", "Telford College"]


def test_an_unknown_sort_keeps_the_order_by_name(client, people, directory):
    client.force_login(people["board_member"])
    page = client.get(LIST, {"sort": "password"}).text
    assert names(page) == ["Bromyard Bakes", "Ludlow Foods", "Telford College"]


def test_an_empty_directory_says_so_instead_of_showing_headers(client, people, west_midlands):
    client.force_login(people["other_area_admin"])
    empty = "/areas/west-midlands/organisations/"
    page = client.get(empty).text
    assert "No organisations have been added to West Midlands yet." in page
    assert "<th" not in page
    Organisation.objects.create(area=west_midlands, name="Brum Bakes", type="employer")
    page = client.get(empty, {"q": "nothing like it"}).text
    assert "No organisations match your search." in page


def test_engagement_links_name_the_engagement_not_only_its_date(client, people, college):
    record_engagement(
        area=college.area,
        type="interview",
        date=datetime.date(2026, 3, 29),
        organisations=[college],
        actor=people["erb_admin"],
    )
    client.force_login(people["erb_admin"])
    page = client.get(college.get_absolute_url()).text
    link = re.search(r'href="/areas/the-marches/engagement/[^"]+/">(.*?)</a>', page).group(1)
    assert link.startswith("One-to-one interview")
    assert "29 March 2026" in link  # for a screen reader's list of links

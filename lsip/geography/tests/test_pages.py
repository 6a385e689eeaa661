"""The public Places page of an area: its districts, codes, authorities, regions and map."""

import html
import json
import re

from django.urls import reverse


def test_the_places_page_lists_the_districts_with_codes_and_a_map(client, geography):
    response = client.get(reverse("geography:places", kwargs={"area_slug": "the-marches"}))
    assert response.status_code == 200
    page = response.text
    for name, code in [
        ("Herefordshire, County of", "E06000019"),
        ("Shropshire", "E06000051"),
        ("Telford and Wrekin", "E06000020"),
    ]:
        assert name in page
        assert code in page
    assert "West Midlands" in page
    spec = json.loads(html.unescape(re.search(r'data-spec="([^"]*)"', page)[1]))
    assert len(spec["data"]["values"]) == 3
    assert "js/charts.js" in page


def test_without_boundaries_the_page_says_how_to_install_them(client, db):
    response = client.get(reverse("geography:places", kwargs={"area_slug": "the-marches"}))
    assert response.status_code == 200
    assert "lsip-chart" not in response.text.replace("lsip-chart-", "")
    assert "lsip refdata install" in response.text

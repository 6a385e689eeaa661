"""SOC 2020 and SIC 2007 in the JSON API: public search and retrieve."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.usefixtures("classifications")


@pytest.fixture
def api():
    return APIClient()


def soc(code=None):
    if code is None:
        return reverse("api-v1:soc-group-list")
    return reverse("api-v1:soc-group-detail", kwargs={"code": code})


def sic(code=None):
    if code is None:
        return reverse("api-v1:sic-item-list")
    return reverse("api-v1:sic-item-detail", kwargs={"code": code})


def codes(response):
    assert response.status_code == 200
    return [node["code"] for node in response.json()["results"]]


def test_soc_search_by_code_title_or_index_title_and_level(api, db):
    assert codes(api.get(soc(), {"q": "6135"})) == ["6135"]
    assert codes(api.get(soc(), {"q": "Domiciliary carer"})) == ["6135"]
    assert codes(api.get(soc(), {"level": "major"})) == [str(n) for n in range(1, 10)]
    assert api.get(soc()).json()["count"] == 551
    assert api.get(soc(), {"level": "huge"}).status_code == 400


def test_a_soc_unit_group_comes_with_tasks_titles_and_index(api, db):
    body = api.get(soc("6135")).json()
    assert body["title"] == "Care workers and home carers"
    assert (body["level"], body["parent"]) == ("unit", "613")
    assert "Home carer" in body["related_titles"]
    assert len(body["tasks"]) == 8
    assert {"code": "6135/02", "title": "Home care workers"} in body["extended_groups"]
    assert {"title": "Domiciliary carer", "extended_group": "6135/02"} in body["index_titles"]
    assert len(body["index_titles"]) == 115


def test_sic_search_by_any_code_form_title_or_activity(api, db):
    assert codes(api.get(sic(), {"q": "10.51/1"})) == ["10.51/1"]
    assert codes(api.get(sic(), {"q": "10511"})) == ["10.51/1"]
    assert codes(api.get(sic(), {"q": "Abattoir"})) == ["10.11"]
    assert codes(api.get(sic(), {"q": "10.5", "level": "class"}))[0] == "10.51"


def test_a_sic_item_is_found_by_any_code_form(api, db):
    for typed in ("10511", "10.511"):
        body = api.get(sic(typed)).json()
        assert (body["code"], body["digits"], body["parent"]) == ("10.51/1", "10511", "10.51")
        assert body["activities"]
    assert api.get(sic("10.51")).json()["children"][0]["code"] == "10.51/1"
    section = api.get(sic("c")).json()
    assert (section["code"], section["activities"]) == ("C", [])


def test_an_unknown_code_is_not_found(api, db):
    assert api.get(soc("9999")).status_code == 404
    assert api.get(sic("99.99")).status_code == 404
    assert api.get(sic("words")).status_code == 404


def test_nobody_writes_reference_data(api, db):
    assert api.post(soc(), {"code": "7"}).status_code == 401
    assert api.delete(sic("C")).status_code == 401

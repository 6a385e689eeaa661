"""Each level of a URL answers: /areas/, /classifications/ and /api/v1/ are index pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_areas_index_lists_every_area_and_explains_the_dpp(client):
    response = client.get("/areas/")
    assert response.status_code == 200
    page = response.text
    assert page.count('class="govuk-link" href="/areas/') == 39
    # Cumbria's Strategic Authority is being created (SG 3.6); Dorset is not devolved.
    assert "Being created: a" in page
    assert "None: the area is not devolved" in page
    assert "DPP" not in page
    assert "Devolution Priority Programme: in six areas a new Strategic Authority" in page


def test_the_classifications_index_links_soc_and_sic(client):
    response = client.get("/classifications/")
    assert response.status_code == 200
    assert 'href="/classifications/soc/"' in response.text
    assert 'href="/classifications/sic/"' in response.text


def test_the_api_root_lists_the_endpoints_the_schema_and_the_docs(client):
    response = client.get("/api/v1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    root = response.json()
    assert root["schema"] == "http://testserver/api/schema/"
    assert root["docs"] == "http://testserver/api/docs/"
    endpoints = root["endpoints"]
    assert endpoints["area"] == "http://testserver/api/v1/areas/"
    assert endpoints["organisation"] == (
        "http://testserver/api/v1/areas/{area_slug}/organisations/"
    )
    assert endpoints["soc-group"] == "http://testserver/api/v1/classifications/soc/"
    assert client.get(endpoints["area"]).status_code == 200


def test_signing_in_makes_no_promise_of_published_plans(client):
    page = client.get("/accounts/sign-in/").text
    assert "published plans" not in page

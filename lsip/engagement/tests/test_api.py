"""The engagement record over the API: writes go through the services."""

import pytest
from rest_framework.test import APIClient

from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Contact


@pytest.fixture
def api(people):
    client = APIClient()
    client.force_authenticate(people["erb_editor"])
    return client


def test_engagements_and_needs_are_recorded_and_read(api, marches, employer, college):
    base = f"/api/v1/areas/{marches.slug}"
    response = api.post(
        f"{base}/engagements/",
        {"type": "survey", "date": "2025-10-01", "organisations": [str(employer.pk)]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    engagement = Engagement.objects.get(pk=response.json()["id"])
    response = api.post(
        f"{base}/skills-needs/",
        {
            "engagement": str(engagement.pk),
            "organisation": str(employer.pk),
            "words": "Bricklayer",
            "need_type": "shortage",
            "themes": ["net_zero"],
            "level": "3",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    need = SkillsNeed.objects.get()
    assert need.themes == ["net_zero"]
    assert need.area == marches
    refused = api.post(
        f"{base}/skills-needs/",
        {
            "engagement": str(engagement.pk),
            "organisation": str(college.pk),
            "words": "Welder",
            "need_type": "gap",
        },
        format="json",
    )
    assert refused.status_code == 400
    listing = api.get(f"{base}/skills-needs/").json()["results"]
    assert listing[0]["words"] == "Bricklayer"
    assert listing[0]["soc_confirmed"] is False
    assert api.get(f"{base}/engagements/", {"type": "interview"}).json()["count"] == 0
    assert api.get(f"{base}/engagements/", {"type": "survey"}).json()["count"] == 1


def test_an_organisation_of_another_area_is_refused(api, marches, other_area_employer):
    response = api.post(
        f"/api/v1/areas/{marches.slug}/engagements/",
        {"type": "survey", "date": "2025-10-01", "organisations": [str(other_area_employer.pk)]},
        format="json",
    )
    assert response.status_code == 400
    assert not Engagement.objects.exists()


def test_contacts_are_for_the_erb_only(api, people, marches, employer):
    Contact.objects.create(organisation=employer, name="Jo Bloggs", email="jo@example.org")
    base = f"/api/v1/areas/{marches.slug}"
    assert api.get(f"{base}/contacts/").json()["results"][0]["name"] == "Jo Bloggs"
    board = APIClient()
    board.force_authenticate(people["board_member"])
    assert board.get(f"{base}/contacts/").status_code == 403
    assert "Jo Bloggs" not in board.get(f"{base}/organisations/").content.decode()

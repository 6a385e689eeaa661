"""Contacts are personal data: who sees them, and the two data-protection requests."""

import datetime
import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lsip.audit.models import AuditEntry
from lsip.engagement import services as engagement_services
from lsip.organisations import contacts
from lsip.organisations.models import Contact, Organisation

SECRETS = ("Jo Bloggs", "jo@paveaways.example", "07700 900123")


@pytest.fixture
def employer(marches):
    return Organisation.objects.create(area=marches, name="Paveaways", type="employer")


@pytest.fixture
def contact(employer, people):
    return contacts.save_contact(
        contact=Contact(
            organisation=employer,
            name="Jo Bloggs",
            job_title="Operations director",
            email="jo@paveaways.example",
            phone="07700 900123",
        ),
        actor=people["erb_editor"],
    )


@pytest.mark.parametrize("role", ["erb_admin", "erb_editor"])
def test_the_erb_sees_and_adds_contacts(client, people, employer, contact, role):
    client.force_login(people[role])
    page = client.get(employer.get_absolute_url()).text
    assert all(secret in page for secret in SECRETS)
    url = reverse(
        "organisations:contact-create",
        kwargs={"area_slug": employer.area.slug, "pk": employer.pk},
    )
    assert client.post(url, {"name": ""}).status_code == 200  # an error, nothing saved
    response = client.post(url, {"name": "Sam Smith", "email": "sam@paveaways.example"})
    assert response.status_code == 302
    assert employer.contacts.filter(name="Sam Smith").exists()
    change = reverse(
        "organisations:contact-update",
        kwargs={"area_slug": employer.area.slug, "pk": employer.pk, "contact_pk": contact.pk},
    )
    client.post(change, {"name": "Jo Bloggs", "phone": "01743 111222"})
    contact.refresh_from_db()
    assert contact.phone == "01743 111222"


@pytest.mark.parametrize("role", ["board_member", "partner", "sa_partner", "skills_england"])
def test_other_roles_never_see_contacts(client, people, employer, contact, role):
    engagement = engagement_services.record_engagement(
        area=employer.area,
        type="interview",
        date=datetime.date(2025, 11, 3),
        organisations=[employer],
        actor=None,
    )
    engagement_services.add_skills_need(
        engagement=engagement,
        organisation=employer,
        words="Groundworker",
        need_type="shortage",
        actor=None,
    )
    client.force_login(people[role])
    slug = employer.area.slug
    pages = [
        employer.get_absolute_url(),
        reverse("organisations:organisation-list", kwargs={"area_slug": slug}) + "?format=csv",
        reverse("engagement:engagement-detail", kwargs={"area_slug": slug, "pk": engagement.pk}),
        reverse("engagement:record-export", kwargs={"area_slug": slug}) + "?format=csv",
        reverse("engagement:needs-export", kwargs={"area_slug": slug}) + "?format=json",
        reverse("api-v1:organisation-detail", kwargs={"area_slug": slug, "pk": employer.pk}),
        reverse("api-v1:engagement-list", kwargs={"area_slug": slug}),
        reverse("api-v1:skills-need-list", kwargs={"area_slug": slug}),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8-sig")
        assert not any(secret in text for secret in SECRETS), url
    assert "Contacts" not in client.get(employer.get_absolute_url()).text
    api = APIClient()
    api.force_authenticate(people[role])
    assert api.get(f"/api/v1/areas/{slug}/contacts/").status_code == 403
    assert client.get(reverse("areas:audit-log", kwargs={"area_slug": slug})).status_code == 403


def test_the_export_holds_the_contact_and_every_audit_entry_about_them(
    client, people, employer, contact
):
    contacts.save_contact(contact=contact, actor=people["erb_admin"])  # unchanged: no entry
    contact.job_title = "Managing director"
    contacts.save_contact(contact=contact, actor=people["erb_admin"])
    client.force_login(people["erb_editor"])
    url = reverse(
        "organisations:contact-export",
        kwargs={"area_slug": employer.area.slug, "pk": employer.pk, "contact_pk": contact.pk},
    )
    response = client.get(url)
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["contact"]["name"] == "Jo Bloggs"
    assert data["contact"]["organisation"] == "Paveaways"
    assert [e["action"] for e in data["audit_trail"]] == ["create", "update"]
    assert data["audit_trail"][1]["changes"]["job_title"] == [
        "Operations director",
        "Managing director",
    ]


def test_erasure_blanks_the_person_and_redacts_the_trail_but_keeps_the_evidence(
    client, people, employer, contact
):
    engagement = engagement_services.record_engagement(
        area=employer.area,
        type="interview",
        date=datetime.date(2025, 11, 3),
        organisations=[employer],
        actor=None,
    )
    contact.email = "jo.bloggs@paveaways.example"
    contacts.save_contact(contact=contact, actor=people["erb_admin"])
    client.force_login(people["erb_admin"])
    url = reverse(
        "organisations:contact-erase",
        kwargs={"area_slug": employer.area.slug, "pk": employer.pk, "contact_pk": contact.pk},
    )
    assert "Erase Jo Bloggs?" in client.get(url).text
    assert client.post(url).status_code == 302
    contact.refresh_from_db()
    assert contact.erased_on is not None
    assert (contact.name, contact.email, contact.phone, contact.job_title) == ("", "", "", "")
    entries = AuditEntry.objects.filter(model="organisations.Contact", object_id=str(contact.pk))
    trail = json.dumps([[e.object_repr, e.changes] for e in entries])
    for secret in (*SECRETS, "jo.bloggs@paveaways.example", "Operations director"):
        assert secret not in trail
    assert "[erased]" in trail
    erasure = entries.order_by("-at", "-id").first()
    assert "erased on request" in erasure.object_repr
    assert erasure.actor == people["erb_admin"]
    assert set(erasure.changes) == {"erased_on"}
    # The evidence stays and still counts.
    assert employer.engagements.get() == engagement
    page = client.get(employer.get_absolute_url()).text
    assert "Erased on request" in page
    assert "Jo Bloggs" not in page
    audit = client.get(reverse("areas:audit-log", kwargs={"area_slug": employer.area.slug}))
    assert "Jo Bloggs" not in audit.text
    # An erased contact cannot be filled in again through the page.
    change = reverse(
        "organisations:contact-update",
        kwargs={"area_slug": employer.area.slug, "pk": employer.pk, "contact_pk": contact.pk},
    )
    client.post(change, {"name": "Jo Bloggs"})
    contact.refresh_from_db()
    assert contact.name == ""


def test_a_contact_of_another_organisation_is_not_found(client, people, employer, contact):
    other = Organisation.objects.create(area=employer.area, name="Other Ltd", type="employer")
    client.force_login(people["erb_admin"])
    url = reverse(
        "organisations:contact-export",
        kwargs={"area_slug": employer.area.slug, "pk": other.pk, "contact_pk": contact.pk},
    )
    assert client.get(url).status_code == 404

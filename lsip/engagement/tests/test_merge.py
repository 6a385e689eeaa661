"""Merging two records of one employer."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.engagement import services
from lsip.engagement.merge import merge_organisations
from lsip.organisations.models import Contact, Organisation


@pytest.fixture
def duplicate(marches):
    return Organisation.objects.create(
        area=marches,
        name="Paveaways Ltd",
        type="employer",
        website="https://paveaways.example",
        companies_house_number="07654321",
        ownership="public",
        size_band="large",
    )


def test_merge_moves_everything_fills_blanks_and_archives(
    marches, employer, engagement, duplicate, people
):
    employer.companies_house_number = ""
    employer.save()
    other = services.record_engagement(
        area=marches,
        type="survey",
        date=datetime.date(2025, 1, 1),
        organisations=[duplicate],
        actor=None,
    )
    both = services.record_engagement(
        area=marches,
        type="event",
        date=datetime.date(2025, 2, 1),
        organisations=[employer, duplicate],
        actor=None,
    )
    need = services.add_skills_need(
        engagement=other, organisation=duplicate, words="Estimator", need_type="gap", actor=None
    )
    contact = Contact.objects.create(organisation=duplicate, name="Jo Bloggs")
    moved = merge_organisations(keep=employer, merge=duplicate, actor=people["erb_admin"])
    assert moved["engagements"] == 2
    assert moved["skills_needs"] == 1
    assert moved["contacts"] == 1
    employer.refresh_from_db()
    duplicate.refresh_from_db()
    assert set(employer.engagements.all()) == {engagement, other, both}
    assert list(both.organisations.all()) == [employer]
    need.refresh_from_db()
    contact.refresh_from_db()
    assert need.organisation == employer
    assert contact.organisation == employer
    assert employer.website == "https://paveaways.example"
    assert employer.companies_house_number == "07654321"
    assert employer.size_band == "micro"  # not blank: kept
    assert employer.ownership == "private"
    assert duplicate.archived_on is not None
    assert "Merged into Paveaways" in duplicate.description
    assert not duplicate.engagements.exists()
    entry = AuditEntry.objects.filter(object_id=str(employer.pk), changes__has_key="merged_from")
    assert entry.get().actor == people["erb_admin"]


def test_a_failed_merge_changes_nothing(marches, employer, engagement, duplicate, monkeypatch):
    from lsip.engagement import merge

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge.AuditEntry.objects, "create", broken)
    with pytest.raises(RuntimeError):
        merge_organisations(keep=duplicate, merge=employer, actor=None)
    employer.refresh_from_db()
    assert employer.archived_on is None
    assert list(employer.engagements.all()) == [engagement]


def test_merge_refuses_the_same_record_or_another_area(employer, other_area_employer):
    with pytest.raises(ValidationError):
        merge_organisations(keep=employer, merge=employer, actor=None)
    with pytest.raises(ValidationError):
        merge_organisations(keep=employer, merge=other_area_employer, actor=None)


def test_the_merge_page_confirms_first(client, people, marches, employer, engagement, duplicate):
    client.force_login(people["erb_editor"])
    page = reverse(
        "organisations:organisation-merge", kwargs={"area_slug": marches.slug, "pk": duplicate.pk}
    )
    assert "Merge another record into this one" in client.get(duplicate.get_absolute_url()).text
    confirm = client.post(page, {"other": employer.pk})
    assert "Paveaways will be archived" in confirm.text
    employer.refresh_from_db()
    assert employer.archived_on is None
    done = client.post(page, {"other": employer.pk, "confirm": "yes"})
    assert done.status_code == 302
    employer.refresh_from_db()
    assert employer.archived_on is not None
    assert list(duplicate.engagements.all()) == [engagement]

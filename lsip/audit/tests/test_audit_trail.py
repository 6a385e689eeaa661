"""Every create, change and delete of a domain record is in the trail: who, when, what."""

from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lsip.audit.context import acting_as
from lsip.audit.models import AuditEntry
from lsip.organisations.models import Organisation


def entries_for(obj):
    return AuditEntry.objects.filter(object_id=str(obj.pk)).order_by("at", "id")


def test_a_page_edit_records_who_and_each_changed_field(client, people, marches):
    client.force_login(people["erb_editor"])
    url = reverse("organisations:organisation-create", kwargs={"area_slug": marches.slug})
    client.post(url, {"name": "Paveaways", "type": "employer"})
    paveaways = Organisation.objects.get(name="Paveaways")
    client.post(
        reverse(
            "organisations:organisation-update",
            kwargs={"area_slug": marches.slug, "pk": paveaways.pk},
        ),
        {"name": "Paveaways Ltd", "type": "employer", "website": "https://paveaways.example"},
    )
    created, changed = entries_for(paveaways)
    assert created.action == AuditEntry.Action.CREATE
    assert created.actor == people["erb_editor"]
    assert created.area == marches
    assert created.changes["name"] == [None, "Paveaways"]
    assert changed.action == AuditEntry.Action.UPDATE
    assert changed.changes == {
        "name": ["Paveaways", "Paveaways Ltd"],
        "website": ["", "https://paveaways.example"],
    }


def test_an_api_change_is_attributed_to_the_tokens_owner(people, college):
    api = APIClient()
    token = Token.objects.create(user=people["erb_admin"])
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = reverse(
        "api-v1:organisation-detail", kwargs={"area_slug": "the-marches", "pk": college.pk}
    )
    assert api.patch(url, {"ukprn": "10001234"}, format="json").status_code == 200
    entry = entries_for(college).last()
    assert entry.actor == people["erb_admin"]
    assert entry.actor_label == "erb_admin@example.org"
    assert entry.changes == {"ukprn": ["", "10001234"]}


def test_archiving_and_removing_a_role_are_recorded(client, people, college, marches):
    client.force_login(people["erb_admin"])
    client.post(
        reverse(
            "organisations:organisation-archive",
            kwargs={"area_slug": marches.slug, "pk": college.pk},
        )
    )
    assert entries_for(college).last().changes["archived_on"][0] is None
    role = people["board_member"].roles.get()
    client.post(reverse("accounts:role-remove", kwargs={"area_slug": marches.slug, "pk": role.pk}))
    removed = entries_for(role).last()
    assert removed.action == AuditEntry.Action.DELETE
    assert removed.changes["role"] == ["Board member", None]
    assert removed.changes["user"] == ["board_member@example.org", None]


def test_a_change_outside_a_request_names_what_made_it(college):
    with acting_as(None, "lsip import engagements"):
        college.description = "Main FE provider in Telford"
        college.save()
    assert entries_for(college).last().actor_label == "lsip import engagements"


def test_an_erb_admin_reads_their_own_areas_trail_only(
    client, people, college, other_area_employer
):
    client.force_login(people["erb_admin"])
    page = client.get(reverse("areas:audit-log", kwargs={"area_slug": "the-marches"}))
    assert "Telford College" in page.text
    assert "Brum Bakes" not in page.text
    api = client.get(reverse("api-v1:audit-entry-list", kwargs={"area_slug": "the-marches"}))
    assert {e["object_repr"] for e in api.json()["results"]} >= {"Telford College"}
    assert "Brum Bakes Ltd" not in {e["object_repr"] for e in api.json()["results"]}


def test_links_between_records_are_recorded(marches, college):
    from lsip.sectors.models import Sector

    construction = Sector.objects.get(name="Construction", area=None)
    with acting_as(None, "test"):
        college.sectors.add(construction)
        college.sectors.clear()
    added, cleared = entries_for(college).filter(changes__has_key="sectors")
    assert added.changes["sectors"] == [None, "Construction"]
    assert cleared.changes["sectors"] == ["Construction", None]


def test_a_service_called_without_a_person_keeps_the_callers_label(college):
    with acting_as(None, "lsip demo"), acting_as(None):
        college.name = "Telford College of Arts and Technology"
        college.save()
    entry = AuditEntry.objects.filter(object_id=str(college.pk)).latest("at")
    assert (entry.actor, entry.actor_label) == (None, "lsip demo")


def test_a_record_whose_related_name_can_no_longer_be_read_is_recorded_by_its_key(db):
    """In a cascade, the record a related one is named after may be gone already: the trail
    then keeps the related record's key instead of failing the deletion."""
    import datetime
    import uuid

    from lsip.audit.recorder import snapshot
    from lsip.delivery.models import Evidence, Update

    gone = uuid.uuid4()
    update = Update(pk=uuid.uuid4(), activity_id=gone, as_of=datetime.date(2026, 9, 30))
    evidence = Evidence(update=update, link="https://example.org/report")
    assert snapshot(evidence)["update"] == str(update.pk)

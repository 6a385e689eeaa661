"""Personal API tokens: a person creates, names, scopes and revokes their own, and a token
reaches no further than its owner's areas and roles."""

import pytest
from rest_framework.test import APIClient

from conftest import PASSWORD
from lsip.accounts import tokens
from lsip.accounts.models import PersonalToken
from lsip.organisations.models import Organisation


def api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def orgs(slug):
    return f"/api/v1/areas/{slug}/organisations/"


def test_a_person_creates_names_scopes_and_revokes_their_tokens(client, people):
    client.login(username="erb_editor@example.org", password=PASSWORD)
    response = client.post(
        "/accounts/profile/", {"action": "create", "name": "College MIS", "scope": "write"}
    )
    assert response.status_code == 302
    page = client.get("/accounts/profile/")
    (message,) = [str(m) for m in page.context["messages"]]
    key = message.split(" is ")[1].split(" ")[0]
    assert key.startswith("lsip_")
    assert "College MIS" in page.content.decode()
    assert key not in client.get("/accounts/profile/").content.decode()  # shown once only
    token = PersonalToken.objects.get(user=people["erb_editor"])
    assert token.scope == "write"
    assert token.digest != key
    assert api(key).get("/api/v1/me/").json()["username"] == "erb_editor@example.org"
    # the same name twice is refused; an empty name too
    again = client.post(
        "/accounts/profile/", {"action": "create", "name": "College MIS", "scope": "read"}
    )
    assert again.context["form"].errors["name"] == ["You already have a token named 'College MIS'"]
    blank = client.post("/accounts/profile/", {"action": "create", "name": " ", "scope": "read"})
    assert blank.context["form"].errors["name"]
    # someone else cannot revoke it
    client.login(username="erb_admin@example.org", password=PASSWORD)
    client.post("/accounts/profile/", {"action": "revoke", "token": str(token.pk)})
    assert api(key).get("/api/v1/me/").status_code == 200
    client.login(username="erb_editor@example.org", password=PASSWORD)
    client.post("/accounts/profile/", {"action": "revoke", "token": str(token.pk)})
    assert api(key).get("/api/v1/me/").status_code == 401


def test_a_read_token_changes_nothing(people):
    _token, key = tokens.create_token(people["erb_editor"], "Dashboard", "read")
    client = api(key)
    assert client.get(orgs("the-marches")).status_code == 200
    response = client.post(orgs("the-marches"), {"name": "Made up", "type": "employer"})
    assert response.status_code == 403
    assert response.json()["detail"] == "This token may only read: create a write token"
    assert not Organisation.objects.filter(name="Made up").exists()


@pytest.mark.parametrize("scope", ["read", "write"])
def test_a_token_of_one_area_reads_and_writes_nothing_of_another(
    people, other_area_employer, scope
):
    _token, key = tokens.create_token(people["erb_editor"], "MIS", scope)
    client = api(key)
    other = orgs("west-midlands")
    assert client.get(other).status_code == 403
    assert client.get(f"{other}{other_area_employer.pk}/").status_code == 403
    assert client.post(other, {"name": "Sneaky", "type": "employer"}).status_code == 403
    patch = client.patch(f"{other}{other_area_employer.pk}/", {"name": "Renamed"})
    assert patch.status_code == 403
    # nor through its own area's URL with the other area's record
    own = f"{orgs('the-marches')}{other_area_employer.pk}/"
    assert client.get(own).status_code == 404
    assert client.patch(own, {"name": "Renamed"}).status_code in (403, 404)
    other_area_employer.refresh_from_db()
    assert other_area_employer.name == "Brum Bakes Ltd"
    assert not Organisation.objects.filter(name="Sneaky").exists()
    if scope == "write":
        made = client.post(orgs("the-marches"), {"name": "Ludlow Bakes", "type": "employer"})
        assert made.status_code == 201
        assert Organisation.objects.get(name="Ludlow Bakes").area.slug == "the-marches"


def test_a_reviewers_write_token_still_only_reads(people):
    _token, key = tokens.create_token(people["skills_england"], "Analysis", "write")
    client = api(key)
    assert client.get(orgs("west-midlands")).status_code == 200
    assert client.post(orgs("west-midlands"), {"name": "X", "type": "employer"}).status_code == 403


def test_a_wrong_or_revoked_key_is_refused(people):
    assert api("lsip_not-a-key").get("/api/v1/me/").status_code == 401
    token, key = tokens.create_token(people["board_member"], "Old", "read")
    tokens.revoke_token(people["board_member"], token.pk)
    assert api(key).get("/api/v1/me/").status_code == 401

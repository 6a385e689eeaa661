"""Sign-in throttling (django-axes) per account and per address, the API's throttles, and the
password rules everywhere a password is set, with the change and reset pages (issue 17)."""

import re

import pytest
from click.testing import CliRunner
from django.core import mail
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from conftest import PASSWORD
from lsip.accounts.models import User

SIGN_IN = "/accounts/sign-in/"


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_locked_after_five_wrong_passwords(client, people, settings):
    editor = people["erb_editor"].username
    answers = [
        sign_in(client, editor, f"wrong-{n}", address=f"10.0.1.{n}").status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert answers == [200, 200, 200, 200, 429]  # the form again, then the pause
    # the right password from yet another address is refused while the account is locked
    locked = sign_in(client, editor.upper(), PASSWORD, address="10.0.2.1")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Signing in is paused for 15 minutes" in page
    assert "Try again in 15 minutes" in page
    assert locked["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    # another account is not affected
    other = sign_in(client, people["board_member"].username, PASSWORD, address="10.0.2.1")
    assert other.status_code == 302


def test_an_address_is_locked_after_five_wrong_passwords_over_many_accounts(client, people):
    answers = [sign_in(client, f"guess{n}@example.org", "wrong").status_code for n in range(5)]
    assert answers == [200, 200, 200, 200, 429]
    assert sign_in(client, people["board_member"].username, PASSWORD).status_code == 429
    elsewhere = sign_in(client, people["board_member"].username, PASSWORD, address="10.9.9.9")
    assert elsewhere.status_code == 302


def test_a_right_password_clears_the_count(client, people):
    editor = people["erb_editor"].username
    for _ in range(4):
        sign_in(client, editor, "wrong", address="10.0.3.1")
    assert sign_in(client, editor, PASSWORD, address="10.0.3.1").status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, editor, "wrong", address="10.0.3.1")
    assert sign_in(client, editor, PASSWORD, address="10.0.3.1").status_code == 302


def test_the_admin_signs_in_on_the_same_locked_page(client, people):
    answer = client.get("/admin/login/")
    assert answer.status_code == 302
    assert answer.url.startswith(reverse("accounts:login"))


# The API: wrong tokens per address, and the request rates.


def test_wrong_api_tokens_are_throttled_then_even_the_right_one_waits(people):
    token = Token.objects.create(user=people["board_member"])
    api = APIClient(REMOTE_ADDR="10.0.4.1")
    for n in range(10):
        api.credentials(HTTP_AUTHORIZATION=f"Token wrong{n:036d}")
        assert api.get("/api/v1/areas/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    refused = api.get("/api/v1/areas/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "wrong API tokens" in refused.json()["detail"]
    elsewhere = APIClient(REMOTE_ADDR="10.0.4.2")
    elsewhere.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert elsewhere.get("/api/v1/areas/").status_code == 200


def test_an_anonymous_caller_past_the_rate_waits(db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/minute", raising=False)
    api = APIClient(REMOTE_ADDR="10.0.5.1")
    answers = [api.get("/api/v1/areas/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]


def test_without_a_token_the_api_still_asks_for_one(db):
    """The guard comes first among the authentication classes: a 401 still names Token."""
    answer = APIClient().post("/api/v1/areas/", {})
    assert answer.status_code == 401
    assert answer["WWW-Authenticate"] == "Token"


# Password rules.


def createuser(*args):
    from lsip.cli.accounts import createuser as command

    return CliRunner().invoke(command, list(args))


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("a", "too short"),
        ("password123", "too common"),
        ("3141592653589", "entirely numeric"),
        ("new.person@example", "too similar"),
    ],
)
def test_the_cli_refuses_a_weak_password(db, password, reason):
    result = createuser("new.person@example.org", "--password", password)
    assert result.exit_code == 1
    assert reason in result.output
    assert not User.objects.filter(username="new.person@example.org").exists()


def test_the_cli_accepts_a_good_password(db):
    result = createuser("new.person@example.org", "--password", "lantern-otter-meadow")
    assert result.exit_code == 0, result.output
    assert User.objects.get(username="new.person@example.org").check_password(
        "lantern-otter-meadow"
    )


def test_a_person_changes_their_password(client, people):
    editor = people["erb_editor"]
    client.force_login(editor)
    page = reverse("accounts:password-change")
    assert 'href="/accounts/password/"' in client.get(reverse("accounts:profile")).content.decode()
    weak = client.post(
        page, {"old_password": PASSWORD, "new_password1": "abc", "new_password2": "abc"}
    )
    assert weak.status_code == 200
    assert "This password is too short" in weak.content.decode()
    assert "govuk-error-summary" in weak.content.decode()
    done = client.post(
        page,
        {
            "old_password": PASSWORD,
            "new_password1": "lantern-otter-meadow",
            "new_password2": "lantern-otter-meadow",
        },
    )
    assert done.url == reverse("accounts:password-change-done")
    editor.refresh_from_db()
    assert editor.check_password("lantern-otter-meadow")


def test_a_forgotten_password_is_reset_by_email_and_lifts_a_lockout(client, people):
    member = people["board_member"]
    member.email = member.username  # as services.create_user sets it
    member.save()
    for _ in range(5):
        sign_in(client, member.username, "wrong")
    assert sign_in(client, member.username, PASSWORD, address="10.0.6.1").status_code == 429
    assert "Forgotten your password?" in client.get(SIGN_IN).content.decode()
    sent = client.post(reverse("accounts:password-reset"), {"email": member.email.upper()})
    assert sent.url == reverse("accounts:password-reset-sent")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form.content.decode()
    weak = client.post(form.redirect_chain[-1][0], {"new_password1": "1", "new_password2": "1"})
    assert "This password is too short" in weak.content.decode()
    saved = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "lantern-otter-meadow", "new_password2": "lantern-otter-meadow"},
    )
    assert saved.url == reverse("accounts:password-reset-complete")
    assert sign_in(client, member.username, "lantern-otter-meadow").status_code == 302
    # the link works once
    assert "no longer works" in client.get(link.group(1), follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, db):
    empty = client.post(reverse("accounts:password-reset"), {"email": ""})
    assert "Enter email address" in empty.content.decode()
    sent = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert sent.url == reverse("accounts:password-reset-sent")
    assert mail.outbox == []

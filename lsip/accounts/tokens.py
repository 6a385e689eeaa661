"""Personal API tokens: a person creates, names, scopes (read or write) and revokes their
own on their account page; a program sends one as `Authorization: Token lsip_…`.

A token acts as its owner: every endpoint's role check (`access.can`) applies unchanged, so a
token never reaches beyond its owner's areas and roles. A read token is refused (403) on any
request that would change something. Only the SHA-256 digest of a key is stored.
"""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from lsip.accounts.models import PersonalToken

PREFIX = "lsip_"
KEYWORDS = (b"token", b"bearer")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(user, name: str, scope: str) -> tuple[PersonalToken, str]:
    """A new token of `user`; returns it and its key, which is shown once and never again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Enter a name for the token"})
    if scope not in PersonalToken.Scope.values:
        raise ValidationError({"scope": "Choose read only or read and write"})
    key = PREFIX + secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            token = PersonalToken.objects.create(
                user=user, name=name[:100], scope=scope, digest=digest(key), prefix=key[:9]
            )
    except IntegrityError:
        raise ValidationError({"name": f"You already have a token named {name!r}"}) from None
    return token, key


def revoke_token(user, token_id) -> PersonalToken:
    """Revoke one of `user`'s own tokens (another person's is not found)."""
    token = PersonalToken.objects.get(pk=token_id, user=user, revoked_on__isnull=True)
    token.revoked_on = timezone.now()
    token.save(update_fields=["revoked_on", "modified_on"])
    return token


def live_tokens(user):
    return PersonalToken.objects.filter(user=user, revoked_on__isnull=True)


class PersonalTokenAuthentication(BaseAuthentication):
    """`Authorization: Token lsip_…` (or `Bearer lsip_…`). Other tokens are left to the
    next authentication class."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if len(parts) != 2 or parts[0].lower() not in KEYWORDS:
            return None
        try:
            key = parts[1].decode()
        except UnicodeError:
            return None
        if not key.startswith(PREFIX):
            return None
        token = (
            PersonalToken.objects.select_related("user")
            .filter(digest=digest(key), revoked_on__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid or revoked token")
        if request.method not in SAFE_METHODS and not token.may_write:
            raise exceptions.PermissionDenied("This token may only read: create a write token")
        now = timezone.now()
        if token.last_used_on is None or (now - token.last_used_on).total_seconds() > 60:
            PersonalToken.objects.filter(pk=token.pk).update(last_used_on=now)
        return token.user, token

    def authenticate_header(self, request):
        return "Token"


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    """Personal tokens travel in the header DRF's tokens use (`Authorization: Token …`),
    which the schema already describes as `tokenAuth`: nothing more to add."""

    target_class = PersonalTokenAuthentication
    name = []

    def get_security_definition(self, auto_schema):
        return []

    def get_security_requirement(self, auto_schema):
        return None

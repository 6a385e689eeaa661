"""Accounts and the roles they hold. Pages, CLI and tests call these."""

import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.audit.context import acting_as, save_as


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(
    *,
    email: str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    superuser: bool = False,
) -> User:
    """Create a person who signs in with their email address.

    Refuses an address already taken, rather than changing someone else's account, and a
    password that fails AUTH_PASSWORD_VALIDATORS (too short, common, all digits, like the
    address). Without a password, a random one is set (the person resets it by email).
    """
    email = email.strip().lower()
    validate_email(email)
    if User.objects.filter(username=email).exists():
        raise ValidationError({"email": f"An account for {email} already exists"})
    user = User(
        username=email,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_superuser=superuser,
        is_staff=superuser,
    )
    if password:
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from None
    user.set_password(password or generate_password())
    user.full_clean()
    user.save()
    return user


def grant_role(
    *, user: User, role: Role | str, actor, area=None, organisation=None
) -> RoleAssignment:
    """Give `user` a role in `area` (none for Skills England), validated by the role rules."""
    assignment = RoleAssignment(user=user, area=area, role=Role(role), organisation=organisation)
    return save_as(actor, assignment)


def revoke_role(*, assignment: RoleAssignment, actor) -> None:
    with transaction.atomic(), acting_as(actor):
        assignment.delete()

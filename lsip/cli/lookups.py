"""The `--area SLUG` and `--as EMAIL` options of the batch commands, looked up one way."""

import click


def area_named(slug: str | None, *, required: bool = True):
    """The area with this slug; None when no slug was given and none is required."""
    from lsip.areas.models import Area

    if not slug and not required:
        return None
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        raise click.ClickException(f"--area {slug}: no such area")
    return area


def person(email: str | None):
    """The person recorded as acting (`--as`); None for the system."""
    if not email:
        return None
    from lsip.accounts.models import User

    actor = User.objects.filter(username=email).first()
    if actor is None:
        raise click.ClickException(f"--as {email}: no such person")
    return actor

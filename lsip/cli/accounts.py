import click

from lsip.accounts.roles import Role


@click.command()
@click.argument("email")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="The first password (asked for when not given).",
)
@click.option("--superuser", is_flag=True, help="May do everything in every area.")
@click.option("--area", "area_slug", help="Area slug for the role, for example the-marches.")
@click.option("--role", type=click.Choice([r.value for r in Role]), help="Role to give.")
@click.option("--organisation", help="For a partner contributor: the organisation's name.")
def createuser(email, password, superuser, area_slug, role, organisation):
    """Create a person who signs in with EMAIL, optionally with a role in an area.

    The password must pass the password rules (at least LSIP_PASSWORD_MIN_LENGTH characters,
    not a common password, not all digits, not like the email address)."""
    from django.core.exceptions import ValidationError

    try:
        _create(email, password, superuser, area_slug, role, organisation)
    except ValidationError as error:
        raise click.ClickException(_explain(error)) from None


def _explain(error) -> str:
    """A refusal as one line: each field named with its reasons."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return "; ".join(
        " ".join(messages) if field == "__all__" else f"{field}: {' '.join(messages)}"
        for field, messages in error.message_dict.items()
    )


def _create(email, password, superuser, area_slug, role, organisation):
    from django.db import transaction

    from lsip.accounts import services
    from lsip.areas.models import Area
    from lsip.organisations.models import Organisation

    with transaction.atomic():
        user = services.create_user(email=email, password=password, superuser=superuser)
        if role:
            area = None
            if area_slug:
                area = Area.objects.filter(slug=area_slug).first()
                if area is None:
                    raise click.ClickException(f"--area {area_slug}: no such area")
            org = None
            if organisation:
                org = Organisation.objects.filter(area=area, name=organisation).first()
                if org is None:
                    raise click.ClickException(f"--organisation {organisation}: not in that area")
            services.grant_role(user=user, role=role, area=area, organisation=org, actor=None)
    click.echo(f"created {user.username}" + (f" ({Role(role).label})" if role else ""))


COMMANDS = [createuser]

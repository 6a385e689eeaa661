import click


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args):
    """Run a Django management command, for example `lsip manage migrate`."""
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lsip manage", *args])


COMMANDS = [manage]

"""`lsip backup` and `lsip restore`: every table and the uploaded files, in one ZIP file, for
SQLite and PostgreSQL alike (lsip.core.backup)."""

from pathlib import Path

import click


@click.command()
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The backup file to write (a ZIP file; replaced if it exists).",
)
@click.option("--quiet", is_flag=True, help="Print only the summary.")
def backup(output, quiet):
    """Back up every table and the uploaded files to one file, while the site runs."""
    from lsip.core.backup import backup as make_backup

    summary = make_backup(output, progress=None if quiet else lambda line: click.echo(line))
    click.echo(
        f"Backed up {summary.tables} tables ({summary.rows:,} rows) and {summary.files:,} files "
        f"to {output}"
    )


@click.command()
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a database that already holds accounts (everything in it is lost).",
)
@click.option("--quiet", is_flag=True, help="Print only the summary.")
def restore(backup_file, replace, quiet):
    """Restore a backup into this database (DATABASE_URL) and data folder, all or nothing.

    The database is migrated first; it must reach the same migrations as the backup. A
    database that already holds accounts is refused unless --replace is given."""
    from django.core.management import call_command

    from lsip.core.backup import BackupError, holds_people, read_manifest
    from lsip.core.backup import restore as do_restore

    try:
        manifest = read_manifest(backup_file)
        if holds_people() and not replace:
            raise click.ClickException(
                "this database already holds accounts: restore into an empty database, or "
                "give --replace to replace everything in it"
            )
        call_command("migrate", verbosity=0, interactive=False)
        summary = do_restore(backup_file, progress=None if quiet else click.echo)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Restored {summary.tables} tables ({summary.rows:,} rows) and {summary.files:,} files "
        f"from {backup_file} (made {manifest['created']} from {manifest['database']})"
    )


COMMANDS = [backup, restore]

from pathlib import Path

import click


@click.group()
def refdata():
    """Install and list the ONS reference data (SOC 2020, SIC 2007, geography)."""


def require_migrated():
    """Stop with the step to take when the database lacks lsip's tables (not migrated yet)."""
    from django.db import connection

    missing = set(connection.introspection.django_table_names(only_existing=False)) - set(
        connection.introspection.table_names()
    )
    if missing:
        raise click.ClickException(
            f"{len(missing)} of lsip's tables are missing from the database: "
            "run `lsip manage migrate` first"
        )


@refdata.command()
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path),
    default=None,
    help="Install from this folder of copies instead of downloading (default: $LSIP_REFDATA_FROM).",
)
@click.option("--only", multiple=True, help="Install only this file (by key; repeatable).")
def install(source, only):
    """Download (or copy) each file, check its SHA-256 and install it; all or nothing."""
    from django.conf import settings

    from lsip.refdata.catalogue import CATALOGUE
    from lsip.refdata.install import install as install_files

    require_migrated()
    if source is None and settings.REFDATA_FROM:
        source = Path(settings.REFDATA_FROM)
    total = len(only) if only else len(CATALOGUE)
    with click.progressbar(
        length=total,
        label="Checking reference files",
        item_show_func=lambda e: e.filename if e else "",
    ) as bar:

        def advance(entry):
            bar.current_item = entry
            bar.update(1)

        records = install_files(source_dir=source, keys=list(only) or None, progress=advance)
    for record in records:
        click.echo(f"installed {record.filename} ({record.edition}) sha256 {record.sha256[:12]}…")


@refdata.command()
def status():
    """List the installed reference files with edition, checksum and date."""
    require_migrated()
    from lsip.refdata.catalogue import CATALOGUE
    from lsip.refdata.models import InstalledFile

    installed = {f.key: f for f in InstalledFile.objects.all()}
    for entry in CATALOGUE:
        record = installed.get(entry.key)
        if record:
            click.echo(
                f"{entry.key:32} {record.edition:24} {record.installed_on:%Y-%m-%d %H:%M}  "
                f"{record.sha256[:12]}…"
            )
        else:
            click.echo(f"{entry.key:32} not installed")


COMMANDS = [refdata]

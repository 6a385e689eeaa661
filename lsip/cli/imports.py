"""`lsip import engagements`: a survey or interview spreadsheet into the engagement record."""

import json
from pathlib import Path

import click

from lsip.cli import lookups
from lsip.cli.progress import StageBars


@click.group(name="import")
def import_():
    """Import spreadsheets into an area's records."""


@import_.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--area", "area_slug", required=True, help="The area's slug, e.g. the-marches.")
@click.option(
    "--mapping",
    "mapping_file",
    type=click.Path(path_type=Path),
    required=True,
    help='JSON: {"columns": {field: column}, "defaults": {"type": ..., "need_type": ...}}.',
)
@click.option("--header-row", type=int, help="The row holding the column names (default: found).")
@click.option(
    "--accept-matches",
    is_flag=True,
    help="Treat every doubtful match (similar name, same place) as the same employer.",
)
@click.option("--dry-run", is_flag=True, help="Print the report and change nothing.")
@click.option("--as", "actor_email", help="The person recorded as importing (an email).")
def engagements(file, area_slug, mapping_file, header_row, accept_matches, dry_run, actor_email):
    """Import the engagements in FILE (CSV or XLSX) into an area's engagement record (SG 5.1).

    Every row is checked first; with any error the report names each row, field and reason,
    nothing is imported and the exit status is 1. Rows imported before are skipped."""
    from lsip.core.spreadsheets import SpreadsheetError
    from lsip.engagement.imports.apply import (
        MappingError,
        RejectedImportError,
        apply_import,
        plan_import,
    )

    area, actor = lookups.area_named(area_slug), lookups.person(actor_email)
    mapping = _read_mapping(mapping_file)
    if header_row:
        mapping = {**mapping, "header_row": header_row}
    try:
        report = plan_import(area=area, path=file, mapping=mapping)
        if report.doubtful:
            pairs = [d.pair for d in report.doubtful] if accept_matches else []
            report = plan_import(area=area, path=file, mapping=mapping, accept=pairs)
    except (SpreadsheetError, MappingError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(report.text())
    if report.doubtful:
        click.echo(
            "doubtful matches accepted as the same employer (--accept-matches)"
            if accept_matches
            else "doubtful matches treated as new employers (use --accept-matches to merge them)"
        )
    if report.errors:
        count = len(report.rejected_rows)
        click.echo(f"{count} row{'s' * (count != 1)} with errors: nothing was imported", err=True)
        raise SystemExit(1)
    if dry_run:
        click.echo("dry run: nothing was imported")
        return
    bars = StageBars()
    try:
        batch = apply_import(
            area=area, path=file, mapping=mapping, actor=actor, report=report, progress=bars
        )
    except RejectedImportError as error:
        bars.close()
        click.echo(error.report.text(), err=True)
        raise SystemExit(1) from None
    bars.close()
    click.echo(
        f"imported {batch.engagements_created} engagements, {batch.needs_created} skills needs, "
        f"{batch.organisations_created} new employers from {batch.filename}"
    )


def _read_mapping(path):
    try:
        mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise click.ClickException(f"--mapping {path}: not readable JSON ({error})") from None
    return mapping


COMMANDS = [import_]

"""`lsip export monitoring --area SLUG --period P -o FILE`: the monitoring return for Skills
England (progress, metrics and engagement counts for a period) as CSV, XLSX or JSON by the
file's suffix, the same file as the delivery pages' download (lsip.delivery.monitoring)."""

from pathlib import Path

import click

from lsip.cli import lookups


@click.command(name="monitoring")
@click.option("--area", "slug", required=True, help="The area's slug, e.g. the-marches.")
@click.option(
    "--period", required=True, help="A quarter (2026-Q3), a year (2026) or a round's name."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The file to write: .csv, .xlsx or .json.",
)
def monitoring(slug, period, output):
    """Write the area's monitoring return for a period (Excel-safe CSV and XLSX)."""
    from lsip.core.exports import FORMATS, write_export
    from lsip.delivery import access
    from lsip.delivery import monitoring as rules

    if output.suffix.lstrip(".").lower() not in FORMATS:
        raise click.ClickException(f"{output.name}: write a .csv, .xlsx or .json file")
    area = lookups.area_named(slug)
    plan = access.current_plan(area)
    if plan is None:
        raise click.ClickException(f"--area {slug}: the area has no plan")
    try:
        chosen = rules.parse_period(period, plan)
    except rules.PeriodError as error:
        raise click.ClickException(f"--period {error}") from None
    count = write_export(rules.COLUMNS, rules.monitoring_rows(plan, chosen), output)
    click.echo(f"Wrote {count} rows for {area.name}, {chosen.name}, to {output}")


def _export_group():
    """The `lsip export` group (shared with `lsip export area` when that is installed)."""
    try:
        from lsip.cli.interchange import export
    except ImportError:
        export = click.Group(name="export", help="Write an area's records to a file.")
    export.add_command(monitoring)
    return export


COMMANDS = [_export_group()]

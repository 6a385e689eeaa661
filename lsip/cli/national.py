"""`lsip national code [--area SLUG]... [--dask ADDRESS]` and `lsip national aggregate
[--dask ADDRESS] [--output DIR]`: the national batch of issue 15, every area's skills needs
coded to SOC 2020 at once, and every area's national figures worked out and combined
(lsip.national.batch)."""

import time
from pathlib import Path

import click

from lsip.cli import lookups


@click.group(name="national")
def national():
    """Work across all 39 areas (Skills England)."""


@national.command(name="code")
@click.option("--area", "slugs", multiple=True, help="Only this area (may be repeated).")
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Send the batches to the Dask scheduler at this address; else one process.",
)
def code(slugs, dask_address):
    """Code every area's skills needs that no person confirmed to SOC 2020, each area with
    its learned mappings, and print how many changed in each area."""
    from lsip.national.batch import code_all_areas

    areas = [lookups.area_named(slug) for slug in slugs] or None
    where = f"on the Dask cluster at {dask_address}" if dask_address else "in this process"
    click.echo(f"Coding skills needs {where}...", err=True)
    summary = code_all_areas(areas=areas, dask_address=dask_address)
    for slug, counts in summary.items():
        if sum(counts.values()):
            statuses = ", ".join(f"{n:,} {s}" for s, n in sorted(counts.items()) if s != "changed")
            click.echo(f"{slug}: {statuses}; {counts['changed']:,} changed")


@national.command(name="aggregate")
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Work out one area on each task of the Dask scheduler at this address; else one process.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every national table to this folder (lsip-england-TABLE.csv or .xlsx).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx"]),
    default="csv",
    show_default=True,
    help="The tables' format with --output.",
)
def aggregate(dask_address, output, fmt):
    """Work out every area's part of the national figures afresh (measures, lifecycle step,
    readiness, delivery RAG, codes, postings), keep each for the national view and combine
    them into the national tables; print each table's rows, and write them with --output."""
    from lsip.cli.progress import StageBars
    from lsip.core.exports import write_export
    from lsip.national.batch import aggregate_all_areas
    from lsip.national.tables import TABLES

    where = f"on the Dask cluster at {dask_address}" if dask_address else "in this process"
    bars = StageBars()
    start = time.perf_counter()
    try:
        national = aggregate_all_areas(
            dask_address=dask_address,
            progress=lambda done, total: bars(done, total, f"Areas worked out {where}"),
        )
    finally:
        bars.close()
    click.echo(f"{len(national.parts)} areas worked out in {time.perf_counter() - start:.1f} s")
    if output:
        output.mkdir(parents=True, exist_ok=True)
    for key, table in TABLES.items():
        rows = table.rows(national)
        line = f"{key}: {len(rows):,} rows"
        if output:
            path = output / f"lsip-england-{key}.{fmt}"
            write_export(table.columns, rows, path)
            line += f" -> {path}"
        click.echo(line)


COMMANDS = [national]

"""`lsip national code [--area SLUG]... [--dask ADDRESS]`: the national batch of issue 15,
every area's skills needs coded to SOC 2020 at once (lsip.national.batch)."""

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


COMMANDS = [national]

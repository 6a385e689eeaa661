"""`lsip data import-postings`: a file of job adverts, coded to SOC 2020 and counted."""

from pathlib import Path

import click

from lsip.cli import lookups
from lsip.cli.progress import StageBars


@click.command(name="import-postings")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--area", "area_slug", help="The area that licensed the file (its slug).")
@click.option("--as", "actor_email", help="The person recorded as importing (an email).")
@click.option(
    "--workers", type=int, default=None, help="Processes coding titles (default: every core)."
)
@click.option("--source", default="", help="Where the file came from (default: its name).")
@click.option("--publisher", default="", help="Who published the adverts (default: the file's).")
@click.option(
    "--licence", default="As licensed to the ERB", show_default=True, help="The file's licence."
)
def import_postings(file, area_slug, actor_email, workers, source, publisher, licence):
    """Import FILE of job adverts (CSV, Parquet or XLSX; one advert a row with title, location
    and date, optionally employer, sic and salary), code each title to SOC 2020 and store the
    counts by SOC unit group, SIC division, district and month.

    Any row without a title or a readable date rejects the file: every such row is listed,
    nothing is stored and the exit status is 1. Adverts outside England's districts are
    counted as skipped."""
    from lsip.classification.coder.store import CoderFilesMissingError
    from lsip.economy.postings import import_postings as run
    from lsip.economy.readers.base import ReadError

    area = lookups.area_named(area_slug, required=False)
    actor = lookups.person(actor_email)
    bars = StageBars()
    try:
        dataset = run(
            file,
            actor=actor,
            area=area,
            source=source,
            publisher=publisher,
            licence=licence,
            workers=workers,
            progress=bars,
        )
    except ReadError as error:
        bars.close()
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{file}: nothing was imported", err=True)
        raise SystemExit(1) from None
    except CoderFilesMissingError as error:
        bars.close()
        raise click.ClickException(str(error)) from None
    bars.close()
    skipped = sum(dataset.skipped.values())
    click.echo(
        f"imported {dataset.rows} figures from {dataset.filename} "
        f"({', '.join(dataset.periods[:1] + dataset.periods[-1:])}) as '{dataset}'"
    )
    for reason, count in dataset.skipped.items():
        click.echo(f"  skipped: {reason}: {count} adverts")
    if not skipped:
        click.echo("  every advert was in an English district")


COMMAND = import_postings

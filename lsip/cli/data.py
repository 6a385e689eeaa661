"""`lsip data ...`: labour-market files (Nomis, ONS, job postings) into the long table."""

from pathlib import Path

import click

from lsip.cli import lookups, postings


@click.group()
def data():
    """Import labour-market data and list what is imported."""


@data.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", default="", help="Where the file came from (a URL), for provenance.")
@click.option("--as", "actor_email", help="The person recorded as importing (an email).")
def import_(files, source, actor_email):
    """Import Nomis exports (APS T01, T09a, T13a, T19; UK Business Counts) or the ONS online
    job adverts reference tables. Each file is checked whole: with any problem, every one is
    listed, nothing of that file is imported and the exit status is 1."""
    from lsip.economy.imports import import_dataset
    from lsip.economy.readers import ReadError

    actor = lookups.person(actor_email)
    failed = 0
    for path in files:
        with click.progressbar(length=1, label=f"{path.name}", show_pos=True) as bar:

            def progress(done, total, bar=bar):
                bar.length = total
                bar.update(done - bar.pos)

            try:
                dataset = import_dataset(path, actor=actor, source=source, progress=progress)
            except ReadError as error:
                failed += 1
                bar.render_finish()
                click.echo(f"{path.name}: not imported; nothing was changed:", err=True)
                for problem in error.problems[:50]:
                    click.echo(f"  {problem}", err=True)
                if len(error.problems) > 50:
                    click.echo(f"  ... and {len(error.problems) - 50} more", err=True)
                continue
        skipped = "; ".join(f"{why}: {n:,} rows" for why, n in dataset.skipped.items())
        click.echo(
            f"{path.name}: {dataset.rows:,} figures of '{dataset.title}', "
            f"{', '.join(dataset.periods)}; {dataset.edition}"
            + (f". Left out on purpose: {skipped}" if skipped else "")
        )
    if failed:
        raise SystemExit(1)


@data.command(name="list")
def list_():
    """The imported datasets, newest edition first, with their provenance."""
    from lsip.economy.models import Dataset

    for dataset in Dataset.objects.select_related("imported_by"):
        who = dataset.imported_by.username if dataset.imported_by else "lsip"
        click.echo(
            f"{dataset.family}\t{dataset.edition}\t{dataset.periods[0]} to "
            f"{dataset.periods[-1]}\t{dataset.rows:,} figures\t"
            f"imported {dataset.created_on:%Y-%m-%d} by {who}"
        )


data.add_command(postings.COMMAND)
COMMANDS = [data]

from pathlib import Path

import click


@click.group()
def code():
    """Code job titles to SOC 2020 or business descriptions to SIC 2007, from a file."""


def _options(function):
    for option in reversed(
        [
            click.argument("file", type=click.Path(path_type=Path)),
            click.option("--column", required=True, help="The column holding the text to code."),
            click.option(
                "-o",
                "--output",
                type=click.Path(path_type=Path),
                required=True,
                help="Where to write the coded rows (.csv or .xlsx).",
            ),
            click.option(
                "--workers", type=int, default=None, help="Processes to use (default: every core)."
            ),
            click.option(
                "--dask",
                "dask_address",
                default=None,
                help="Send the batches to the Dask scheduler at this address instead.",
            ),
        ]
    ):
        function = option(function)
    return function


@code.command()
@_options
@click.option("--description-column", help="A column describing the job, used as context.")
@click.option("--industry-column", help="A column naming the employer's industry, as context.")
@click.option(
    "--area",
    "area_slug",
    help="Use this area's learned mappings (titles a person confirmed before).",
)
def soc(
    file, column, output, workers, dask_address, description_column, industry_column, area_slug
):
    """Code the job titles in FILE's COLUMN to SOC 2020 and write them with their codes."""
    learned = None
    if area_slug:
        from lsip.classification.services import learned_mappings

        learned = learned_mappings(area_slug)
    _run(
        "soc",
        file,
        column,
        output,
        workers,
        dask_address,
        description_column=description_column,
        industry_column=industry_column,
        learned=learned,
    )


@code.command()
@_options
def sic(file, column, output, workers, dask_address):
    """Code the business descriptions in FILE's COLUMN to SIC 2007 and write them."""
    _run("sic", file, column, output, workers, dask_address)


def _run(kind, file, column, output, workers, dask_address, **options):
    from lsip.classification.coder.store import CoderFilesMissingError
    from lsip.classification.files import code_spreadsheet
    from lsip.cli.progress import StageBars
    from lsip.core.spreadsheets import SpreadsheetError

    bars = StageBars()
    try:
        statuses = code_spreadsheet(
            kind,
            file,
            column,
            output,
            workers=workers,
            dask_address=dask_address,
            progress=bars,
            **options,
        )
    except (SpreadsheetError, CoderFilesMissingError) as error:
        raise click.ClickException(str(error)) from None
    finally:
        bars.close()
    total = sum(statuses.values())
    click.echo(f"wrote {total} rows to {output}")
    for status, count in statuses.most_common():
        click.echo(f"  {status:34} {count:8} ({count / max(total, 1):.0%})")


COMMANDS = [code]

"""`lsip export area SLUG -o FILE.json` and `lsip import area FILE.json`: one LSIP's whole
cycle as one JSON document (lsip.interchange; docs/interchange.md)."""

from pathlib import Path

import click

from lsip.cli import lookups
from lsip.cli.imports import import_


@click.group(name="export")
def export():
    """Write an area's records to a file."""


@export.command(name="area")
@click.argument("slug")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="The JSON file."
)
@click.option(
    "--with-personal-data",
    is_flag=True,
    help="Include contacts and people's details (an ERB admin of the area, named by --as).",
)
@click.option("--as", "actor_email", help="Who exports (an email); needed for personal data.")
def export_area(slug, output, with_personal_data, actor_email):
    """The area's whole cycle (plan, evidence, governance, delivery, the provenance of every
    figure) as one JSON document that validates against the published JSON Schema. Personal
    data is left out unless --with-personal-data is given by one of the area's ERB admins."""
    from lsip.accounts.access import can
    from lsip.accounts.roles import Capability
    from lsip.interchange.document import dumps, export_area

    area = lookups.area_named(slug)
    if with_personal_data:
        actor = lookups.person(actor_email)
        if actor is None or not can(actor, area, Capability.MANAGE_AREA):
            raise click.ClickException(
                "--with-personal-data: only an ERB admin of the area may export personal data"
                " (name them with --as EMAIL)"
            )
    document = export_area(area, personal_data=with_personal_data)
    output.write_text(dumps(document), encoding="utf-8")
    rows = sum(len(r) for r in document["records"].values())
    click.echo(f"{area.name}: {rows:,} records written to {output}")


@export.command(name="schema")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The file (default: print).")
def export_schema(output):
    """The JSON Schema area documents validate against (kept in docs/interchange/ and served
    at /interchange/schema/area-v1.json)."""
    import json

    from lsip.interchange.schema import area_schema

    text = json.dumps(area_schema(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@import_.command(name="area")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--as", "actor_email", help="The person recorded as importing (an email).")
def import_area(file, actor_email):
    """Load an area document written by `lsip export area` into a database that holds none
    of that area's records yet. A bad or partial file is refused whole, naming the path of
    its first error."""
    from lsip.interchange.document import DocumentError, import_area, load

    actor = lookups.person(actor_email)
    try:
        counts = import_area(load(file.read_bytes()), actor=actor)
    except DocumentError as error:
        raise click.ClickException(
            f"{file.name}: not imported, nothing was changed: {error}"
        ) from None
    click.echo(f"{file.name}: {sum(counts.values()):,} records imported")


COMMANDS = [export]

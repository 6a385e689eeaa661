import os
from pathlib import Path

import click


@click.command()
@click.option("--port", default=8000, show_default=True, help="Port to serve the demo on.")
@click.option("--no-serve", is_flag=True, help="Set up the demo database and stop.")
@click.option("--no-worker", is_flag=True, help="Serve without a background worker.")
@click.option(
    "--data",
    "data_folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder holding labour_market/ and job_postings/ (default: LSIP_REFDATA_FROM).",
)
def demo(port, no_serve, no_worker, data_folder):
    """Migrate, load The Marches demo, print the demo sign-ins and serve the site."""
    from django.conf import settings
    from django.core.management import call_command

    from lsip.demo import marches, marches_economy
    from lsip.refdata.models import InstalledFile

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
    if not InstalledFile.objects.filter(key="lsip-lookup").exists():
        click.echo(
            "Reference data is not installed yet: GSS codes will be missing. "
            "Run `lsip refdata install` (or with --from FOLDER).",
            err=True,
        )
    if data_folder is None and os.environ.get("LSIP_REFDATA_FROM"):
        data_folder = Path(os.environ["LSIP_REFDATA_FROM"])
    # The labour-market data first: the demo publishes its plan, and the published document
    # keeps the key figures, the district map and the charts as they stand when it is made.
    click.echo("Labour-market data for the area profile:")
    marches_economy.load(data_folder, echo=click.echo)
    area = marches.load()
    click.echo(f"The Marches demo is ready: http://127.0.0.1:{port}{area.get_absolute_url()}")
    click.echo(f"Demo sign-ins (password {marches.DEMO_PASSWORD}):")
    for email, role, _ in marches.USERS:
        click.echo(f"  {email:36} {role.label}")
    if not no_serve:
        from lsip.cli.serve import serve_site

        serve_site("127.0.0.1", port, with_worker=not no_worker)


COMMANDS = [demo]

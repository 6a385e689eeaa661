import signal
import sys

import click


def serve_site(host: str, port: int, with_worker: bool = True) -> None:
    """Serve lsip with waitress (a production WSGI server) until interrupted, with the static
    files collected where WhiteNoise serves them from, and a worker for the background jobs
    beside it unless `with_worker` is false (when workers run elsewhere)."""
    from django.core.management import call_command
    from waitress import serve

    from lsip.cli.worker import start_worker_process, stop_worker_process

    call_command("collectstatic", "--noinput", verbosity=0)
    from lsip.config.wsgi import application

    use_own_address(host, port)

    # Stopped by a process manager (SIGTERM) as by Ctrl+C, so that its worker is stopped too.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    worker = start_worker_process() if with_worker else None
    click.echo(f"lsip is running on http://{host}:{port}/ (press Ctrl+C to stop)")
    try:
        serve(application, host=host, port=port, threads=8, _quiet=True)
    finally:
        if worker is not None:
            stop_worker_process(worker)


def use_own_address(host: str, port: int) -> None:
    """Links in emails (reminders, password resets) point at this server, unless LSIP_BASE_URL
    names the site's public address; the worker started next inherits it."""
    import os

    from django.conf import settings

    if "LSIP_BASE_URL" not in os.environ:
        os.environ["LSIP_BASE_URL"] = settings.LSIP_BASE_URL = f"http://{host}:{port}"


@click.command()
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--no-worker", is_flag=True, help="Start no background worker (run `lsip worker` elsewhere)."
)
def serve(port, host, no_worker):
    """Serve the site (the database must be migrated: `lsip manage migrate`)."""
    from django.core.management import call_command

    try:
        call_command("migrate", "--check", verbosity=0)
    except SystemExit:
        raise click.ClickException(
            "the database has migrations not applied yet: run `lsip manage migrate` first"
        ) from None
    serve_site(host, port, with_worker=not no_worker)


COMMANDS = [serve]

import click


def serve_site(host: str, port: int) -> None:
    """Serve lsip with waitress (a production WSGI server) until interrupted, with the static
    files collected where WhiteNoise serves them from."""
    from django.core.management import call_command
    from waitress import serve

    call_command("collectstatic", "--noinput", verbosity=0)
    from lsip.config.wsgi import application

    click.echo(f"lsip is running on http://{host}:{port}/ (press Ctrl+C to stop)")
    serve(application, host=host, port=port, threads=8, _quiet=True)


@click.command()
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
def serve(port, host):
    """Serve the site (the database must be migrated: `lsip manage migrate`)."""
    from django.core.management import call_command

    try:
        call_command("migrate", "--check", verbosity=0)
    except SystemExit:
        raise click.ClickException(
            "the database has migrations not applied yet: run `lsip manage migrate` first"
        ) from None
    serve_site(host, port)


COMMANDS = [serve]

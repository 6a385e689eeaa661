"""The `lsip` command: one front door to every batch job.

Each command sets Django up, calls the same service functions as the pages and the API, and
turns expected failures into one clear line on stderr and a non-zero exit.
"""

import os
import sys

import click
import django

from lsip.cli.errors import friendly_errors


class LsipGroup(click.Group):
    def invoke(self, ctx):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsip.config.settings")
        with friendly_errors():
            django.setup()
            return super().invoke(ctx)


@click.group(cls=LsipGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lsip")
def main():
    """Run a Local Skills Improvement Plan: evidence, analysis, plan, governance and reports."""


def _register():
    from lsip.cli import accounts, code, data, demo, imports, manage, refdata, report, serve, worker

    modules = (accounts, code, data, demo, imports, manage, refdata, report, serve, worker)
    from lsip.cli import readiness

    modules += (readiness,)
    from lsip.cli import interchange

    modules += (interchange,)
    from lsip.cli import monitoring

    modules += (monitoring,)
    from lsip.cli import backup

    modules += (backup,)
    from lsip.cli import national

    modules += (national,)
    for module in modules:
        for command in module.COMMANDS:
            main.add_command(command)


_register()

if __name__ == "__main__":
    sys.exit(main())

"""`lsip report plan|progress`: the LSIP or its annual progress report as PDF, DOCX or HTML."""

from pathlib import Path

import click

from lsip.cli import lookups
from lsip.cli.progress import StageBars


def _plan_of(area, year: int | None):
    """The area's plan: the one whose cycle holds `year`, or the newest."""
    from lsip.plans.models import Plan

    plans = Plan.objects.filter(area=area).select_related("cycle", "area")
    if year is not None:
        plans = plans.filter(cycle__start_year__lte=year, cycle__end_year__gte=year)
    plan = plans.order_by("-cycle__start_year").first()
    if plan is None:
        where = f" with a cycle holding {year}" if year else ""
        raise click.ClickException(f"--area {area.slug}: the area has no plan{where}")
    return plan


def _write(plan, output: Path, report=None):
    from django.core.exceptions import ValidationError

    from lsip.documents import services

    try:
        fmt = services.format_of(output)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    bars = StageBars()
    try:
        stage = f"Building the {fmt.upper()}"
        bars(0, 2, stage)
        doc = services.build_document(plan, report)
        bars(1, 2, stage)
        rendered = services.write_file(doc, fmt, output)
        bars(2, 2, stage)
    except (ValidationError, OSError, ValueError) as error:
        bars.close()
        raise click.ClickException(f"{output}: not written: {error}") from None
    except Exception as error:  # a fault in the renderer: still a clear message, no file
        bars.close()
        raise click.ClickException(
            f"{output}: not written: the build failed ({type(error).__name__}: {error})"
        ) from error
    bars.close()
    pages = f", {rendered.pages} pages" if rendered.pages else ""
    body = (
        f" (main body {rendered.main_body_pages} of {doc.page_limit} expected)"
        if rendered.main_body_pages is not None and doc.kind == "plan"
        else ""
    )
    click.echo(f"Wrote {output}{pages}{body}")
    if doc.kind == "progress" and rendered.pages and rendered.pages > doc.page_limit:
        click.echo(
            f"The progress report runs to {rendered.pages} pages: over its "
            f"{doc.page_limit}-page limit",
            err=True,
        )


@click.group()
def report():
    """The plan and the progress report as documents: the format follows the file's suffix
    (.pdf, .docx or .html)."""


@report.command(name="plan")
@click.option("--area", "area_slug", required=True, help="The area (its slug).")
@click.option(
    "--year", type=int, default=None, help="A year of the plan's cycle (default: newest)."
)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The file.")
def plan_command(area_slug, year, output):
    """Write the area's LSIP in the order of SG Annex A to a PDF, DOCX or HTML file. A failed
    build leaves no file behind."""
    area = lookups.area_named(area_slug)
    _write(_plan_of(area, year), output)


@report.command(name="progress")
@click.option("--area", "area_slug", required=True, help="The area (its slug).")
@click.option("--year", type=int, default=None, help="The year reported on (default: this year).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The file.")
def progress_command(area_slug, year, output):
    """Write the area's annual progress report (Stage 2 guidance 3.3, at most 20 pages) for
    YEAR to a PDF, DOCX or HTML file."""
    from django.utils import timezone

    from lsip.delivery.models import ProgressReport
    from lsip.delivery.report import state_of

    area = lookups.area_named(area_slug)
    year = year or timezone.localdate().year
    plan = _plan_of(area, year)
    found = ProgressReport.objects.filter(plan=plan, year=year).first()
    _write(plan, output, found or ProgressReport(plan=plan, year=year))
    click.echo(f"The {year} report: {state_of(found)}")


COMMANDS = [report]

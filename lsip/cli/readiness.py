"""`lsip readiness`: run the readiness checker (lsip.approval.readiness) against an area's
plan, as the area's readiness page does, and print every check or the JSON report."""

import json

import click

SYMBOLS = {"pass": "PASS", "warning": "WARN", "fail": "FAIL"}


@click.command()
@click.option("--area", "area_slug", required=True, help="The area's slug, e.g. the-marches.")
@click.option(
    "--cycle",
    "start_year",
    type=int,
    default=None,
    help="The cycle's start year (default: the area's current cycle).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (docs/approval.md)")
def readiness(area_slug, start_year, as_json):
    """Check an area's plan against every test the guidance sets for approval.

    Exits 0 when no check fails, 1 when one does (warnings do not count)."""
    from lsip.approval import lifecycle
    from lsip.approval.readiness import check_plan
    from lsip.areas.models import Area, Cycle
    from lsip.plans.models import Plan

    area = Area.objects.filter(slug=area_slug).first()
    if area is None:
        raise click.ClickException(f"no area with the slug “{area_slug}” (see lsip data areas)")
    if start_year is not None:
        cycle = Cycle.objects.filter(area=area, start_year=start_year).first()
        if cycle is None:
            raise click.ClickException(f"{area.name} has no cycle starting in {start_year}")
    else:
        cycle = lifecycle.current_cycle(area)
        if cycle is None:
            raise click.ClickException(f"{area.name} has no cycle yet")
    plan = Plan.objects.filter(cycle=cycle).first()
    if plan is None:
        raise click.ClickException(f"{area.name} has no plan in the {cycle.label} cycle")
    report = check_plan(plan)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(f"{plan.title} ({area.name}, {cycle.label})")
        for c in report.checks:
            click.echo(f"{SYMBOLS[c.result]}  {c.id}: {c.statement}")
            click.echo(f"      {c.found} [{c.section}]")
            if c.result != "pass" and c.fix_url:
                click.echo(f"      Fix: {c.fix_url}")
        counts = report.counts
        click.echo(
            f"Overall: {report.worst} ({counts['pass']} pass, {counts['warning']} warning, "
            f"{counts['fail']} fail)"
        )
    raise SystemExit(1 if report.worst == "fail" else 0)


COMMANDS = [readiness]

"""Benchmark of the national view for Skills England (issue 15) with 39 full areas.

    .venv/bin/python benchmarks/national.py [--employers N] [--needs N] [--quarters N] [--keep DIR]
        [--database-url postgres://postgres@127.0.0.1:5432/lsip_national_bench]

Generates, in a new database (SQLite in a work folder, or the empty PostgreSQL database
named), every one of the 39 areas with a cycle, N employers (default 2,000), engagements and
N skills needs (default 10,000) coded to SOC 2020, and a plan of 5 priorities, 30 actions and
150 Annex B activities, each with an accepted update in each of N quarterly rounds (default
12: three years; bulk_create: the audit trail is not what is measured). Then times,
with Django's test client signed in as a Skills England reviewer, the national view, each
aggregated download (CSV and XLSX) and a comparison of six areas, and prints the median and
slowest of 5 runs each (the first run of the view works out every area's part of the
national figures, each plan's readiness and RAG among them, about 0.15 s a plan: see the
"slowest" column). Then, 5 times, renames an employer of one area (a different area each
time, through the audited save) and times the next view: "first view after one edit", where
only that area's part is worked out again (decision 0081). Target: medians under 1 s.
Asserts nothing.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import fresh_django  # noqa: E402

RUNS = 5
QUARTER_ONE = datetime.date(2026, 9, 1)
SOC_UNITS = [f"{major}{n:03d}"[:4] for major in range(1, 10) for n in range(111, 160, 7)]


def build(employers: int, needs: int, quarters: int = 12) -> None:
    from lsip.areas.models import Area, Cycle
    from lsip.delivery.models import Round, Update
    from lsip.engagement.models import Engagement, SkillsNeed
    from lsip.organisations.models import Organisation
    from lsip.plans.models import Action, Activity, Aim, Plan, Priority
    from lsip.sectors.models import Sector

    rng = random.Random(15)
    national = list(Sector.objects.filter(area__isnull=True))
    for area in Area.objects.all():
        cycle = Cycle.objects.create(area=area, start_year=2026, end_year=2029)
        orgs = Organisation.objects.bulk_create(
            Organisation(area=area, name=f"{area.slug} employer {i}", type="employer")
            for i in range(employers)
        )
        engagements = Engagement.objects.bulk_create(
            Engagement(
                area=area,
                cycle=cycle,
                type="survey",
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 300),
            )
            for i in range(needs // 5)
        )
        SkillsNeed.objects.bulk_create(
            (
                SkillsNeed(
                    area=area,
                    engagement=engagements[i // 5],
                    organisation=orgs[i % employers],
                    words="job",
                    soc_code=rng.choice(SOC_UNITS) if i % 10 else "",
                    need_type="shortage",
                )
                for i in range(needs)
            ),
            batch_size=2000,
        )
        plan = Plan.objects.create(area=area, cycle=cycle, title=f"{area.name} LSIP")
        priorities = Priority.objects.bulk_create(
            Priority(
                plan=plan,
                title=f"Priority {p}",
                position=p,
                soc_codes=rng.sample(SOC_UNITS, 4),
                sic_codes=[f"{rng.randint(10, 96)}"],
            )
            for p in range(5)
        )
        for priority in priorities:
            priority.sectors.add(rng.choice(national))
        actions = Action.objects.bulk_create(
            Action(priority=priorities[a % 5], title=f"Action {a}", aims=[Aim.OFFER], position=a)
            for a in range(30)
        )
        activities = Activity.objects.bulk_create(
            Activity(
                action=actions[a % 30],
                title=f"Activity {a}",
                start=datetime.date(2026, 9, 1),
                end=datetime.date(2029, 7, 31),
                position=a,
            )
            for a in range(150)
        )
        for activity in activities:
            activity.leads.add(orgs[0])
        # three years of quarterly rounds, each with an accepted update on every activity
        rounds = Round.objects.bulk_create(
            Round(
                plan=plan,
                name=f"Quarter {q + 1}",
                period_start=QUARTER_ONE + datetime.timedelta(days=91 * q),
                period_end=QUARTER_ONE + datetime.timedelta(days=91 * q + 90),
                due_on=QUARTER_ONE + datetime.timedelta(days=91 * q + 100),
            )
            for q in range(quarters)
        )
        Update.objects.bulk_create(
            (
                Update(
                    activity=activity,
                    organisation=orgs[0],
                    round=rounds[q],
                    as_of=rounds[q].period_end,
                    status=rng.choice(["on_track", "on_track", "at_risk", "off_track"]),
                    percent_complete=min(100, 8 * (q + 1)),
                    narrative="Progress this quarter",
                    state=Update.State.ACCEPTED,
                )
                for activity in activities
                for q in range(quarters)
            ),
            batch_size=2000,
        )


def timed(client, url, params=None) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url, params or {})
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, params, response.status_code)
    return times


def after_an_edit(client) -> list[float]:
    """The view timed right after an edit in one area, a different area each run."""
    from lsip.areas.models import Area
    from lsip.organisations.models import Organisation

    times = []
    for area in list(Area.objects.order_by("name"))[:RUNS]:
        employer = Organisation.objects.filter(area=area, type="employer").first()
        employer.name += " Ltd"
        employer.save()
        start = time.perf_counter()
        response = client.get("/england/")
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
        assert response.context["national"].computed == {area.pk}, "only the edited area"
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employers", type=int, default=2000)
    parser.add_argument("--needs", type=int, default=10000)
    parser.add_argument("--quarters", type=int, default=12, help="Rounds of updates (3 years)")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--database-url", help="An empty PostgreSQL database instead of SQLite")
    args = parser.parse_args()
    if args.database_url:
        os.environ.update(
            DATABASE_URL=args.database_url, DJANGO_SETTINGS_MODULE="lsip.config.settings"
        )
        import django

        django.setup()
    else:
        fresh_django(args.keep, "lsip-national-bench-")
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from lsip.accounts.models import RoleAssignment, User
    from lsip.accounts.roles import Role
    from lsip.national.tables import TABLES

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    build(args.employers, args.needs, args.quarters)
    print(
        f"{connection.vendor}: 39 areas of {args.employers:,} employers and {args.needs:,}"
        f" skills needs built in {time.perf_counter() - start:.0f} s"
    )
    reviewer = User.objects.create_user("reviewer@bench.example", password="x")
    RoleAssignment.objects.create(user=reviewer, role=Role.SKILLS_ENGLAND_REVIEWER)
    client = Client()
    client.force_login(reviewer)
    rows = [("national view", timed(client, "/england/"))]
    for key in TABLES:
        for fmt in ("csv", "xlsx"):
            rows.append((f"{key}.{fmt}", timed(client, "/england/", {"table": key, "format": fmt})))
    six = [
        "the-marches",
        "west-midlands",
        "cumbria",
        "dorset",
        "buckinghamshire",
        "swindon-and-wiltshire",
    ]
    rows.append(("compare six areas", timed(client, "/england/compare/", {"areas": six})))
    rows.append(("first view after one edit", after_an_edit(client)))
    print(f"{'':28} {'median':>8} {'slowest':>8}")
    for name, times in rows:
        print(f"{name:28} {statistics.median(times):7.3f}s {max(times):7.3f}s")


if __name__ == "__main__":
    main()

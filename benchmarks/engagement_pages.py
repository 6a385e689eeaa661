"""Benchmark of the engagement record's busiest pages on a large area (SG 5.1).

    .venv/bin/python benchmarks/engagement_pages.py [--employers N] [--needs N] [--keep DIR]

Creates N employers (default 20,000) in The Marches with size bands, ownership, districts,
SIC codes and sectors, and N skills needs (default 100,000) on engagements with them, in a new
SQLite database (bulk_create: the audit trail is not what is measured). Then times, with
Django's test client signed in as an ERB admin, 20 requests each of the organisation list
(filtered and paginated), the engagement list and the breadth page, and prints the median
and slowest server time; then 3 of each download for Skills England. Asserts nothing; the
target is a median under 300 ms for pages.
"""

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import fresh_django  # noqa: E402

RUNS = 20


def build(employers: int, needs: int):
    from lsip.accounts.models import RoleAssignment, User
    from lsip.accounts.roles import Role
    from lsip.areas.models import Area, Cycle
    from lsip.engagement.models import Engagement, SkillsNeed
    from lsip.organisations.models import Organisation, Ownership, SizeBand
    from lsip.sectors.services import sectors_for

    random.seed(5)
    area = Area.objects.get(slug="the-marches")
    districts = list(area.local_authorities.all())
    sectors = list(sectors_for(area))
    cycle = Cycle.objects.create(area=area, start_year=2026, end_year=2029)
    sic_codes = ["43120", "31020", "87100", "10710", "62012", "49410", "56101", "01410"]
    organisations = [
        Organisation(
            area=area,
            name=f"Employer {n:05d} Ltd",
            type=Organisation.Type.EMPLOYER,
            size_band=random.choice([*SizeBand.values, ""]),
            ownership=random.choice([*Ownership.values, ""]),
            local_authority=random.choice([*districts, None]),
            erb_member=random.choice([True, False, None]),
            sic_code=random.choice([*sic_codes, ""]),
        )
        for n in range(employers)
    ]
    Organisation.objects.bulk_create(organisations, batch_size=2000)
    through = Organisation.sectors.through
    through.objects.bulk_create(
        [
            through(organisation_id=o.pk, sector_id=random.choice(sectors).pk)
            for o in organisations
            if random.random() < 0.6
        ],
        batch_size=5000,
    )
    engaged = random.sample(organisations, int(employers * 0.8))
    engagements = [
        Engagement(
            area=area,
            cycle=cycle if random.random() < 0.5 else None,
            type=random.choice(Engagement.Type.values),
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=random.randrange(700)),
        )
        for _ in range(needs // 3)
    ]
    Engagement.objects.bulk_create(engagements, batch_size=2000)
    links = Engagement.organisations.through
    pairs = [(e, engaged[i % len(engaged)]) for i, e in enumerate(engagements)]
    links.objects.bulk_create(
        [links(engagement_id=e.pk, organisation_id=o.pk) for e, o in pairs], batch_size=5000
    )
    words = ["Care assistant", "Groundworker", "Welder", "HGV driver", "Chef", "Developer"]
    SkillsNeed.objects.bulk_create(
        [
            SkillsNeed(
                area=area,
                engagement=pairs[n % len(pairs)][0],
                organisation=pairs[n % len(pairs)][1],
                words=random.choice(words),
                soc_code=random.choice(["6135", "9121", "5215", "8211", ""]),
                soc_confidence=random.random(),
                need_type=random.choice(SkillsNeed.NeedType.values),
                level=random.choice(["", "entry", "2", "3", "4"]),
                themes=random.choice([[], ["digital"], ["net_zero", "digital"]]),
            )
            for n in range(needs)
        ],
        batch_size=5000,
    )
    user = User.objects.create_user(username="bench@example.org", password="x")
    RoleAssignment.objects.create(user=user, role=Role.ERB_ADMIN, area=area)
    return area, user, districts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employers", type=int, default=20_000)
    parser.add_argument("--needs", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args()
    work = fresh_django(args.keep, "lsip-pages-bench-")
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    area, user, districts = build(args.employers, args.needs)
    print(
        f"set-up: {args.employers:,} employers, {args.needs:,} skills needs "
        f"in {time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(user)
    base = f"/areas/{area.slug}"
    pages = {
        "organisation list (employers, small, page 3)": (
            f"{base}/organisations/?type=employer&size_band=small&page=3"
        ),
        "organisation list (district, ERB members, name)": (
            f"{base}/organisations/?local_authority={districts[0].pk}&erb_member=yes&q=employer 1"
        ),
        "engagement list (page 2)": f"{base}/engagement/?page=2",
        "engagement list (type, dates)": (
            f"{base}/engagement/?type=interview&date_from_day=1&date_from_month=6"
            "&date_from_year=2025&date_to_day=31&date_to_month=12&date_to_year=2025"
        ),
        "engagement list (sorted by skills needs)": f"{base}/engagement/?sort=-needs",
        "breadth": f"{base}/engagement/breadth/",
    }
    downloads = {
        "download: Skills England record (CSV)": f"{base}/engagement/record/?format=csv",
        "download: Skills England record (XLSX)": f"{base}/engagement/record/?format=xlsx",
        "download: skills needs (CSV)": f"{base}/engagement/skills-needs/?format=csv",
        "download: skills needs (XLSX)": f"{base}/engagement/skills-needs/?format=xlsx",
    }
    print(f"{'page':50} {'median ms':>10} {'max ms':>8}")
    for label, url in pages.items():
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{label:50} {statistics.median(times):10.0f} {max(times):8.0f}")
    from django.conf import settings

    settings.LSIP_DOWNLOAD_IN_PAGE_ROWS = 10**9  # time the building, which a job would do
    for label, url in downloads.items():
        times = []
        for _ in range(3):
            t = time.perf_counter()
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{label:50} {statistics.median(times):10.0f} {max(times):8.0f}  {len(body):,} bytes")
    print(f"database: {work / 'bench.sqlite3'}")


if __name__ == "__main__":
    main()

"""Benchmark of the engagement import (SG 5.1): 50,000 survey rows into a fresh database.

    .venv/bin/python benchmarks/import_engagements.py [--rows N] [--data DIR] [--keep DIR]

Generates a survey export of N rows (default 50,000): employer names, places in The Marches
spelt as people spell them, job titles drawn from the ONS coding index and dressed as adverts
write them, mixed date formats, contacts. Then imports it, coding every need to SOC 2020, into
a new SQLite database and prints rows per second, total seconds and the process's peak
memory. It goes through the pages as a person does (upload, map, preview, import) and runs
the import job as the worker does, so it prints how fast each page answers (the upload page's
target is under 1 s) and how long the job takes (target under 60 s, under 1 GiB).
DIR holds the ONS files as in ../shared/data (default: $LSIP_REFDATA_FROM).
"""

import argparse
import csv
import json
import random
import resource
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import default_data, fresh_django  # noqa: E402

CODING_INDEX = "soc2020/soc2020volume2thecodingindexexcel16102024_3col.csv"
PLACES = [
    "Herefordshire",
    "Herefordshire, County of",
    "Shropshire",
    "shropshire",
    "Shropshire Council",
    "Telford and Wrekin",
    "Telford & Wrekin",
    "TELFORD AND WREKIN",
]
FIRST = "Marches Severn Wrekin Ludlow Ledbury Oswestry Clun Wye Teme Corve Kington Bromyard".split()
TRADE = (
    "Engineering|Precision Plastics|Care Homes|Groundworks|Foods|Logistics|Joinery|Dairy|"
    "Hospitality|Digital|Electrical|Motors|Construction|Print|Nurseries|Veterinary"
).split("|")
SUFFIX = ["Ltd", "Limited", "Ltd.", "PLC", "", "& Sons Ltd", "LLP"]
NEEDS = ["Recruitment shortage", "Skills gap", "Future need", "shortage", "gap"]
THEMES = ["", "", "Digital", "Net zero; Digital", "English and maths", "Leadership, Digital"]
SIZES = ["3", "12", "45", "60", "250+", "0-9", "10-49", "Small", "micro", "1,200"]
PEOPLE = "Sam Jo Alex Priya Tom Aisha Rhys Megan Gareth Nia Owen Lucy".split()
SURNAMES = "Jones Evans Davies Price Morgan Hughes Patel Bowen Lloyd Griffiths".split()
HEADER = [
    "Respondent ID",
    "Date",
    "Company name",
    "Company number",
    "How many employees",
    "Location",
    "Chamber member",
    "Hard to fill role",
    "Type of need",
    "Qualification level",
    "How many",
    "When needed",
    "Themes",
    "Comments",
    "Contact name",
    "Email",
]
MAPPING = {
    "columns": {
        "date": "Date",
        "employer_name": "Company name",
        "companies_house_number": "Company number",
        "employees": "How many employees",
        "local_authority": "Location",
        "erb_member": "Chamber member",
        "occupation": "Hard to fill role",
        "need_type": "Type of need",
        "level": "Qualification level",
        "number": "How many",
        "timescale": "When needed",
        "themes": "Themes",
        "detail": "Comments",
        "contact_name": "Contact name",
        "contact_email": "Email",
    },
    "defaults": {"type": "survey", "need_type": "shortage"},
}


def generate(path: Path, rows: int, data: Path, seed: int = 2026) -> None:
    from evaluation import advert_variant

    from lsip.classification.coder.normalise import tokens
    from lsip.classification.coder.sources import read_soc_coding_index

    rng = random.Random(seed)
    index = read_soc_coding_index(data / CODING_INDEX)
    codes_of = defaultdict(set)
    for row in index:
        if row.unit:
            codes_of[tokens(row.title, drop_noise=False)].add(row.unit)
    titles = sorted({row.title for row in index if row.unit and len(row.title) > 3})
    pool = [t for t in rng.sample(titles, 3000)]
    pool += [advert_variant(t, rng, codes_of) or t for t in rng.sample(titles, 3000)]
    employers = []
    for n in range(6000):
        name = f"{rng.choice(FIRST)} {rng.choice(TRADE)} {n} {rng.choice(SUFFIX)}".strip()
        number = f"{rng.randrange(1, 14_000_000):08d}" if rng.random() < 0.4 else ""
        employers.append((name, number, rng.choice(PLACES), rng.choice(SIZES)))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(rows):
            name, number, place, size = rng.choice(employers)
            day = rng.randrange(1, 29)
            month = rng.randrange(1, 13)
            date = rng.choice(
                [f"{day:02d}/{month:02d}/2025", f"2025-{month:02d}-{day:02d}", f"{day} Mar 2025"]
            )
            person = f"{rng.choice(PEOPLE)} {rng.choice(SURNAMES)}"
            writer.writerow(
                [
                    n + 1,
                    date,
                    name,
                    number,
                    size,
                    place,
                    rng.choice(["Yes", "No", "yes", "N", ""]),
                    rng.choice(pool),
                    rng.choice(NEEDS),
                    rng.choice(["", "Level 2", "3", "L4", "Entry", "level 6"]),
                    rng.choice(["", "1", "2", "5"]),
                    rng.choice(["", "Now", "Within 3 years", "Later"]),
                    rng.choice(THEMES),
                    rng.choice(["", "Struggle to recruit locally", "Needs a licence"]),
                    person,
                    f"{person.replace(' ', '.').lower()}@example.org",
                ]
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = default_data()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args()
    work = fresh_django(args.keep, "lsip-import-bench-", LSIP_IMPORT_MAX_MB="1000")
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from lsip.areas.models import Area
    from lsip.classification.services import soc_coder
    from lsip.engagement.imports.plan import plan_import
    from lsip.engagement.models import Engagement, ImportBatch, SkillsNeed
    from lsip.jobs.models import Job
    from lsip.jobs.worker import run_queued
    from lsip.refdata.install import install

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    install(source_dir=args.data, keys=["soc2020-volume1", "soc2020-coding-index"])
    soc_coder()  # build and save the coder once, as `lsip refdata install` users have it
    print(f"set-up (migrate, install, build coder)  {time.perf_counter() - started:8.1f} s")
    source = work / "survey.csv"
    generate(source, args.rows, args.data)
    size = source.stat().st_size / 1024 / 1024
    print(f"generated {args.rows} rows, {size:.1f} MB")
    area = Area.objects.get(slug="the-marches")
    setup_test_environment()  # so that the test client sees each page's context
    client = signed_in_editor(area)

    base = f"/areas/{area.slug}/imports"
    client.get(f"{base}/new/")  # a running site has its code loaded: time the answers only
    with source.open("rb") as handle:
        upload, took = timed(lambda: client.post(f"{base}/new/", {"file": handle}))
    assert upload.status_code == 302, upload.content[:2000]
    print(f"upload page answers                     {took:8.2f} s   (target under 1 s)")
    token = upload.url.split("/")[-3]
    mapped, took = timed(lambda: client.post(f"{base}/{token}/map/", mapping_form()))
    assert mapped.status_code == 302, mapped.content[:2000]
    print(f"mapping page answers                    {took:8.2f} s")
    preview, took = timed(lambda: client.get(f"{base}/{token}/preview/"))
    print(f"preview page (every row checked)        {took:8.2f} s")
    report = preview.context["report"]
    if report.errors:
        print(report.text()[:3000])
        raise SystemExit(1)
    accept = [d.pair for d in report.doubtful]
    applied, took = timed(lambda: client.post(f"{base}/{token}/apply/", {"accept": accept}))
    assert applied.status_code == 302
    print(f"import page answers (job queued)        {took:8.2f} s")

    started = time.perf_counter()
    run_queued()
    total = time.perf_counter() - started
    job = Job.objects.get()
    assert job.state == Job.State.DONE, job.error
    batch = ImportBatch.objects.get()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    coded = SkillsNeed.objects.exclude(soc_code="").count()
    print(
        json.dumps(
            {
                "rows": args.rows,
                "engagements": batch.engagements_created,
                "needs": batch.needs_created,
                "needs coded": coded,
                "new employers": batch.organisations_created,
                "duplicate rows": len(report.duplicates),
            }
        )
    )
    print(f"import job (read, validate, code, write) {total:7.1f} s   (target under 60 s)")
    print(f"rows per second                         {args.rows / total:8.0f}")
    print(f"peak memory                             {peak:8.0f} MB")
    started = time.perf_counter()
    again = plan_import(area=area, path=source, mapping=MAPPING)
    print(
        f"re-import plan: {len(again.already_imported)} already imported, "
        f"{len(again.prepared)} new, {time.perf_counter() - started:.1f} s"
    )
    assert Engagement.objects.count() == batch.engagements_created
    if not args.keep:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(work, ignore_errors=True)


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def signed_in_editor(area):
    """A test client signed in as an ERB editor of the area, as the pages are used."""
    from django.test import Client

    from lsip.accounts.models import RoleAssignment, User
    from lsip.accounts.roles import Role

    user = User.objects.create_user(username="bench@example.org", password="x" * 16)
    RoleAssignment.objects.create(user=user, role=Role.ERB_EDITOR, area=area)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def mapping_form() -> dict:
    form = {f"col_{field}": column for field, column in MAPPING["columns"].items()}
    defaults = MAPPING.get("defaults", {})
    form.update(
        default_type=defaults.get("type", ""),
        default_need_type=defaults.get("need_type", ""),
        date_order=MAPPING.get("date_order", "auto"),
    )
    return form


if __name__ == "__main__":
    main()

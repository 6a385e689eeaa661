"""Benchmark of employer matching (SG 5.1): a 50,000-row file checked against an area that
already holds 50,000 employers.

    .venv/bin/python benchmarks/matching.py [--existing N] [--rows N] [--keep DIR]

Makes a fresh SQLite database, gives The Marches N employers (default 50,000) spread over its
districts, and writes a survey file of N rows (default 50,000), one employer a row: a third
spelt as recorded ("Ltd" for "Limited", capitals), a third with a letter or two changed or a
word added, and a third new. Then times `plan_import` (read, validate, match every employer,
write nothing), as the import page's preview and the import job do. Target: under 60 s.
"""

import argparse
import csv
import random
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import fresh_django  # noqa: E402

FIRST = (
    "Marches Severn Wrekin Ludlow Ledbury Oswestry Clun Wye Teme Corve Kington Bromyard Church "
    "Stretton Much Wenlock Craven Arms Bishops Castle Leintwardine Hay Ross Weobley"
).split()
TRADE = (
    "Engineering|Precision Plastics|Care Homes|Groundworks|Foods|Logistics|Joinery|Dairy|"
    "Hospitality|Digital|Electrical|Motors|Construction|Print|Nurseries|Veterinary|Bakery|"
    "Haulage|Garden Centre|Accountants|Solicitors|Dental Practice|Pharmacy|Brewery"
).split("|")
SURNAMES = (
    "Jones Evans Davies Price Morgan Hughes Patel Bowen Lloyd Griffiths Powell Pritchard Vaughan "
    "Bevan Watkins Probert Preece Meredith Gwilliam Parry Hamer Corbett Onions Bright"
).split()
SUFFIX = ["Limited", "Ltd", "PLC", "", "& Sons", "LLP"]


def employer_name(rng: random.Random) -> str:
    """A made-up employer name with a surname or two: rare words, as real names have."""
    surnames = " ".join(rng.sample(SURNAMES, rng.choice([1, 1, 2])))
    word = f"{rng.choice(FIRST)} {surnames}" if rng.random() < 0.5 else surnames
    return f"{word} {rng.choice(TRADE)} {rng.randrange(1, 100_000)} {rng.choice(SUFFIX)}".strip()


def misspelt(name: str, rng: random.Random) -> str:
    """The same name with a letter changed, dropped or doubled, or a word added."""
    letters = list(name)
    spot = rng.randrange(len(letters))
    change = rng.choice(["swap", "drop", "double", "word"])
    if change == "swap":
        letters[spot] = rng.choice("aeiouy")
    elif change == "drop":
        del letters[spot]
    elif change == "double":
        letters.insert(spot, letters[spot])
    else:
        return f"{name} {rng.choice(['Group', 'Services', 'UK', 'Holdings'])}"
    return "".join(letters)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    work = fresh_django(args.keep, "lsip-matching-bench-")
    from django.core.management import call_command

    from lsip.areas.models import Area
    from lsip.engagement.imports.plan import plan_import
    from lsip.organisations.models import Organisation

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    area = Area.objects.get(slug="the-marches")
    districts = list(area.local_authorities.all())
    rng = random.Random(args.seed)
    recorded = []
    for _ in range(args.existing):
        recorded.append((employer_name(rng), rng.choice(districts)))
    Organisation.objects.bulk_create(
        [
            Organisation(area=area, name=name, type="employer", local_authority=district)
            for name, district in recorded
        ],
        batch_size=2000,
    )
    print(f"set-up: {args.existing:,} employers       {time.perf_counter() - started:8.1f} s")

    source = work / "survey.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Company name", "Location"])
        for n in range(args.rows):
            name, district = rng.choice(recorded)
            kind = n % 3
            if kind == 0:
                name = name.replace("Limited", "Ltd").upper()
            elif kind == 1:
                name = misspelt(name, rng)
            else:
                name, district = employer_name(rng), rng.choice(districts)
            writer.writerow([f"{rng.randrange(1, 29):02d}/03/2025", name, district.name])
    mapping = {
        "columns": {"date": "Date", "employer_name": "Company name", "local_authority": "Location"},
        "defaults": {"type": "survey"},
    }

    started = time.perf_counter()
    report = plan_import(area=area, path=source, mapping=mapping)
    took = time.perf_counter() - started
    matched = sum(1 for e in report.employers if e.existing is not None)
    asked = sum(1 for e in report.employers if e.doubtful)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows / employers in the file            {args.rows:,} / {len(report.employers):,}")
    print(f"matched to a recorded employer          {matched:,}")
    print(f"with doubtful matches to confirm        {asked:,} ({len(report.doubtful):,} pairs)")
    print(f"rows with errors                        {len(report.errors):,}")
    print(f"check (read, validate, match)           {took:8.1f} s   (target under 60 s)")
    print(f"peak memory                             {peak:8.0f} MB")
    if not args.keep:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark: importing the six Nomis exports (target under 30 s) and computing the profile
indicators of every area at once (target under 5 s), on a fresh SQLite database.

    .venv/bin/python benchmarks/economy.py [--data DIR] [--keep DIR]

Prints figures; asserts nothing.
"""

import argparse
import time
from pathlib import Path

from support import default_data, fresh_django

GEOGRAPHY = ["lsip-lookup", "lad-2011-to-2021", "uk-lad-2021-regions", "sic2007-structure"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data(), help="The ONS data folder.")
    parser.add_argument("--keep", type=Path, help="Work in (and keep) this folder.")
    args = parser.parse_args()
    fresh_django(args.keep, "lsip-economy-")
    from django.core.management import call_command

    from lsip.areas.models import Area
    from lsip.economy import indicators, priority
    from lsip.economy.imports import import_dataset
    from lsip.refdata.install import install

    call_command("migrate", verbosity=0)
    install(source_dir=Path(args.data), keys=GEOGRAPHY)
    files = sorted((Path(args.data) / "labour_market").glob("nomis_*.xlsx"))
    print(f"Importing {len(files)} Nomis files")
    started = time.perf_counter()
    figures = 0
    for path in files:
        begun = time.perf_counter()
        dataset = import_dataset(path)
        figures += dataset.rows
        print(f"  {path.name:58} {dataset.rows:>8,} figures {time.perf_counter() - begun:6.2f} s")
    print(f"All {len(files)} files: {figures:,} figures in {time.perf_counter() - started:.2f} s")

    for label, run in (
        ("Indicators of all areas at once", indicators.every_area),
        (
            "Profile of The Marches",
            lambda: indicators.profile(Area.objects.get(slug="the-marches")),
        ),
        (
            "Priority-sector table of The Marches",
            lambda: priority.table(Area.objects.get(slug="the-marches")),
        ),
    ):
        begun = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - begun
        size = len(result) if isinstance(result, dict) else len(result.rows)
        print(f"{label}: {seconds:.2f} s ({size} tables or rows)")

    begun = time.perf_counter()
    for area in Area.objects.all():
        indicators.profile(area)
    print(f"Profiles of all 39 areas one by one: {time.perf_counter() - begun:.2f} s")


if __name__ == "__main__":
    main()

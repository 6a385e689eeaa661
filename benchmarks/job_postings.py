"""Benchmark of the job-postings import: 1,000,000 adverts read, coded, counted and stored.

    .venv/bin/python benchmarks/job_postings.py [--rows N] [--workers N] [--data DIR] [--keep DIR]

Generates N adverts (default 1,000,000) from real titles (the SOC 2020 coding index, some
dressed as adverts write them, some with "Senior" or "Trainee" in front), real district names
from the LSIP lookup (some with a town in front, "Ludlow, Shropshire"; about 3% outside
England or nowhere), dates over 12 months in ISO and dd/mm/yyyy, SIC codes on about half, and
writes them to a CSV. A fresh SQLite database gets the reference files and the saved coder;
then a separate process imports the file (so that its peak memory is the import's alone) and
prints rows, distinct titles, seconds for read + code + count + store, its peak RSS (and its
coding workers') and the seconds `aggregate()` takes alone on the kept Parquet file.
DIR holds the ONS files as in ../shared/data (default: $LSIP_REFDATA_FROM).
Asserts nothing; the targets are under 10 minutes and 2 GiB, and aggregation under 5 s.
"""

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import default_data, fresh_django  # noqa: E402

CODING_INDEX = "soc2020/soc2020volume2thecodingindexexcel16102024_3col.csv"
KEYS = [
    "lsip-lookup",
    "lad-2011-to-2021",
    "uk-lad-2021-regions",
    "soc2020-volume1",
    "soc2020-coding-index",
    "sic2007-structure",
]
TOWNS = (
    "Ludlow Shrewsbury Oswestry Leominster Kendal Penrith Whitby Skipton Harrogate Taunton "
    "Yeovil Bridgwater Frome Keswick Workington Malton Ripon Thirsk Selby Wells"
).split()
OUTSIDE = [
    "Cardiff",
    "Swansea",
    "Newport, Wales",
    "Glasgow",
    "Edinburgh",
    "Belfast",
    "Remote",
    "Home based",
    "Dublin, Ireland",
]
SIC = ["62012", "10710", "86101", "47110", "41201", "56101", "49410", "88100", "85200", "25620"]


def generate(path: Path, rows: int, data: Path, districts: list[str], seed: int = 2026) -> int:
    """Write `rows` adverts to the CSV `path`; returns how many distinct titles it holds."""
    import polars as pl
    from evaluation import advert_variant

    from lsip.classification.coder.normalise import tokens
    from lsip.classification.coder.sources import read_soc_coding_index

    rng = random.Random(seed)
    index = read_soc_coding_index(data / CODING_INDEX)
    codes_of: dict = {}
    for row in index:
        if row.unit:
            codes_of.setdefault(tokens(row.title, drop_noise=False), set()).add(row.unit)
    titles = sorted({row.title for row in index if row.unit and len(row.title) > 3})
    pool = list(titles)
    pool += [advert_variant(t, rng, codes_of) or t for t in rng.sample(titles, 12_000)]
    pool += [f"{rng.choice(['Senior', 'Trainee'])} {t}" for t in rng.sample(titles, 6_000)]
    rng.shuffle(pool)
    weights = [1 / (rank + 10) ** 0.9 for rank in range(len(pool))]  # a few titles are common
    places = list(districts)
    places += [f"{rng.choice(TOWNS)}, {d}" for d in districts for _ in range(2)]
    n_outside = int(rows * 0.03)
    location = rng.choices(places, k=rows - n_outside) + rng.choices(OUTSIDE, k=n_outside)
    rng.shuffle(location)
    start = date(2025, 1, 1)
    days = [start + timedelta(days=rng.randrange(365)) for _ in range(rows)]
    frame = pl.DataFrame(
        {
            "Job Title": rng.choices(pool, cum_weights=_cumulative(weights), k=rows),
            "Employer": [f"Employer {rng.randrange(40_000)}" for _ in range(rows)],
            "Location": location,
            "Date": [d.isoformat() if i % 3 else f"{d:%d/%m/%Y}" for i, d in enumerate(days)],
            "SIC": [rng.choice(SIC) if rng.random() < 0.5 else "" for _ in range(rows)],
            "Salary": [f"£{rng.randrange(18, 70)},000" for _ in range(rows)],
        }
    )
    frame.write_csv(path)
    return frame.select(
        pl.col("Job Title").str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    ).n_unique()


def _cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


class MemoryWatch(threading.Thread):
    """Polls /proc every 0.1 s: the largest resident size of this process plus its children
    at one moment, and the largest child's high-water mark (Linux's ru_maxrss of a spawned
    child counts the parent's pages at fork, before exec, so it overstates the workers)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak_total = 0
        self.peak_worker = 0
        self.running = True

    def run(self):
        me = os.getpid()
        while self.running:
            children = [pid for pid in _pids() if _status(pid, "PPid") == me]
            worker_rss = [_status(pid, "VmRSS") for pid in children]
            self.peak_total = max(self.peak_total, _status(me, "VmRSS") + sum(worker_rss))
            for pid in children:
                self.peak_worker = max(self.peak_worker, _status(pid, "VmHWM"))
            time.sleep(0.1)


def _pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _status(pid: int, field: str) -> int:
    """A field of /proc/PID/status as a number (kB for memory); 0 if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_import(path: Path, workers: int | None, out: Path) -> None:
    """In its own process: import, then time `aggregate()` alone; writes the figures to `out`
    as JSON."""
    from lsip.cli.postings import StageBars
    from lsip.economy.postings import aggregate, import_postings, parquet_path

    bars = StageBars()
    watch = MemoryWatch()
    watch.start()
    stages: dict[str, float] = {}

    def progress(done, total, stage):
        stages.setdefault(stage, time.perf_counter())
        bars(done, total, stage)

    started = time.perf_counter()
    dataset = import_postings(path, workers=workers, progress=progress)
    bars.close()
    watch.running = False
    ends = [*list(stages.values())[1:], time.perf_counter()]
    seconds = {s: end - start for (s, start), end in zip(stages.items(), ends, strict=True)}
    total = time.perf_counter() - started
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    started = time.perf_counter()
    figures = aggregate(parquet_path(dataset.pk))
    aggregated = time.perf_counter() - started
    out.write_text(
        json.dumps(
            {
                "seconds": total,
                "stages": seconds,
                "peak_self_mb": peak_self,
                "peak_children_ru_maxrss_mb": peak_children,
                "peak_worker_mb": watch.peak_worker / 1024,
                "peak_total_mb": watch.peak_total / 1024,
                "aggregate_seconds": aggregated,
                "figures": len(figures),
                "stored": dataset.rows,
                "skipped": dataset.skipped,
                "notes": dataset.notes,
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--data", type=Path, default=Path(default_data()))
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    parser.add_argument("--import-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_only:
        import django

        django.setup()  # the parent set the environment up
        run_import(args.import_only, args.workers, args.import_only.with_suffix(".json"))
        return

    work = fresh_django(args.keep, "lsip-postings-bench-")
    from django.core.management import call_command

    from lsip.areas.models import LocalAuthority
    from lsip.classification.services import soc_coder
    from lsip.refdata.install import install

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    install(source_dir=args.data, keys=KEYS)
    soc_coder()  # build and save the coder once, as `lsip refdata install` users have it
    print(f"set-up (migrate, install, build coder)   {time.perf_counter() - started:8.1f} s")
    districts = sorted(LocalAuthority.objects.values_list("name", flat=True))
    source = work / "adverts.csv"
    started = time.perf_counter()
    distinct = generate(source, args.rows, args.data, districts)
    size = source.stat().st_size / 1024 / 1024
    print(
        f"generated {args.rows:,} adverts ({distinct:,} distinct titles), {size:.0f} MB CSV, "
        f"{time.perf_counter() - started:.1f} s"
    )
    from django.db import connections

    connections.close_all()
    command = [sys.executable, __file__, "--import-only", str(source)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    subprocess.run(command, check=True)
    result = json.loads(source.with_suffix(".json").read_text())
    print(f"rows                                     {args.rows:8,}")
    print(f"distinct titles                          {distinct:8,}")
    print(f"figures stored                           {result['stored']:8,}")
    print(f"skipped                                  {result['skipped']}")
    print(f"read + code + count + store              {result['seconds']:8.1f} s")
    for stage, seconds in result["stages"].items():
        print(f"  {stage:38} {seconds:8.1f} s")
    print(f"peak RSS, importing process              {result['peak_self_mb']:8.0f} MB")
    print(f"peak RSS, largest coding worker (/proc)  {result['peak_worker_mb']:8.0f} MB")
    print(f"peak RSS, process + workers at once      {result['peak_total_mb']:8.0f} MB")
    print(
        "peak RSS, children by ru_maxrss          "
        f"{result['peak_children_ru_maxrss_mb']:8.0f} MB (counts the parent's pages at fork)"
    )
    print(f"aggregate() alone on the kept Parquet    {result['aggregate_seconds']:8.2f} s")
    for note in result["notes"]:
        print(f"note: {note[:300]}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

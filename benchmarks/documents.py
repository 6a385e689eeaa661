"""Benchmark of the LSIP document: The Marches plan, with its charts, as PDF and as DOCX.

    .venv/bin/python benchmarks/documents.py [--area SLUG] [--runs N]

Uses the database of DATABASE_URL (by default var/lsip.sqlite3, as `./dev demo` leaves it,
with the demo's labour-market data, so the district map and the profile charts are drawn).
Times building the document tree, then the PDF and the DOCX from it (each run draws its charts
afresh), and prints the times and the page counts. Targets on this 2-core machine: the PDF
under 20 s, the DOCX under 10 s. Asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--area", default="the-marches")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsip.config.settings")
    import django

    django.setup()
    from lsip.documents import charts, render, services
    from lsip.plans.models import Plan

    plan = Plan.objects.filter(area__slug=args.area).order_by("-cycle__start_year").first()
    if plan is None:
        sys.exit(f"{args.area}: no plan in this database (run ./dev demo first)")
    times = {"tree": [], "pdf": [], "docx": []}
    cpu = {"tree": [], "pdf": [], "docx": []}
    for _ in range(args.runs):
        charts._svg.cache_clear()
        charts._png.cache_clear()
        started, used = time.perf_counter(), time.process_time()
        doc = services.build_document(plan)
        times["tree"].append(time.perf_counter() - started)
        cpu["tree"].append(time.process_time() - used)
        started, used = time.perf_counter(), time.process_time()
        pdf = render.pdf(doc)
        times["pdf"].append(time.perf_counter() - started + times["tree"][-1])
        cpu["pdf"].append(time.process_time() - used + cpu["tree"][-1])
        charts._svg.cache_clear()
        started, used = time.perf_counter(), time.process_time()
        word = render.docx(doc)
        times["docx"].append(time.perf_counter() - started + times["tree"][-1])
        cpu["docx"].append(time.process_time() - used + cpu["tree"][-1])
    charts_count = sum(1 for _, s in doc.walk() for b in s.blocks if b["type"] == "chart")
    print(f"{plan.title}: {charts_count} charts")
    print("Times include building the tree; CPU seconds beside (the machine may be shared).")
    print(
        f"document tree  {statistics.median(times['tree']):6.1f} s "
        f"({statistics.median(cpu['tree']):.1f} s CPU)"
    )
    print(
        f"PDF            {statistics.median(times['pdf']):6.1f} s "
        f"({statistics.median(cpu['pdf']):.1f} s CPU; target < 20 s), "
        f"{pdf.pages} pages, main body {pdf.main_body_pages} (expected <= 30), "
        f"{len(pdf.content) / 1e6:.1f} MB"
    )
    print(
        f"DOCX           {statistics.median(times['docx']):6.1f} s "
        f"({statistics.median(cpu['docx']):.1f} s CPU; target < 10 s), "
        f"{len(word.content) / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()

"""Benchmark of the SOC 2020 and SIC 2007 coders. Prints its figures; asserts nothing.

    .venv/bin/python benchmarks/coder.py [--data DIR] [--half test|dev]

DIR holds the ONS files as laid out in ../shared/data (default: $LSIP_REFDATA_FROM or
../shared/data). Figures are on the `test` half of each evaluation set (see evaluation.py);
the `dev` half is the one used for tuning.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import (  # noqa: E402
    real_compatible,
    real_sic_rows,
    real_soc_sets,
    right_code,
    sic_sets,
    soc_sets,
)
from support import default_data  # noqa: E402

from lsip.classification.coder.normalise import fold  # noqa: E402
from lsip.classification.coder.store import SIC_FILES, SOC_FILES  # noqa: E402


def score(results, golds, digits_list=(4, 3, 2, 1)):
    """Figures for `results` against `golds` (a code, or a list of the ONS coders' codes
    with "x" for digits they left open)."""
    n = len(golds)
    pairs = list(zip(results, golds, strict=True))

    def right(code, gold, digits=None):
        if digits is None:
            return right_code(code, gold)
        golds_ = [gold] if isinstance(gold, str) else gold
        return any(code[:digits] == g[:digits] and "x" not in g[:digits] for g in golds_)

    figures = {}
    for digits in digits_list:
        figures[f"top-1 at {digits} digits"] = (
            sum(1 for r, g in pairs if r.candidates and right(r.candidates[0].code, g, digits)) / n
        )
    figures["top-5 recall"] = (
        sum(1 for r, g in pairs if any(right(c.code, g) for c in r.candidates)) / n
    )
    auto = [(r, g) for r, g in pairs if r.status == "coded"]
    figures["auto-coded share"] = len(auto) / n
    figures["precision of auto-coded"] = (
        sum(1 for r, g in auto if right(r.candidates[0].code, g)) / len(auto) if auto else 0.0
    )
    figures["coverage (any candidate)"] = sum(1 for r in results if r.candidates) / n
    return figures


def report(name, figures, count):
    print(f"\n  {name} ({count} titles)")
    for key, value in figures.items():
        print(f"    {key:28} {value:6.1%}")


def throughput(code, texts, repeat=3):
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            code(text)
    return repeat * len(texts) / (time.perf_counter() - start)


def cold_start(kind, data):
    """Import, load the saved model and code one text, in a fresh process."""
    sample = "Senior care assistant - nights" if kind == "soc" else "We make bespoke kitchens"
    program = (
        "import time, resource; t = time.perf_counter();"
        "from lsip.classification.coder import load_soc_coder, load_sic_coder;"
        f"c = load_{kind}_coder({str(data)!r}); c.code({sample!r});"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    output = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(output[0]), float(output[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = default_data()
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--half", choices=["test", "dev"], default="test")
    args = parser.parse_args()
    from lsip.classification.coder import load_sic_coder, load_soc_coder

    soc = load_soc_coder(args.data)
    print(f"SOC 2020 coder {soc.version}, {args.half} half")
    sets = soc_sets(*(args.data / f for f in SOC_FILES))
    sets["out of index, both sets together"] = sets["related titles"] + sets["advert variants"]
    for name, rows in sets.items():
        rows = [r for r in rows if r[2] == args.half]
        results = [soc.code(t) for t, _, _ in rows]
        report(name, score(results, [g for _, g, _ in rows]), len(rows))
    compatible = real_compatible()
    for name, rows in real_soc_sets(args.data / SOC_FILES[1]).items():
        rows = [r for r in rows if r[2] == args.half]
        golds = [g for _, g, *_ in rows]
        alike = [compatible[fold(t).strip()] for t, *_ in rows]
        alone = [soc.code(t) for t, *_ in rows]
        report(name, score(alone, golds), len(rows))
        report(f"{name}, compatible codes", score(alone, alike, (4, 2)), len(rows))
        results = [soc.code(t, d, b) for t, _, _, d, b in rows]
        report(f"{name}, with description and industry", score(results, golds), len(rows))
        report(
            f"{name}, with description and industry, compatible codes",
            score(results, alike, (4, 2)),
            len(rows),
        )
    out_of_index = [
        t
        for name, rows in soc_sets(*(args.data / f for f in SOC_FILES)).items()
        if name != "in index"
        for t, _, _ in rows
    ]
    print(f"\n  semantic stage              {'on' if soc.table is not None else 'OFF'}")
    print(f"  throughput (one process)    {throughput(soc.code, out_of_index):8.0f} titles/s")
    seconds, megabytes = cold_start("soc", args.data)
    print(f"  cold start (import + first) {seconds:8.2f} s")
    print(f"  peak memory (that process)  {megabytes:8.0f} MB")

    sic = load_sic_coder(args.data)
    print(f"\nSIC 2007 coder {sic.version}, {args.half} half")
    for name, rows in sic_sets(args.data / SIC_FILES[1]).items():
        rows = [r for r in rows if r[2] == args.half]
        if not rows:  # the held-out hand-written descriptions have no dev half
            continue
        results = [sic.code(t) for t, _, _ in rows]
        report(name, score(results, [g for _, g, _ in rows], (5, 4, 3, 2)), len(rows))
    rows = [r for r in real_sic_rows() if r[2] == args.half]
    results = [sic.code(t) for t, _, _ in rows]
    report(
        "real business descriptions (ONS survey sample, ONS coders' codes)",
        score(results, [g for _, g, _ in rows], (5, 2)),
        len(rows),
    )
    texts = [t for rows in sic_sets(args.data / SIC_FILES[1]).values() for t, _, _ in rows]
    print(f"\n  throughput (one process)    {throughput(sic.code, texts, 1):8.0f} descriptions/s")
    seconds, megabytes = cold_start("sic", args.data)
    print(f"  cold start (import + first) {seconds:8.2f} s")
    print(f"  peak memory (that process)  {megabytes:8.0f} MB")


if __name__ == "__main__":
    main()

"""Fit the coders' confidence on the `dev` half of the evaluation sets and print the
coefficients for lsip/classification/coder/calibration.py, with the threshold that keeps
auto-coded titles at 90% precision or better.

The real answers of the ONS survey sample (benchmarks/data) count `REAL_WEIGHT` times each,
so that the few hundred real titles weigh as much as the thousands made from the index:
made-up titles are easier, and a confidence fitted on them alone is too sure of itself.

    .venv/bin/python benchmarks/calibrate.py [--data DIR]
"""

import argparse
import itertools
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import real_sic_rows, real_soc_sets, right_code, sic_sets, soc_sets  # noqa: E402
from support import default_data  # noqa: E402

from lsip.classification.coder.store import SIC_FILES, SOC_FILES  # noqa: E402


def fit_logistic(rows, iterations=50, penalty=1.0):
    """Newton's method for p = 1 / (1 + exp(-(a + b*score + c*margin))) with an L2 penalty
    on b and c (so that a method whose dev titles are all right does not get a cliff)."""
    w = [0.0, 0.0, 0.0]
    for _ in range(iterations):
        grad = [0.0, -penalty * w[1], -penalty * w[2]]
        hess = [
            [(penalty if i == j and i else 1e-6 if i == j else 0.0) for j in range(3)]
            for i in range(3)
        ]
        for s, m, y in rows:
            x = (1.0, s, m)
            p = 1 / (1 + math.exp(-sum(wi * xi for wi, xi in zip(w, x, strict=True))))
            for i in range(3):
                grad[i] += (y - p) * x[i]
                for j in range(3):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        w = [wi + di for wi, di in zip(w, _solve(hess, grad), strict=True)]
    return w


def _solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for i in range(n):
        pivot = max(range(i, n), key=lambda r: abs(m[r][i]))
        m[i], m[pivot] = m[pivot], m[i]
        for r in range(n):
            if r != i and m[i][i]:
                f = m[r][i] / m[i][i]
                m[r] = [x - f * y for x, y in zip(m[r], m[i], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


REAL_WEIGHT = 10


def features(coder, text, *context):
    """(method, score, margin, top code) as the coder saw them, before calibration."""
    from lsip.classification.coder import calibration

    seen = {}
    original = calibration.confidence

    def spy(kind, method, score, margin):
        if not seen:  # the first: a title read by a rule is then capped by its index title's
            seen.update(method=method, score=score, margin=margin)
        return original(kind, method, score, margin)

    calibration.confidence = spy
    try:
        result = coder.code(text, *context)
    finally:
        calibration.confidence = original
    top = result.candidates[0].code if result.candidates else ""
    return seen.get("method"), seen.get("score", 0.0), seen.get("margin", 0.0), top


def thresholds(coder, rows):
    """Auto-coded share and precision on `rows` at a range of thresholds."""
    results = [(coder.code(text, *context), gold) for text, gold, _, *context in rows]
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        auto = [
            (r, g)
            for r, g in results
            if r.candidates and r.confidence >= threshold and r.method != "several occupations"
        ]
        right = sum(1 for r, g in auto if right_code(r.candidates[0].code, g))
        print(
            f"    at {threshold:.2f}: auto-coded {len(auto) / len(results):6.1%}, "
            f"precision {right / max(len(auto), 1):6.1%}"
        )


def calibrate(coder, rows, weights=None):
    by_method = defaultdict(list)
    for i, (text, gold, _, *context) in enumerate(rows):
        method, score, margin, top = features(coder, text, *context)
        if method:
            weight = weights[i] if weights else 1
            by_method[method].extend(
                [(score, margin, 1.0 if right_code(top, gold) else 0.0)] * weight
            )
    return {
        method: fit_logistic(with_pseudo_counts(data))
        for method, data in by_method.items()
        if len(data) > 20
    }


def with_pseudo_counts(rows):
    """`rows` with one right and one wrong title more at their mean score and margin (the
    rule of succession), so that a method whose dev titles are all right is fitted as very
    likely right, not as certain (an intercept without limit)."""
    score = sum(s for s, _, _ in rows) / len(rows)
    margin = sum(m for _, m, _ in rows) / len(rows)
    return [*rows, (score, margin, 1.0), (score, margin, 0.0)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = default_data()
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--test-curve", action="store_true", help="report on test; fit nothing")
    args = parser.parse_args()
    if args.test_curve:
        test_split_curve(args.data)
        return
    from lsip.classification.coder import load_sic_coder, load_soc_coder

    soc = load_soc_coder(args.data)
    made = [
        r
        for rows in soc_sets(*(args.data / f for f in SOC_FILES)).values()
        for r in rows
        if r[2] == "dev"
    ]
    real = [
        (t, g, s, *context)
        for rows in real_soc_sets(args.data / SOC_FILES[1]).values()
        for t, g, s, d, b in rows
        if s == "dev"
        for context in ((), (d, b))
    ]
    rows = made + real
    weights = [1] * len(made) + [REAL_WEIGHT] * len(real)
    for method, w in sorted(calibrate(soc, rows, weights).items()):
        print(f"SOC {method:28} ({w[0]:.2f}, {w[1]:.2f}, {w[2]:.2f})")
    print("  all dev titles")
    thresholds(soc, rows)
    print("  real dev titles")
    thresholds(soc, real)
    sic = load_sic_coder(args.data)
    made = [
        r for r in sic_sets(args.data / SIC_FILES[1])["generated descriptions"] if r[2] == "dev"
    ]
    real = [r for r in real_sic_rows() if r[2] == "dev"]
    rows = made + real
    weights = [1] * len(made) + [REAL_WEIGHT] * len(real)
    for method, w in sorted(calibrate(sic, rows, weights).items()):
        print(f"SIC {method:28} ({w[0]:.2f}, {w[1]:.2f}, {w[2]:.2f})")
    print("  all dev descriptions")
    thresholds(sic, rows)
    print("  real dev descriptions")
    thresholds(sic, real)


def curve(coder, rows, bins=(0.0, 0.3, 0.5, 0.7, 0.9, 1.01)):
    """The calibration curve on `rows`: per confidence band, how many and how many right."""
    results = [(coder.code(text, *context), gold) for text, gold, _, *context in rows]
    for low, high in itertools.pairwise(bins):
        band = [(r, g) for r, g in results if r.candidates and low <= r.confidence < high]
        right = sum(1 for r, g in band if right_code(r.candidates[0].code, g))
        mean = sum(r.confidence for r, _ in band) / max(len(band), 1)
        print(
            f"    {low:.1f}-{min(high, 1):.1f}: {len(band):5} titles, mean confidence "
            f"{mean:5.2f}, right {right / max(len(band), 1):6.1%}"
        )


def test_split_curve(data):
    """The curve and the thresholds on the `test` split (to report; never to fit)."""
    from lsip.classification.coder import load_soc_coder

    soc = load_soc_coder(data)
    made = [
        r
        for rows in soc_sets(*(data / f for f in SOC_FILES)).values()
        for r in rows
        if r[2] == "test"
    ]
    real = [
        (t, g, s, d, b)
        for rows in real_soc_sets(data / SOC_FILES[1]).values()
        for t, g, s, d, b in rows
        if s == "test"
    ]
    for name, rows in (("made from the index", made), ("real, with description", real)):
        print(f"  SOC test split, {name}")
        curve(soc, rows)
        thresholds(soc, rows)


if __name__ == "__main__":
    main()

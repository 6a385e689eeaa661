"""Fit the coders' confidence on the `dev` half of the evaluation sets and print the
coefficients for lsip/classification/coder/calibration.py, with the threshold that keeps
auto-coded titles at 90% precision or better.

    .venv/bin/python benchmarks/calibrate.py [--data DIR]
"""

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from coder import SIC_FILES, SOC_FILES  # noqa: E402
from evaluation import sic_sets, soc_sets  # noqa: E402
from support import default_data  # noqa: E402


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


def features(coder, text):
    """(method, score, margin, top code) as the coder saw them, before calibration."""
    from lsip.classification.coder import calibration

    seen = {}
    original = calibration.confidence

    def spy(kind, method, score, margin):
        seen.update(method=method, score=score, margin=margin)
        return original(kind, method, score, margin)

    calibration.confidence = spy
    try:
        result = coder.code(text)
    finally:
        calibration.confidence = original
    top = result.candidates[0].code if result.candidates else ""
    return seen.get("method"), seen.get("score", 0.0), seen.get("margin", 0.0), top


def thresholds(coder, rows):
    """Auto-coded share and precision on `rows` at a range of thresholds."""
    results = [(coder.code(text), gold) for text, gold, _ in rows]
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        auto = [(r, g) for r, g in results if r.candidates and r.confidence >= threshold]
        right = sum(1 for r, g in auto if r.candidates[0].code == g)
        print(
            f"    at {threshold:.2f}: auto-coded {len(auto) / len(results):6.1%}, "
            f"precision {right / max(len(auto), 1):6.1%}"
        )


def calibrate(coder, rows):
    by_method = defaultdict(list)
    for text, gold, _ in rows:
        method, score, margin, top = features(coder, text)
        if method:
            by_method[method].append((score, margin, 1.0 if top == gold else 0.0))
    return {method: fit_logistic(data) for method, data in by_method.items() if len(data) > 20}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = default_data()
    parser.add_argument("--data", type=Path, default=Path(default))
    args = parser.parse_args()
    from lsip.classification.coder import load_sic_coder, load_soc_coder

    soc = load_soc_coder(args.data)
    rows = [
        r
        for rows in soc_sets(*(args.data / f for f in SOC_FILES)).values()
        for r in rows
        if r[2] == "dev"
    ]
    for method, w in sorted(calibrate(soc, rows).items()):
        print(f"SOC {method:20} ({w[0]:.2f}, {w[1]:.2f}, {w[2]:.2f})")
    thresholds(soc, rows)
    sic = load_sic_coder(args.data)
    rows = [
        r for r in sic_sets(args.data / SIC_FILES[1])["generated descriptions"] if r[2] == "dev"
    ]
    for method, w in sorted(calibrate(sic, rows).items()):
        print(f"SIC {method:20} ({w[0]:.2f}, {w[1]:.2f}, {w[2]:.2f})")
    thresholds(sic, rows)


if __name__ == "__main__":
    main()

"""Confidence: the chance that the top code is right, from how it was found and by how much.

A logistic model per method of the score and the margin over the next code, fitted by
`benchmarks/calibrate.py` on the development half of the evaluation sets (never the half the
benchmark reports). Refit after changing how the coders score.
"""

import math

from lsip.classification.coder.result import Method

#: Auto-code at or above this confidence; below it a person reviews the text. Chosen on the
#: development half as the lowest that keeps auto-coded precision at 90% or better.
THRESHOLD = {"soc": 0.7, "sic": 0.75}

#: method: (intercept, score weight, margin weight)
COEFFICIENTS = {
    "soc": {
        Method.LEARNED: (6.0, 0.0, 0.0),
        Method.EXACT: (-1.73, 5.04, 2.29),
        Method.NORMALISED: (6.52, 0.0, 0.0),
        Method.RULE: (0.19, 2.81, 1.93),
        Method.RANKED: (-1.07, 2.25, 2.11),
        Method.SEMANTIC: (-1.07, 2.25, 2.11),
        Method.SEVERAL: (-6.0, 0.0, 0.0),
        Method.NONE: (-6.0, 0.0, 0.0),
    },
    "sic": {
        Method.RANKED: (-3.83, 4.66, 6.42),
        Method.NONE: (-6.0, 0.0, 0.0),
    },
}


def confidence(kind: str, method: str, score: float, margin: float) -> float:
    intercept, w_score, w_margin = COEFFICIENTS[kind][method]
    return 1.0 / (1.0 + math.exp(-(intercept + w_score * score + w_margin * margin)))


def is_confident(kind: str, confidence_: float) -> bool:
    return confidence_ >= THRESHOLD[kind]

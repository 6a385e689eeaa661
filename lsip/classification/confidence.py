"""The coder's confidence in words, so a figure like 0.17 says what it means.

A confidence is the calibrated chance that the coder's top code is right (docs/coder.md:
"a logistic model ... fitted on the development half of the evaluation sets"). The bands
follow from that and from the auto-coding threshold of `coder.calibration` (SOC 0.70, SIC
0.90, chosen on the development split; see docs/coder.md):

- high: at or above the threshold, coded without a person;
- medium: below it but at least even odds (0.50): probably right, worth a look;
- low: below even odds: more likely wrong than right, check the code.

Written as "Low confidence (0.17): more likely wrong than right; check this code".

docs/decisions/0042-coding-pages.md
"""

from dataclasses import dataclass

from lsip.classification.coder.calibration import THRESHOLD

EVEN_ODDS = 0.5


@dataclass(frozen=True)
class Confidence:
    band: str  # "high", "medium" or "low"
    value: float
    advice: str

    def __str__(self):
        return f"{self.band.capitalize()} confidence ({self.value:.2f}): {self.advice}"


def describe(value: float | None, kind: str = "soc") -> Confidence | None:
    """The band and advice for a confidence of the SOC or SIC coder; None for no figure."""
    if value is None:
        return None
    if value >= THRESHOLD[kind]:
        return Confidence("high", value, "coded automatically")
    if value >= EVEN_ODDS:
        return Confidence("medium", value, "probably right; check this code")
    return Confidence("low", value, "more likely wrong than right; check this code")

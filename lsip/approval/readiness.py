"""The readiness checker: every check of `lsip.approval.checks` run against a plan's live
data, as one report for the page, the command (`lsip readiness`), submission and Skills
England's table. The JSON shape of `Report.as_dict` is documented in docs/approval.md.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from lsip.approval.checks import CHECKS, FAIL, ORDER, PASS, WARNING, Result
from lsip.plans.models import Plan

#: The version of the JSON shape `Report.as_dict` gives.
SCHEMA_VERSION = 1


@dataclass
class Report:
    """Every check's result for one plan, in the checker's order."""

    plan: Plan
    checks: list[Result] = field(default_factory=list)
    checked_at: object = None

    @property
    def worst(self) -> str:
        """ "fail" if any check fails, else "warning" if any warns, else "pass"."""
        return max((c.result for c in self.checks), key=ORDER.__getitem__, default=PASS)

    @property
    def counts(self) -> dict[str, int]:
        return {r: sum(1 for c in self.checks if c.result == r) for r in (PASS, WARNING, FAIL)}

    @property
    def failures(self) -> list[Result]:
        return [c for c in self.checks if c.result == FAIL]

    @property
    def blocking(self) -> list[Result]:
        """The failures that stop submission outright (not merely asking to confirm)."""
        return [c for c in self.failures if c.blocks_submission]

    def summary(self) -> dict:
        """What a lifecycle step keeps of the report: the worst result, the counts and the
        ids of the checks that did not pass."""
        return {
            "worst": self.worst,
            "counts": self.counts,
            "not_passed": {c.id: c.result for c in self.checks if c.result != PASS},
        }

    def as_dict(self) -> dict:
        plan = self.plan
        return {
            "schema": SCHEMA_VERSION,
            "area": plan.area.slug,
            "cycle": plan.cycle.label,
            "plan": {"id": str(plan.pk), "title": plan.title},
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "worst": self.worst,
            "counts": self.counts,
            "checks": [c.as_dict() for c in self.checks],
        }


def check_plan(plan: Plan, ids: list[str] | None = None) -> Report:
    """Run every readiness check (or those named in `ids`) against `plan` as it now stands."""
    plan = Plan.objects.select_related("area", "cycle").get(pk=plan.pk)
    chosen = [c for c in CHECKS if ids is None or c.id in ids]
    return Report(plan, [c.run(plan) for c in chosen], timezone.now())


def check_ids() -> list[str]:
    return [c.id for c in CHECKS]


__all__ = ["FAIL", "PASS", "WARNING", "Report", "Result", "check_ids", "check_plan"]

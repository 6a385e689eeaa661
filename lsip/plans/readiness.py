"""What stands between a plan and its submission, as the plan's own pages show it.

The rules live in one place, the readiness checker (`lsip.approval.checks`, issue 13); this
module gives the plan's pages and the ERB's dashboard the checks that concern the plan's
context (the Strategic Authority's or the local plans' priorities) as `Finding`s, and
`blocking` those that stop the cycle being marked submitted. The full checker is on the
area's readiness page (`lsip.approval.readiness.check_plan`).
"""

from dataclasses import dataclass, field

from lsip.plans.models import ContextLink, Plan


@dataclass(frozen=True)
class Finding:
    """A rule the plan does not yet meet: where the rule is in the guidance, what is wrong,
    the records at fault, and whether it stops the plan being submitted."""

    section: str
    message: str
    items: list = field(default_factory=list)
    blocks_submission: bool = True


def unreflected_local_priorities(plan: Plan) -> list[ContextLink]:
    """The plan's context links to a local priority (the Strategic Authority's sector skills
    priorities or, in a non-devolved area, the local authorities' economic plans) that are
    marked as not reflected, in the plan's order."""
    return list(
        plan.context_links.filter(kind=ContextLink.Kind.STRATEGIC_AUTHORITY, reflected=False)
    )


def strategic_authority_priorities(plan: Plan) -> Finding | None:
    """The checker's `strategic-authority-priorities` check (SG 3.5; SG 2.2 in an area with
    no Strategic Authority) as a finding, when the plan has a priority it does not reflect."""
    from lsip.approval import checks

    result = checks.CHECKS_BY_ID["strategic-authority-priorities"].run(plan)
    if not result.items:
        return None
    section = (
        "statutory guidance, section 3.5"
        if plan.area.is_devolved
        else ("statutory guidance, section 2.2")
    )
    return Finding(
        section=section,
        message=result.found,
        items=result.items,
        blocks_submission=result.blocks_submission,
    )


#: The rules the plan's pages show, in the order their findings are shown.
RULES = [strategic_authority_priorities]


def findings(plan: Plan) -> list[Finding]:
    """Every rule the plan does not yet meet, blocking or not."""
    return [found for rule in RULES if (found := rule(plan)) is not None]


def blocking(plan: Plan) -> list[Finding]:
    """The findings that stop the plan being submitted."""
    return [found for found in findings(plan) if found.blocks_submission]

"""What stands between a plan and its submission: rules that a plan is checked against before
it goes to the Secretary of State through Skills England. Each rule is a plain function of the
plan returning a `Finding` (or None when the plan passes it); `findings` collects them for the
pages, and `blocking` those that stop the cycle being marked submitted.

The readiness checker (issue 13) adds its rules here.
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
    """Statutory guidance 3.5: every LSIP must reflect the Strategic Authority's sector skills
    priorities, or it will not be approved, even when a disagreement between the ERB and the
    Strategic Authority goes to the Secretary of State. So in a devolved area a priority
    marked "not reflected" stops the plan being submitted; the reason given stays on the link
    as the note of the disagreement (3.5 asks for the areas of disagreement to be given to
    Skills England).

    In an area with no Strategic Authority the local priorities come from the local
    authorities' economic plans, which the plan "should" reflect (2.2): a warning that does
    not stop submission (docs/decisions/0020-strategic-authority-priorities.md)."""
    links = unreflected_local_priorities(plan)
    if not links:
        return None
    names = ", ".join(f"“{link.name}”" for link in links)
    area = plan.area
    if area.is_devolved:
        return Finding(
            section="statutory guidance, section 3.5",
            message=(
                f"The plan cannot be submitted: it does not reflect {area.strategic_authority}'s "
                f"sector skills priorit{'ies' if len(links) > 1 else 'y'} {names}. Every LSIP "
                "must reflect the Strategic Authority's sector skills priorities or it will "
                "not be approved (statutory guidance, section 3.5)."
            ),
            items=links,
        )
    return Finding(
        section="statutory guidance, section 2.2",
        message=(
            f"The plan does not reflect the local economic plans' priorit"
            f"{'ies' if len(links) > 1 else 'y'} {names}. A plan should reflect the sector "
            "priorities of the local authorities' economic plans (statutory guidance, "
            "section 2.2)."
        ),
        items=links,
        blocks_submission=False,
    )


#: The rules a plan is checked against, in the order their findings are shown.
RULES = [strategic_authority_priorities]


def findings(plan: Plan) -> list[Finding]:
    """Every rule the plan does not yet meet, blocking or not."""
    return [found for rule in RULES if (found := rule(plan)) is not None]


def blocking(plan: Plan) -> list[Finding]:
    """The findings that stop the plan being submitted."""
    return [found for found in findings(plan) if found.blocks_submission]

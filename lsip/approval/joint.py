"""Joint ownership of the plan (SG 3.5, 3.6): in an area with a Strategic Authority, and in
the Devolution Priority Programme areas whose Strategic Authority is being created, both the
ERB and the Strategic Authority confirm they are content with the plan before it is
submitted. A confirmation is of the plan as it stood at one revision: a later change asks for
it again. In a DPP area the Strategic Authority's confirmation may be deferred until its
mayor is in place (SG 3.6); submission may then go ahead, approval may not.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lsip.accounts.access import can, roles_in
from lsip.accounts.roles import Capability, Role
from lsip.approval.models import Confirmation
from lsip.audit.context import save_as

ERB, SA = Confirmation.Party.ERB, Confirmation.Party.STRATEGIC_AUTHORITY


def needs_joint_confirmation(area) -> bool:
    """SG 3.5 (devolved areas) and SG 3.6 (the six DPP areas): both parties confirm."""
    return area.is_devolved or area.is_devolution_priority


def latest_revision(plan) -> int:
    revision = plan.revisions.first() if plan else None
    return revision.number if revision else 0


@dataclass
class PartyState:
    party: str
    label: str
    confirmation: Confirmation | None
    current: bool  # confirmed (or deferred) for the plan as it now stands

    @property
    def deferred(self) -> bool:
        return bool(self.confirmation and self.confirmation.deferred and self.current)

    @property
    def content(self) -> bool:
        return bool(self.confirmation and not self.confirmation.deferred and self.current)


def state(cycle) -> list[PartyState]:
    """Each party's latest confirmation of the cycle's plan, and whether it still holds."""
    plan = getattr(cycle, "plan", None)
    number = latest_revision(plan)
    parties = [ERB, SA] if needs_joint_confirmation(cycle.area) else [ERB]
    result = []
    for party in parties:
        last = cycle.confirmations.filter(party=party).order_by("-at", "-created_on").first()
        current = bool(last and (last.deferred or last.revision == number))
        result.append(PartyState(party, Confirmation.Party(party).label, last, current))
    return result


def problems_for_submission(cycle) -> list[str]:
    """Why the joint confirmation does not yet allow submission (empty when it does)."""
    if not needs_joint_confirmation(cycle.area):
        return []
    problems = []
    for party in state(cycle):
        if party.content or party.deferred:
            continue
        if party.confirmation is None:
            problems.append(f"The {party.label} has not confirmed it is content with the plan")
        else:
            problems.append(
                f"The {party.label} confirmed version {party.confirmation.revision}; the plan "
                "has changed since, so it must confirm again"
            )
    return problems


def problems_for_approval(cycle) -> list[str]:
    """SG 3.6: the Secretary of State requires both confirmations before approval, so a
    deferred confirmation holds approval back."""
    problems = problems_for_submission(cycle)
    for party in state(cycle):
        if party.deferred:
            problems.append(
                f"The {party.label} deferred its confirmation until its mayor is in place; "
                "the Secretary of State needs it before approving (SG 3.6)"
            )
    return problems


def _party_of(user, area) -> set[str]:
    parties = set()
    roles = roles_in(user, area)
    if can(user, area, Capability.MANAGE_AREA) and (
        Role.ERB_ADMIN in roles or getattr(user, "is_superuser", False)
    ):
        parties.add(ERB)
    if Role.STRATEGIC_AUTHORITY_PARTNER in roles or getattr(user, "is_superuser", False):
        parties.add(SA)
    return parties


def may_confirm(user, area, party: str) -> bool:
    """The ERB's admin confirms for the ERB; a Strategic Authority partner for the SA."""
    return party in _party_of(user, area)


DEFERRAL_ONLY_DPP = (
    "Only the Strategic Authority of a Devolution Priority Programme area may defer its "
    "confirmation until its mayor is in place (SG 3.6)"
)


def why_no_deferral(cycle) -> str:
    """Why the Strategic Authority may not defer its confirmation of the cycle's plan, or ""
    when it may. SG 3.6: "In the four DPP areas that are due to elect a Mayor in May 2026, we
    will exercise flexibility to the timescales of the LSIP approval process ... In the two DPP
    areas that are due to elect a Mayor in 2027, approval of the LSIP will follow the same
    timescales as all other areas." Read as: a deferral may wait for a mayor elected in the
    year the plan is approved, the cycle's first (decision 0062)."""
    area = cycle.area
    if not area.is_devolution_priority:
        return DEFERRAL_ONLY_DPP
    if area.mayor_elected_in is None:
        return (
            f"The year {area.name} first elects its mayor is not recorded with the area yet "
            "(the admin's Areas page), so the confirmation cannot be deferred (SG 3.6)"
        )
    if area.mayor_elected_in != cycle.start_year:
        return (
            f"{area.name} first elects its mayor in {area.mayor_elected_in}, not in "
            f"{cycle.start_year} when this plan is approved: its approval follows the same "
            "timescales as every other area, so the confirmation cannot be deferred (SG 3.6)"
        )
    return ""


def confirm(cycle, party: str, *, actor, note: str = "", deferred: bool = False) -> Confirmation:
    """Record that `party` is content with the plan as it now stands, or (the Strategic
    Authority of a DPP area only) that its confirmation waits for its mayor (SG 3.6)."""
    area = cycle.area
    if not may_confirm(actor, area, party):
        raise PermissionDenied(f"You cannot confirm for the {Confirmation.Party(party).label}")
    if party == SA and not needs_joint_confirmation(area):
        raise ValidationError("This area has no Strategic Authority to confirm the plan")
    if deferred:
        refusal = why_no_deferral(cycle) if party == SA else DEFERRAL_ONLY_DPP
        if refusal:
            raise ValidationError(refusal)
        if not note.strip():
            raise ValidationError({"note": "Say why the confirmation is deferred, and until when"})
    plan = getattr(cycle, "plan", None)
    if plan is None:
        raise ValidationError("The cycle has no plan to confirm")
    confirmation = Confirmation(
        area=area,
        cycle=cycle,
        party=party,
        deferred=deferred,
        revision=latest_revision(plan),
        at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note.strip(),
    )
    return save_as(actor, confirmation)


def deferral_statement(cycle) -> str:
    """What the plan says when the Strategic Authority's confirmation is deferred (SG 3.6),
    for the plan's pages and its document; empty otherwise."""
    for party in state(cycle):
        if party.deferred:
            return (
                f"{cycle.area.name} is a Devolution Priority Programme area. The Strategic "
                "Authority's confirmation that it is content with this plan is deferred until "
                f"its mayor is in place: {party.confirmation.note}"
            )
    return ""

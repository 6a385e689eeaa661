"""The ERB's LSIP grant and LSIF endorsements (LSIP Stage 2 guidance 2 and 3.5)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from lsip.audit.context import acting_as
from lsip.governance.models import Grant, GrantClaim, LsifBid

#: Stage 2 guidance 2 (the first LSIP, 2022-2025): "The total of the funding from both stages
#: (i.e., stages 1 and 2) must not exceed £550,000", and for Greater London £1,100,000. The
#: 2025 guidance sets no figure for the new cycle: its grants have the cap their terms give.
FIRST_LSIP_START_YEAR = 2022
FIRST_LSIP_CAP = Decimal("550000")
FIRST_LSIP_LONDON_CAP = Decimal("1100000")


def first_lsip_cap(area, cycle) -> Decimal | None:
    """The cap Stage 2 guidance 2 set on the first LSIP's grant; None for any other cycle."""
    if cycle.start_year != FIRST_LSIP_START_YEAR:
        return None
    return FIRST_LSIP_LONDON_CAP if area.slug == "greater-london" else FIRST_LSIP_CAP


def open_grant(area, cycle, *, actor) -> Grant:
    """The grant of a cycle, created with the first LSIP's cap where that applies."""
    with transaction.atomic(), acting_as(actor):
        grant, _ = Grant.objects.get_or_create(
            area=area, cycle=cycle, defaults={"cap": first_lsip_cap(area, cycle)}
        )
    return grant


def set_cap(grant: Grant, cap, *, actor) -> Grant:
    """Set the grant's cap (None: no figure), never below what is already claimed."""
    cap = None if cap in (None, "") else Decimal(str(cap))
    if cap is not None and cap < 0:
        raise ValidationError({"cap": "A cap is £0 or more"})
    total = claimed(grant)
    if cap is not None and cap < total:
        raise ValidationError(
            {"cap": f"£{total:,.2f} is already claimed: the cap cannot be below that"}
        )
    with transaction.atomic(), acting_as(actor):
        grant.cap = cap
        grant.full_clean()
        grant.save()
    return grant


def claimed(grant: Grant) -> Decimal:
    """The total of the grant's claims, leaving out withdrawn ones."""
    claims = grant.claims.filter(withdrawn_on__isnull=True)
    return claims.aggregate(total=Sum("amount"))["total"] or Decimal("0")


def add_claim(
    grant: Grant, *, stage: str, amount, claimed_on, description: str = "", actor
) -> GrantClaim:
    """Record a claim, refusing one that would take the total past the grant's cap."""
    amount = Decimal(str(amount))
    if amount <= 0:
        raise ValidationError({"amount": "A claim is for more than £0"})
    with transaction.atomic(), acting_as(actor):
        grant = Grant.objects.select_for_update().get(pk=grant.pk)  # one claim at a time
        total = claimed(grant) + amount
        if grant.cap is not None and total > grant.cap:
            raise ValidationError(
                {
                    "amount": f"This claim would bring the total to £{total:,.2f}, above the "
                    f"£{grant.cap:,.0f} the grant allows across its stages"
                }
            )
        claim = GrantClaim(
            grant=grant, stage=stage, amount=amount, claimed_on=claimed_on, description=description
        )
        claim.full_clean()
        claim.save()
    return claim


class JointBidRequiredError(ValidationError):
    """More than one LSIF application is proposed for the area: the ERB endorses neither."""


def competing_bids(bid: LsifBid):
    """Other applications still proposed in the bid's area and cycle (those already asked to
    join a joint bid are superseded by it)."""
    return LsifBid.objects.filter(
        area=bid.area,
        cycle=bid.cycle,
        status=LsifBid.Status.PROPOSED,
        withdrawn_on__isnull=True,
    ).exclude(pk=bid.pk)


def check_single_bid(bid: LsifBid, *, actor) -> None:
    """Stage 2 guidance 3.5: where more than one application is proposed in an area, the ERB
    should endorse neither but ask the providers to submit a joint bid. Records that on every
    bid concerned and raises JointBidRequiredError: call it outside any transaction of the
    caller's, or the record is rolled back with the error."""
    others = list(competing_bids(bid))
    if not others:
        return
    names = ", ".join(sorted({b.provider.name for b in [bid, *others]}))
    note = (
        f"More than one application proposed ({names}): the providers are asked to submit "
        "a joint bid"
    )
    with transaction.atomic(), acting_as(actor):
        for each in [bid, *others]:
            each.status = LsifBid.Status.JOINT_BID_ASKED
            each.note = note
            each.save()
    raise JointBidRequiredError(note)

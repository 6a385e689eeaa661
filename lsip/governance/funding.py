"""The ERB's LSIP grant and LSIF endorsements (LSIP Stage 2 guidance 1 and 3.5)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from lsip.audit.context import acting_as
from lsip.governance.models import Grant, GrantClaim, LsifBid

#: Stage 2 guidance 1: the total across stages 1 and 2 may not exceed £550,000; for Greater
#: London, £1,100,000.
GRANT_CAP = Decimal("550000")
LONDON_GRANT_CAP = Decimal("1100000")


def grant_cap(area) -> Decimal:
    return LONDON_GRANT_CAP if area.slug == "greater-london" else GRANT_CAP


def claimed(grant: Grant) -> Decimal:
    return grant.claims.aggregate(total=Sum("amount"))["total"] or Decimal("0")


def add_claim(
    grant: Grant, *, stage: str, amount, claimed_on, description: str = "", actor
) -> GrantClaim:
    """Record a claim, refusing one that would take the total past the cap."""
    amount = Decimal(str(amount))
    if amount <= 0:
        raise ValidationError({"amount": "A claim is for more than £0"})
    cap = grant_cap(grant.area)
    with transaction.atomic(), acting_as(actor):
        total = claimed(grant) + amount
        if total > cap:
            raise ValidationError(
                {
                    "amount": f"This claim would bring the total to £{total:,.2f}, above the "
                    f"£{cap:,.0f} the grant allows across its stages"
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

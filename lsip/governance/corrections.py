"""Correcting the board's records after they are recorded: an agenda item, a paper, a
declaration, a decision, a grant claim or an LSIF bid can be changed, or withdrawn. A
withdrawn record is kept, marked with the date and the reason, and recorded in the audit
trail; it is never deleted, and it stops counting (a withdrawn claim leaves the grant's
total, a withdrawn bid no longer competes, a withdrawn decision no longer agrees a schedule
or endorses a bid)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.audit.context import acting_as
from lsip.governance.funding import claimed
from lsip.governance.models import (
    AgendaItem,
    Decision,
    Declaration,
    Grant,
    GrantClaim,
    LsifBid,
    Paper,
    Withdrawable,
)

#: What a change may touch on each kind of record: a decision's question is corrected, its
#: votes and outcome never (they are withdrawn, and the board decides again).
CHANGEABLE = {
    AgendaItem: ("title", "position"),
    Paper: ("title",),
    Declaration: ("description",),
    Decision: ("question",),
    GrantClaim: ("stage", "amount", "claimed_on", "description"),
    LsifBid: ("title", "proposed_on", "note"),
}


def withdraw(record: Withdrawable, *, reason: str, on: date | None = None, actor) -> None:
    """Mark `record` withdrawn on `on` (today by default) for `reason`."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why it is withdrawn"})
    if record.withdrawn:
        raise ValidationError(f"Already withdrawn on {record.withdrawn_on:%-d %B %Y}")
    if isinstance(record, Decision) and record.kind == Decision.Kind.CHAIR_ELECTION:
        raise ValidationError(
            "An election of the chair cannot be withdrawn: the board elects another chair"
        )
    with transaction.atomic(), acting_as(actor):
        record.withdrawn_on = on or date.today()
        record.withdrawn_reason = reason
        record.save()
        if isinstance(record, Decision) and record.lsif_bid_id:
            bid = record.lsif_bid
            if bid.status in (LsifBid.Status.ENDORSED, LsifBid.Status.NOT_ENDORSED):
                bid.status = LsifBid.Status.PROPOSED
                bid.note = f"The board's decision was withdrawn: {reason}"
                bid.save()


def change(record: Withdrawable, *, actor) -> None:
    """Save a change to a recorded item, with the rules of its kind: a withdrawn record is
    not changed; a claim still keeps the grant within its cap."""
    if record.withdrawn:
        raise ValidationError("A withdrawn record is kept as it was: it cannot be changed")
    with transaction.atomic(), acting_as(actor):
        if isinstance(record, GrantClaim):
            _check_cap(record)
        record.full_clean()
        record.save()


def _check_cap(claim: GrantClaim) -> None:
    grant = Grant.objects.select_for_update().get(pk=claim.grant_id)
    others = claimed(grant) - (
        GrantClaim.objects.get(pk=claim.pk).amount if claim.pk else Decimal("0")
    )
    total = others + Decimal(str(claim.amount))
    if grant.cap is not None and total > grant.cap:
        raise ValidationError(
            {
                "amount": f"This would bring the total to £{total:,.2f}, above the "
                f"£{grant.cap:,.0f} the grant allows across its stages"
            }
        )

"""The designation of an area's ERB (SG Annex C): the Secretary of State designates one body
to lead an area's LSIP, from an effective date and on published terms and conditions, and may
remove it. One designation of an area is in force at a time."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q

from lsip.audit.context import save_as
from lsip.governance.models import Designation


def current(area, on: date | None = None) -> Designation | None:
    """The designation of `area` in force on `on` (today by default)."""
    on = on or date.today()
    return (
        Designation.objects.filter(area=area, effective_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .order_by("-effective_on")
        .first()
    )


def record(designation: Designation, *, actor) -> Designation:
    """Record or change a designation: it ends after it starts and overlaps no other
    designation of the area."""
    if designation.ended_on and designation.ended_on < designation.effective_on:
        raise ValidationError({"ended_on": "A designation ends after its effective date"})
    others = Designation.objects.filter(area=designation.area).exclude(pk=designation.pk)
    end = designation.ended_on
    overlapping = others.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=designation.effective_on)
    )
    if end is not None:
        overlapping = overlapping.filter(effective_on__lte=end)
    clash = overlapping.first()
    if clash is not None:
        raise ValidationError(
            f"{clash} is in force over these dates: end it first (one designated ERB an area)"
        )
    return save_as(actor, designation)

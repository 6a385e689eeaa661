"""Merging two records of the same organisation, as imports and hand entry make them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as, current_actor
from lsip.audit.models import AuditEntry
from lsip.engagement.models import SkillsNeed
from lsip.organisations.models import Organisation

#: Fields of `keep` that take `merge`'s value when keep's is blank.
FILLED_FIELDS = (
    "website",
    "companies_house_number",
    "ukprn",
    "local_authority",
    "description",
    "size_band",
    "ownership",
    "sic_code",
    "sic_source",
    "erb_member",
)


def _blank(value):
    return value is None or value == ""


def merge_organisations(*, keep: Organisation, merge: Organisation, actor) -> dict:
    """Move `merge`'s engagements, skills needs and contacts to `keep`, fill keep's blank
    fields from merge, and archive merge with a note saying where it went: all or nothing,
    and all of it in the audit trail. Returns how many of each moved."""
    if keep.pk == merge.pk:
        raise ValidationError("Choose two different records to merge")
    if keep.area_id != merge.area_id:
        raise ValidationError("Both records must be in the same area")
    if merge.archived_on or keep.archived_on:
        raise ValidationError("An archived record cannot be merged")
    with transaction.atomic(), acting_as(actor):
        keep = Organisation.objects.select_for_update().get(pk=keep.pk)
        merge = Organisation.objects.select_for_update().get(pk=merge.pk)
        engagements = list(merge.engagements.all())
        for engagement in engagements:
            engagement.organisations.remove(merge)
            engagement.organisations.add(keep)
        needs = list(SkillsNeed.objects.filter(organisation=merge))
        for need in needs:
            need.organisation = keep
            need.save()
        contacts = list(merge.contacts.all())
        for contact in contacts:
            contact.organisation = keep
            contact.save()
        filled = [
            f for f in FILLED_FIELDS if _blank(getattr(keep, f)) and not _blank(getattr(merge, f))
        ]
        taken = {f: getattr(merge, f) for f in filled}
        note = f"Merged into {keep.name} on {timezone.localdate():%d %B %Y}."
        merge.description = f"{merge.description}\n\n{note}".strip()
        merge.archived_on = timezone.now()
        if "companies_house_number" in taken:
            merge.companies_house_number = ""  # one record per company number in an area
        merge.save()
        for field, value in taken.items():
            setattr(keep, field, value)
        if filled:
            keep.full_clean()
            keep.save()
        keep.sectors.add(*merge.sectors.all())
        moved = {
            "engagements": len(engagements),
            "skills_needs": len(needs),
            "contacts": len(contacts),
            "fields_filled": filled,
        }
        who, label = current_actor()
        AuditEntry.objects.create(
            area_id=keep.area_id,
            actor=who,
            actor_label=label[:200],
            action=AuditEntry.Action.UPDATE,
            model=Organisation._meta.label,
            object_id=str(keep.pk),
            object_repr=str(keep)[:300],
            changes={
                "merged_from": [None, merge.name],
                "engagements_moved": [None, moved["engagements"]],
                "skills_needs_moved": [None, moved["skills_needs"]],
                "contacts_moved": [None, moved["contacts"]],
            },
        )
    return moved

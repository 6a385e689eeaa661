"""Contacts: the people at organisations. Personal data under UK GDPR, so besides adding and
changing them there are the two data-protection requests: give a person everything held about
them (right of access), and erase them while the evidence they gave stays, anonymised."""

from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as, current_actor
from lsip.audit.models import AuditEntry
from lsip.organisations.models import Contact

#: The fields that identify a person; erasure blanks them and redacts them in the trail.
PERSONAL_FIELDS = ("name", "job_title", "email", "phone", "notes")
ERASED = "[erased]"
CONTACT_MODEL = Contact._meta.label


def save_contact(*, contact: Contact, actor) -> Contact:
    """Validate and save a new or changed contact; the audit trail records who did it."""
    if contact.erased_on:
        raise ValueError("An erased contact cannot be changed")
    contact.full_clean()
    with transaction.atomic(), acting_as(actor):
        contact.save()
    return contact


def audit_entries_about(contact: Contact):
    return AuditEntry.objects.filter(model=CONTACT_MODEL, object_id=str(contact.pk)).order_by(
        "at", "id"
    )


def export_contact(contact: Contact) -> dict:
    """Everything held about one person (a subject access request): the contact record and
    every audit-trail entry about it."""
    return {
        "contact": {
            "id": str(contact.pk),
            "organisation": contact.organisation.name,
            **{name: getattr(contact, name) for name in PERSONAL_FIELDS},
            "created_on": contact.created_on.isoformat(),
            "modified_on": contact.modified_on.isoformat(),
            "erased_on": contact.erased_on.isoformat() if contact.erased_on else None,
        },
        "audit_trail": [
            {
                "at": entry.at.isoformat(),
                "by": entry.actor_label,
                "action": entry.action,
                "record": entry.object_repr,
                "changes": entry.changes,
            }
            for entry in audit_entries_about(contact)
        ],
    }


def erase_contact(*, contact: Contact, actor) -> Contact:
    """Erase a person on request (UK GDPR article 17).

    Their personal fields are blanked and their values redacted in every audit entry about
    them and in the rows imported from survey files; the organisation, its engagements and
    skills needs, and the counts stay. The erasure itself is recorded in the trail, without
    the data.
    """
    from lsip.engagement.services import erase_from_imported_rows

    now = timezone.now()
    with transaction.atomic():
        erase_from_imported_rows(
            organisation=contact.organisation,
            values=[getattr(contact, name) for name in PERSONAL_FIELDS],
            erased=ERASED,
        )
        Contact.objects.filter(pk=contact.pk).update(
            **{name: "" for name in PERSONAL_FIELDS}, erased_on=now, modified_on=now
        )
        for entry in audit_entries_about(contact).select_for_update():
            entry.changes = {
                name: [ERASED if v not in (None, "") else v for v in values]
                if name in PERSONAL_FIELDS
                else values
                for name, values in entry.changes.items()
            }
            entry.object_repr = ERASED
            entry.save(update_fields=["changes", "object_repr"])
        with acting_as(actor):
            who, label = current_actor()
        AuditEntry.objects.create(
            area=contact.organisation.area,
            actor=who,
            actor_label=label[:200],
            action=AuditEntry.Action.UPDATE,
            model=CONTACT_MODEL,
            object_id=str(contact.pk),
            object_repr=f"Contact at {contact.organisation.name} erased on request"[:300],
            changes={"erased_on": [None, now.isoformat()]},
        )
    contact.refresh_from_db()
    return contact

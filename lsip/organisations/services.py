"""Creating, changing and archiving organisations in an area's directory."""

from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as, save_as
from lsip.organisations.models import Organisation


def save_organisation(*, organisation: Organisation, actor, sectors=None) -> Organisation:
    """Validate and save a new or changed organisation and, when given, the sectors it is in;
    the audit trail records who did it."""
    with transaction.atomic():
        save_as(actor, organisation)
        if sectors is not None:
            with acting_as(actor):
                organisation.sectors.set(sectors)
    return organisation


def archive_organisation(*, organisation: Organisation, actor) -> Organisation:
    """Take an organisation out of the directory without losing it or its history."""
    organisation.archived_on = timezone.now()
    with transaction.atomic(), acting_as(actor):
        organisation.save(update_fields=["archived_on", "modified_on"])
    return organisation

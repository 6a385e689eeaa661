"""The national sectors every area shares, and the sectors visible to an area."""

from django.db import transaction
from django.db.models import Q

from lsip.audit.context import acting_as
from lsip.sectors.models import Sector

#: SG 2.1: the eight growth-driving sectors and the two foundation sectors.
NATIONAL_SECTORS = [
    ("Advanced manufacturing", Sector.Kind.GROWTH),
    ("Clean energy industries", Sector.Kind.GROWTH),
    ("Creative industries", Sector.Kind.GROWTH),
    ("Defence", Sector.Kind.GROWTH),
    ("Digital and technologies", Sector.Kind.GROWTH),
    ("Financial services", Sector.Kind.GROWTH),
    ("Life sciences", Sector.Kind.GROWTH),
    ("Professional and business services", Sector.Kind.GROWTH),
    ("Construction", Sector.Kind.FOUNDATION),
    ("Health and social care", Sector.Kind.FOUNDATION),
]


def sync_national_sectors() -> int:
    created = 0
    with transaction.atomic(), acting_as(None, "lsip: Industrial Strategy sectors (SG 2.1)"):
        for name, kind in NATIONAL_SECTORS:
            _, made = Sector.objects.get_or_create(area=None, name=name, defaults={"kind": kind})
            created += made
    return created


def sync_national_sectors_after_migrate(sender, **kwargs):
    sync_national_sectors()


def sectors_for(area):
    """The national sectors and the area's own."""
    return Sector.objects.filter(Q(area__isnull=True) | Q(area=area))

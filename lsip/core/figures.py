"""Area-wide figures kept between requests until the area's records change (issue 17, item 9).

The breadth of engagement (SG 5.1) and the dashboard's count of employers engaged are read
by everyone working on an area, page after page, and take tens of database queries over every
employer of the area; they change only when a record of the area changes. Every change of a
domain record, whatever path it takes (a page, the API, the admin, the CLI, a bulk import),
writes an audit entry (lsip.audit.recorder, lsip.engagement.imports.bulk), so the newest
audit entry of the area, and the newest one of no area (national sectors, the ONS and Nomis
datasets), say whether anything changed: figures are kept under a key holding both, and a
change makes a new key. Reading the two entries is two index look-ups.

Figures are kept in Django's cache (each process its own, unless CACHES says otherwise) for
at most `KEEP_SECONDS` as well, in case a change bypasses the trail.
"""

from django.core.cache import cache
from django.db.models import OuterRef, Subquery

from lsip.areas.models import Area
from lsip.audit.models import AuditEntry

#: The longest a figure is kept even when no change is seen.
KEEP_SECONDS = 600


def _stamp(newest) -> str:
    return f"{newest[0]}@{newest[1].timestamp()}" if newest and newest[0] else "-"


def change_stamp(area) -> str:
    """The newest audit entry of `area` and the newest of no area, as text: the id and the
    time (a database rolled back may hand out an id again, never the same time too)."""
    parts = []
    for scope in (area.pk, None):
        newest = (
            AuditEntry.objects.filter(area_id=scope).order_by("-id").values_list("id", "at").first()
        )
        parts.append(_stamp(newest))
    return "/".join(parts)


def change_stamps(areas) -> dict:
    """Area id -> `change_stamp` of each of `areas`, and None -> the newest entry of no area
    alone, in two queries whatever the number of areas (each area's newest entry is an index
    look-up in a subquery)."""
    newest = AuditEntry.objects.filter(area_id=OuterRef("pk")).order_by("-id")
    rows = (
        Area.objects.filter(pk__in=[a.pk for a in areas])
        .annotate(newest=Subquery(newest.values("id")[:1]), at=Subquery(newest.values("at")[:1]))
        .values_list("pk", "newest", "at")
    )
    national = _stamp(
        AuditEntry.objects.filter(area_id=None).order_by("-id").values_list("id", "at").first()
    )
    stamps = {pk: f"{_stamp((n, at))}/{national}" for pk, n, at in rows}
    stamps[None] = national
    return stamps


def kept(area, name: str, compute, *parts):
    """`compute()`, or what it gave last time for `area`, `name` and `parts` (plain values,
    e.g. a cycle's key) if nothing in the area has changed since."""
    key = ":".join(str(p) for p in ("lsip-figures", area.pk, name, *parts, change_stamp(area)))
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, KEEP_SECONDS)
    return value

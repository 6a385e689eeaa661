"""Scheduled work (clean-up of old uploads, reminder rounds), started by the worker.

settings.LSIP_SCHEDULE maps a name to {"kind": job kind, "every_minutes": N, "title": ...}.
Time is cut into slots of N minutes; the first worker to claim a slot (ScheduledRun, unique
per name and slot) queues the job, so several workers never start it twice."""

from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from lsip.jobs.models import ScheduledRun
from lsip.jobs.services import enqueue


def slot_of(now: datetime, every_minutes: int) -> datetime:
    period = max(1, int(every_minutes)) * 60
    return datetime.fromtimestamp(int(now.timestamp()) // period * period, UTC)


def start_due(now=None) -> list:
    """Queue each scheduled job whose current slot has not been started; returns the jobs."""
    now = now or timezone.now()
    started = []
    for name, entry in settings.LSIP_SCHEDULE.items():
        slot = slot_of(now, entry["every_minutes"])
        if ScheduledRun.objects.filter(name=name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(name=name, slot=slot)
                run.job = enqueue(kind=entry["kind"], title=entry.get("title", name))
                run.save(update_fields=["job"])
        except IntegrityError:
            continue
        started.append(run.job)
    return started

"""Uploaded files are kept no longer than their jobs need them.

A job deletes its upload when it succeeds. A failed job keeps it so that its owner can retry,
until LSIP_UPLOAD_RETENTION_DAYS after the job's end; an upload that was never imported (the
person stopped at the mapping or the preview) goes LSIP_ABANDONED_UPLOAD_HOURS (24) after its
last change. The files jobs made (a coded spreadsheet) go after the
same time."""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from lsip.jobs.models import Job
from lsip.jobs.services import jobs_dir, remove


def _old(path: Path, before) -> bool:
    return path.stat().st_mtime < before.timestamp()


def clean_uploads(now=None) -> int:
    """Delete uploads no job needs any more; returns how many were deleted."""
    from lsip.engagement.imports.uploads import imports_root

    now = now or timezone.now()
    before = now - timedelta(days=settings.LSIP_UPLOAD_RETENTION_DAYS)
    deleted = 0
    ended = Job.objects.filter(state__in=Job.ENDED, finished_at__lt=before)
    for job in ended.exclude(upload=""):
        remove(job.upload)
        Job.objects.filter(pk=job.pk).update(upload="")
        deleted += 1
    for job in ended.exclude(result_file=""):
        remove(Path(job.result_file).parent)
        Job.objects.filter(pk=job.pk).update(result_file="")
    # Every upload a job still holds is in use, whatever the age of its folder; one that no
    # job holds was abandoned (the person stopped at the mapping or the preview) and goes
    # after a day: it holds personal data nobody imported.
    in_use = {
        Path(p).resolve() for p in Job.objects.exclude(upload="").values_list("upload", flat=True)
    }
    abandoned = now - timedelta(hours=settings.LSIP_ABANDONED_UPLOAD_HOURS)
    folders = [*(jobs_dir() / "uploads").glob("*"), *imports_root().glob("*/*")]
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in in_use and _old(folder, abandoned):
            remove(folder)
            deleted += 1
    return deleted

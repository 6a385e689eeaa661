"""Start, run, retry and tidy up jobs. Pages, the API, the CLI's `lsip worker` and the tests all
go through these functions, so a job behaves the same whoever starts it."""

import logging
import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lsip.audit.context import acting_as
from lsip.jobs import registry
from lsip.jobs.models import Job
from lsip.jobs.progress import Progress

logger = logging.getLogger(__name__)


def jobs_dir() -> Path:
    """Where uploads waiting for their job and the files jobs make are kept."""
    return Path(settings.DATA_DIR) / "jobs"


def upload_folder(job_or_token) -> Path:
    """A new folder for the file a job will read; the job deletes it when it succeeds."""
    folder = jobs_dir() / "uploads" / str(job_or_token)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_upload(uploaded, kind: str) -> Path:
    """Keep a file from a form (Django UploadedFile), for a job of `kind`, in a new folder of
    its own; return its path."""
    from lsip.engagement.imports.uploads import safe_name

    path = upload_folder(f"{kind}-{uuid.uuid4().hex}") / safe_name(uploaded.name)
    with path.open("wb") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    return path


def enqueue(*, kind: str, title: str, area=None, user=None, params=None, upload="") -> Job:
    """Record a job and queue it for the worker; returns at once."""
    registry.kind(kind)  # an unknown kind fails here, not in the worker
    with transaction.atomic():
        job = Job.objects.create(
            area=area,
            kind=kind,
            title=title[:300],
            started_by=user if getattr(user, "is_authenticated", False) else None,
            params=params or {},
            upload=str(upload),
            queued_at=timezone.now(),
            stage="Waiting for the worker",
        )
        resend(job)
    return job


def resend(job: Job) -> None:
    """Give a queued job a (new) django-tasks task to run it."""
    from lsip.jobs.tasks import run_job

    result = run_job.enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)


class RetryRefusedError(Exception):
    """The job cannot be retried; the message says why."""


def retry(job: Job, user) -> Job:
    """Queue a failed job again, for the person who started it (its upload must still be kept)."""
    if job.state != Job.State.FAILED:
        raise RetryRefusedError("Only a failed job can be retried")
    if job.started_by_id is None or job.started_by_id != getattr(user, "pk", None):
        raise RetryRefusedError("Only the person who started this job can retry it")
    if job.upload and not Path(job.upload).exists():
        raise RetryRefusedError("The uploaded file is no longer kept: upload it again")
    with transaction.atomic():
        updated = Job.objects.filter(pk=job.pk, state=Job.State.FAILED).update(
            state=Job.State.QUEUED,
            queued_at=timezone.now(),
            started_at=None,
            finished_at=None,
            stage="Waiting for the worker",
            done=0,
            total=0,
            error="",
            problems=[],
            worker="",
            link="",
            link_text="",
        )
        if not updated:
            raise RetryRefusedError("This job has been retried already")
        job.refresh_from_db()
        resend(job)
    return job


def execute(job_id, worker_id: str = "") -> str:
    """Run one queued job: claim it (so no other worker can run it at the same time), call its
    runner, and record how it ended. Returns the job's final state."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED).update(
        state=Job.State.RUNNING,
        worker=worker_id[:120],
        started_at=now,
        modified_on=now,
        attempts=F("attempts") + 1,
        stage="Starting",
        done=0,
        total=0,
    )
    if not claimed:
        return Job.objects.filter(pk=job_id).values_list("state", flat=True).first() or ""
    job = Job.objects.select_related("area", "started_by").get(pk=job_id)
    try:
        state, fields = _run(job)
        _finish(job, worker_id, state, **fields)
    except BaseException:
        # Whatever happened (a kind no longer known, a result too long to store, the worker
        # told to stop at once), the job does not stay "running" with its worker alive.
        _finish(job, worker_id, Job.State.FAILED, error=UNEXPECTED)
        raise
    if state == Job.State.DONE:
        _delete_upload(job)
    return state


UNEXPECTED = (
    "The job stopped on an unexpected error, which has been logged for the site's "
    "administrators. Nothing was saved: retry the job, or tell them if it fails again."
)


def _run(job: Job):
    """Call the job's runner: (final state, fields to record)."""
    try:
        runner = registry.kind(job.kind).run
        with acting_as(job.started_by, None if job.started_by else f"job {job.kind}"):
            outcome = runner(job, Progress(job))
    except registry.JobRejectedError as rejected:
        return Job.State.FAILED, {
            "error": str(rejected),
            "problems": [p.as_dict() for p in rejected.problems],
            "link": rejected.link,
            "link_text": rejected.link_text,
        }
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        return Job.State.FAILED, {"error": UNEXPECTED}
    return Job.State.DONE, {
        "summary": outcome.summary,
        "link": outcome.link,
        "link_text": outcome.link_text,
        "result_file": outcome.result_file,
    }


def _finish(job: Job, worker_id: str, state, **fields) -> None:
    """Record how the job ended, unless another worker has been given it since (a retry)."""
    now = timezone.now()
    values = {"state": state, "finished_at": now, "modified_on": now, **fields}
    if state == Job.State.DONE:
        values.update(
            stage="Finished", done=max(job.total, job.done), total=max(job.total, job.done)
        )
    else:
        values["stage"] = "Stopped"
    for name in ("summary", "link", "link_text", "result_file", "stage"):
        if name in values:
            values[name] = str(values[name])[: Job._meta.get_field(name).max_length or None]
    Job.objects.filter(pk=job.pk, worker=worker_id[:120]).update(**values)
    job.refresh_from_db()


def _delete_upload(job: Job) -> None:
    if job.upload:
        remove(job.upload)
        Job.objects.filter(pk=job.pk).update(upload="")
        job.upload = ""


def remove(path) -> None:
    """Delete a kept file or folder, if it is still there."""
    path = Path(path)
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)

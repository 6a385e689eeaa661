"""Workers and the jobs they leave behind.

Each `lsip worker` records itself (WorkerProcess) and says it is alive every few seconds. A
job still marked running whose worker has stopped saying so, or whose process on this machine
has gone (killed, crashed, the machine restarted), is marked failed: its writes were one
transaction, so nothing of it was kept, and its owner can retry it."""

import os
import socket
import uuid
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from lsip.jobs.models import Job, WorkerProcess

_current = {"id": ""}


def current_worker_id() -> str:
    """This process's worker id, also when jobs run in-process (tests, the benchmark)."""
    return _current["id"] or f"{socket.gethostname()}:{os.getpid()}"


def register_worker() -> WorkerProcess:
    """Record this process as a worker. Its id is unique even where host names and process
    ids repeat (containers restarted with the same host name and pid 1)."""
    _current["id"] = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    return beat(_current["id"], started=True)


def beat(worker_id: str, started: bool = False) -> WorkerProcess:
    """Say the worker is alive (recording it again if another worker took it for gone)."""
    now = timezone.now()
    defaults = {"hostname": socket.gethostname(), "pid": os.getpid(), "heartbeat": now}
    if started:
        defaults["started_at"] = now
    worker, _ = WorkerProcess.objects.update_or_create(
        id=worker_id, defaults=defaults, create_defaults={**defaults, "started_at": now}
    )
    return worker


def unregister_worker(worker_id: str) -> None:
    WorkerProcess.objects.filter(id=worker_id).delete()


def _alive_here(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stopped_workers(now=None, me: str = "") -> set[str]:
    """Ids of workers that are gone: silent for longer than LSIP_WORKER_STALE_SECONDS, or a
    process on this machine that no longer exists. The asking worker (`me`) is never gone."""
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.LSIP_WORKER_STALE_SECONDS)
    host = socket.gethostname()
    gone = set()
    for worker in WorkerProcess.objects.exclude(id=me):
        if worker.heartbeat < stale_before:
            gone.add(worker.id)
        elif worker.hostname == host and not _alive_here(worker.pid):
            gone.add(worker.id)
    return gone


def fail_abandoned_jobs(now=None, me: str = "") -> list[Job]:
    """Mark failed every running job whose worker has stopped, and queue again every queued
    job whose task was taken by a worker that stopped before it began; returns the failed."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    gone = stopped_workers(now, me)
    known = set(WorkerProcess.objects.values_list("id", flat=True)) | {me}
    abandoned = [
        job
        for job in Job.objects.filter(state=Job.State.RUNNING)
        if job.worker in gone or job.worker not in known
    ]
    _requeue_tasks_lost_before_start(gone, known)
    for job in abandoned:
        updated = Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, worker=job.worker).update(
            state=Job.State.FAILED,
            finished_at=now,
            modified_on=now,
            stage="Stopped",
            error=(
                "The worker running this job stopped before it finished. Nothing was changed: "
                "retry the job."
            ),
        )
        if updated and job.task_id:
            DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
                status="FAILED", finished_at=now
            )
    WorkerProcess.objects.filter(id__in=gone).delete()
    return abandoned


def _requeue_tasks_lost_before_start(gone: set, known: set) -> None:
    """A worker can stop between taking a task and claiming its job: the job is still queued
    but its task will never run. Give it a new task."""
    from django_tasks_db.models import DBTaskResult

    from lsip.jobs.services import resend

    queued = {str(job.task_id): job for job in Job.objects.filter(state=Job.State.QUEUED)}
    taken = DBTaskResult.objects.filter(id__in=list(queued)).exclude(status="READY")
    for task in taken:
        holder = (task.worker_ids or [""])[-1]
        if task.status != "RUNNING" or holder in gone or holder not in known:
            resend(queued[str(task.id)])

"""Workers and the jobs they leave behind.

Each `lsip worker` records itself (WorkerProcess) and says it is alive every few seconds. A
job still marked running whose worker has stopped saying so, or whose process on this machine
has gone (killed, crashed, the machine restarted), is marked failed: its writes were one
transaction, so nothing of it was kept, and its owner can retry it."""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from lsip.jobs.models import Job, WorkerProcess

_current = {"id": ""}


def current_worker_id() -> str:
    """This process's worker id (host:pid), also when jobs run in-process (tests, `--now`)."""
    return _current["id"] or f"{socket.gethostname()}:{os.getpid()}"


def register_worker() -> WorkerProcess:
    now = timezone.now()
    worker_id = f"{socket.gethostname()}:{os.getpid()}"
    _current["id"] = worker_id
    worker, _ = WorkerProcess.objects.update_or_create(
        id=worker_id,
        defaults={
            "hostname": socket.gethostname(),
            "pid": os.getpid(),
            "started_at": now,
            "heartbeat": now,
        },
    )
    return worker


def beat(worker_id: str) -> None:
    WorkerProcess.objects.filter(id=worker_id).update(heartbeat=timezone.now())


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


def stopped_workers(now=None) -> set[str]:
    """Ids of workers that are gone: silent for longer than LSIP_WORKER_STALE_SECONDS, or a
    process on this machine that no longer exists."""
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.LSIP_WORKER_STALE_SECONDS)
    host = socket.gethostname()
    gone = set()
    for worker in WorkerProcess.objects.all():
        if worker.heartbeat < stale_before:
            gone.add(worker.id)
        elif worker.hostname == host and not _alive_here(worker.pid):
            gone.add(worker.id)
    return gone


def fail_abandoned_jobs(now=None) -> list[Job]:
    """Mark failed every running job whose worker has stopped; returns them."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    gone = stopped_workers(now)
    known = set(WorkerProcess.objects.values_list("id", flat=True))
    abandoned = [
        job
        for job in Job.objects.filter(state=Job.State.RUNNING)
        if job.worker in gone or job.worker not in known
    ]
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

"""`lsip worker`: runs queued jobs with django-tasks' database worker, and beside it a thread
that says the worker is alive, fails the jobs of workers that have stopped, and starts the
scheduled work."""

import logging
import os
import signal
import threading

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Worker

from lsip.jobs import schedule, workers

logger = logging.getLogger(__name__)


class _Housekeeping(threading.Thread):
    def __init__(self, worker_id: str, every: float, parent: int | None):
        super().__init__(name="lsip-worker-housekeeping", daemon=True)
        self.worker_id, self.every, self.parent = worker_id, every, parent
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(self.every):
            if self.parent is not None and os.getppid() != self.parent:
                # The server this worker was started beside has gone: stop after the job in
                # hand, as on Ctrl+C.
                logger.warning("the server that started this worker has stopped: stopping")
                os.kill(os.getpid(), signal.SIGTERM)
                self.parent = None
            try:
                close_old_connections()
                tick(self.worker_id)
            except OperationalError as error:  # SQLite busy with a job's write: next time
                logger.info("worker housekeeping skipped: %s", error)
            except Exception:  # never let the heartbeat die with the worker still running
                logger.exception("worker housekeeping failed; trying again at the next beat")
        connection.close()


def tick(worker_id: str) -> None:
    """One round of housekeeping: heartbeat, abandoned jobs, scheduled work."""
    workers.beat(worker_id)
    workers.fail_abandoned_jobs(me=worker_id)
    schedule.start_due()


def run_worker(
    *, interval: float = 1.0, batch: bool = False, signals: bool = True, parent: int | None = None
) -> None:
    """Run jobs until stopped (or, with `batch`, until none is queued, or when the process
    `parent` that started this worker has gone)."""
    worker_id = workers.register_worker().id
    abandoned = workers.fail_abandoned_jobs(me=worker_id)
    for job in abandoned:
        logger.warning("job %s was running on a worker that stopped: marked failed", job.pk)
    schedule.start_due()
    housekeeping = _Housekeeping(worker_id, settings.LSIP_WORKER_HEARTBEAT_SECONDS, parent)
    housekeeping.start()
    runner = _worker(worker_id, interval=interval, batch=batch)
    if signals:
        runner.configure_signals()
    try:
        runner.run()
    finally:
        housekeeping.stopping.set()
        housekeeping.join(timeout=5)
        workers.unregister_worker(worker_id)


def run_queued() -> int:
    """Run every queued job in this process, then return how many ran: what tests and the
    CLI's in-process runs use, with the same claim and task runner as the worker (without its
    polling loop, which closes the connection between tasks)."""
    from django_tasks_db.models import DBTaskResult

    runner = _worker(workers.current_worker_id(), interval=0, batch=True)
    ran = 0
    while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result.claim(runner.worker_id)
        runner.run_task(result)
        ran += 1
    return ran


def _worker(worker_id: str, *, interval: float, batch: bool) -> Worker:
    return Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )

"""How a running job says how far it has got, so that its page can show a live bar.

Updates are written at most twice a second, and never from inside the job's own transaction:
there they could not be seen before the commit and, on SQLite, would wait on the job's own
write lock. Long work therefore prepares outside its transaction and only writes inside it."""

import logging
import time

from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger(__name__)


class Progress:
    """Callable as `progress(done, total, stage)`; also `progress.stage("Coding titles")`."""

    def __init__(self, job, interval: float = 0.5):
        self.job = job
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, stage: str | None = None) -> None:
        job = self.job
        job.done = max(0, int(done))
        if total is not None:
            job.total = max(0, int(total))
        new_stage = stage is not None and stage[:200] != job.stage
        if new_stage:
            job.stage = stage[:200]
        now = time.monotonic()
        final = job.total and job.done >= job.total
        if now - self._last < self.interval and not (final or new_stage):
            return
        self._last = now
        self.save()

    def stage(self, name: str, total: int = 0) -> None:
        self(0, total, name)

    def save(self) -> None:
        """Best effort: a database busy for longer than its timeout costs an update of the
        bar, never the job."""
        if connection.in_atomic_block:
            return
        try:
            type(self.job).objects.filter(pk=self.job.pk).update(
                stage=self.job.stage,
                done=self.job.done,
                total=self.job.total,
                modified_on=timezone.now(),
            )
        except DatabaseError as error:
            logger.info("progress of job %s not saved: %s", self.job.pk, error)

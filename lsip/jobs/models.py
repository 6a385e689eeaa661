"""Long work run outside the page request: what was asked, by whom, how far it got, and how it
ended. The worker (worker.py) runs each job through django-tasks; this table is what people see."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from lsip.core.models import BaseModel


class Job(BaseModel):
    """One piece of long work: an import, a batch of coding, a document build, a reminder round.

    A job's own writes happen in one transaction, so a job that fails (or whose worker dies)
    has changed nothing and can be retried."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    ENDED = (State.DONE, State.FAILED)
    ACTIVE = (State.QUEUED, State.RUNNING)

    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=300)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    params = models.JSONField(default=dict, blank=True)
    upload = models.CharField(
        max_length=500, blank=True, help_text="Folder of the uploaded file, deleted after success."
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    worker = models.CharField(max_length=120, blank=True)
    queued_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    stage = models.CharField(max_length=200, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    summary = models.TextField(blank=True)
    link = models.CharField(max_length=500, blank=True)
    link_text = models.CharField(max_length=200, blank=True)
    result_file = models.CharField(max_length=500, blank=True)
    error = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-queued_at"]
        indexes = [models.Index(fields=["area", "-queued_at"]), models.Index(fields=["state"])]

    def __str__(self):
        return self.title

    @property
    def ended(self) -> bool:
        return self.state in self.ENDED

    @property
    def percent(self) -> int | None:
        """How far the job has got, when its current stage can say."""
        if self.state == self.State.DONE:
            return 100
        if not self.total:
            return None
        return min(100, int(100 * self.done / self.total))

    @property
    def tag_colour(self) -> str:
        """The GOV.UK tag colour of the state."""
        return {"queued": "grey", "running": "blue", "done": "green", "failed": "red"}[self.state]

    @property
    def duration(self):
        if self.started_at is None:
            return None
        return (self.finished_at or self.modified_on) - self.started_at

    def get_absolute_url(self):
        return reverse("jobs:job-detail", kwargs={"area_slug": self.area.slug, "pk": self.pk})


class WorkerProcess(models.Model):
    """A running `lsip worker`, with the last time it said it was alive: a job held by a worker
    that has stopped saying so is failed when any worker next looks (recovery.py)."""

    id = models.CharField(primary_key=True, max_length=120)
    hostname = models.CharField(max_length=100)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    heartbeat = models.DateTimeField()

    def __str__(self):
        return self.id


class ScheduledRun(models.Model):
    """That one scheduled piece of work was started for one slot of its schedule, so that
    several workers never start it twice."""

    name = models.CharField(max_length=60)
    slot = models.DateTimeField()
    job = models.ForeignKey(Job, null=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="one_run_per_schedule_slot")
        ]

    def __str__(self):
        return f"{self.name} at {self.slot:%Y-%m-%d %H:%M}"

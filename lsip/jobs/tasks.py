"""The one django-tasks task: run a job by its id. What the job does is its kind's runner."""

from django_tasks import task

from lsip.jobs import services
from lsip.jobs.workers import current_worker_id


@task()
def run_job(job_id: str) -> str:
    return services.execute(job_id, worker_id=current_worker_id())

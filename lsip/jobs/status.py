"""What a job's page shows of it, in one place for the HTML and the JSON it polls."""

from lsip.jobs.models import Job


def status_of(job: Job) -> dict:
    return {
        "id": str(job.pk),
        "state": job.state,
        "state_label": job.get_state_display(),
        "ended": job.ended,
        "stage": job.stage,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "summary": job.summary,
        "error": job.error,
        "problems": len(job.problems),
        "link": job.link,
    }

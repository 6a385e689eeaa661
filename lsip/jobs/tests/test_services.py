"""Jobs as their owners meet them: queued at once, run by the worker's code, ended with a
summary or every problem, retried by whoever started them, their uploads tidied away."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lsip.jobs import schedule, services
from lsip.jobs.cleanup import clean_uploads
from lsip.jobs.models import Job, ScheduledRun
from lsip.jobs.registry import JobRejectedError, Outcome, Problem, register

RUNS = []


@register("test-count-rows")
def count_rows(job, progress):
    """A job for these tests: counts the lines of its upload, refusing blank ones."""
    RUNS.append(job.pk)
    lines = (
        job.params["folder_file"] and open(job.params["folder_file"]).read().splitlines()
    ) or []
    blank = [n for n, line in enumerate(lines, 1) if not line.strip()]
    if blank:
        raise JobRejectedError(
            "blank lines", [Problem("the line is blank", row=n, field="line") for n in blank]
        )
    progress(len(lines), len(lines), "Counting")
    return Outcome(f"{len(lines)} lines")


@pytest.fixture
def upload(tmp_path):
    def make(text):
        folder = tmp_path / f"upload-{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        (folder / "lines.txt").write_text(text)
        return folder

    return make


def start(area, user, folder):
    return services.enqueue(
        kind="test-count-rows",
        title="Count",
        area=area,
        user=user,
        params={"folder_file": str(folder / "lines.txt")},
        upload=folder,
    )


def test_a_job_is_queued_then_run_by_the_worker_code(marches, people, upload, run_jobs):
    folder = upload("a\nb\nc\n")
    job = start(marches, people["erb_editor"], folder)
    assert job.state == Job.State.QUEUED
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"
    assert run_jobs() == 1
    job.refresh_from_db()
    assert (job.state, job.summary, job.attempts) == (Job.State.DONE, "3 lines", 1)
    assert job.started_at is not None
    assert job.finished_at is not None
    assert not folder.exists()  # the upload goes once the job has succeeded
    assert job.upload == ""
    assert run_jobs() == 0  # nothing runs twice


def test_a_refused_input_lists_every_problem_keeps_the_upload_and_can_be_retried(
    marches, people, upload, run_jobs
):
    folder = upload("a\n\nb\n\n")
    job = start(marches, people["erb_editor"], folder)
    run_jobs()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert [(p["row"], p["reason"]) for p in job.problems] == [
        (2, "the line is blank"),
        (4, "the line is blank"),
    ]
    assert folder.exists()
    (folder / "lines.txt").write_text("a\nb\n")
    with pytest.raises(services.RetryRefusedError, match="Only the person who started"):
        services.retry(job, people["erb_admin"])
    services.retry(job, people["erb_editor"])
    assert job.state == Job.State.QUEUED
    run_jobs()
    job.refresh_from_db()
    assert (job.state, job.summary, job.attempts, job.problems) == (
        Job.State.DONE,
        "2 lines",
        2,
        [],
    )
    with pytest.raises(services.RetryRefusedError, match="Only a failed job"):
        services.retry(job, people["erb_editor"])


def test_an_unexpected_error_fails_the_job_and_says_nothing_was_changed(marches, people, run_jobs):
    job = services.enqueue(
        kind="test-count-rows", title="Count", area=marches, params={"folder_file": "/nonexistent"}
    )
    run_jobs()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.error == services.UNEXPECTED
    assert "/nonexistent" not in job.error  # no server paths shown to users


def test_another_areas_job_is_not_found_from_this_area(client, people, marches, west_midlands):
    """Jobs are looked up within the area named in the address: an id from another area is
    a 404 on every job page, even for an ERB admin of this one."""
    job = services.enqueue(kind="clean-uploads", title="Theirs", area=west_midlands)
    client.force_login(people["erb_admin"])
    base = f"/areas/the-marches/jobs/{job.pk}/"
    for suffix in ("", "status/", "file/"):
        assert client.get(base + suffix).status_code == 404
    assert client.post(base + "retry/").status_code == 404


def test_a_job_retried_elsewhere_is_not_overwritten_by_its_first_worker(marches, people, upload):
    """A worker taken for gone may still finish: it cannot overwrite the retry's state."""
    job = start(marches, people["erb_editor"], upload("a\n"))
    services.execute(job.pk, worker_id="first")
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, worker="second")
    services._finish(job, "first", Job.State.DONE, summary="late")
    job.refresh_from_db()
    assert (job.state, job.worker) == (Job.State.RUNNING, "second")
    assert job.summary != "late"


def test_an_unknown_kind_is_refused_before_it_is_queued(marches):
    with pytest.raises(LookupError, match="no job of kind 'no-such-kind'"):
        services.enqueue(kind="no-such-kind", title="x", area=marches)
    assert not Job.objects.exists()


def test_scheduled_work_starts_once_per_slot_whoever_looks(db, settings):
    settings.LSIP_SCHEDULE = {"clean": {"kind": "clean-uploads", "every_minutes": 60}}
    now = timezone.now().replace(minute=10)
    assert len(schedule.start_due(now)) == 1
    assert schedule.start_due(now + timedelta(minutes=20)) == []  # same hour: a second worker
    assert len(schedule.start_due(now + timedelta(hours=1))) == 1
    assert ScheduledRun.objects.count() == Job.objects.filter(kind="clean-uploads").count() == 2


def test_clean_up_deletes_old_uploads_no_job_needs(marches, people, upload, settings):
    settings.LSIP_UPLOAD_RETENTION_DAYS = 7
    waiting = upload("a\n")
    queued = start(marches, people["erb_editor"], waiting)
    failed_long_ago = start(marches, people["erb_editor"], upload("b\n"))
    Job.objects.filter(pk=failed_long_ago.pk).update(
        state=Job.State.FAILED, finished_at=timezone.now() - timedelta(days=8)
    )
    failed_lately = start(marches, people["erb_editor"], upload("c\n"))
    Job.objects.filter(pk=failed_lately.pk).update(
        state=Job.State.FAILED, finished_at=timezone.now() - timedelta(days=1)
    )
    assert clean_uploads() == 1
    assert waiting.exists()  # its job has not run yet
    assert not (folder_of(failed_long_ago)).exists()
    assert folder_of(failed_lately).exists()  # its owner may still retry
    queued.refresh_from_db()
    assert queued.upload == str(waiting)


def test_clean_up_deletes_an_upload_abandoned_before_its_import(marches, settings):
    """A spreadsheet uploaded and never imported (the person stopped at the mapping)."""
    import os

    from lsip.engagement.imports.uploads import imports_dir, store_upload

    settings.LSIP_UPLOAD_RETENTION_DAYS = 7
    old, new = (store_upload(marches, "s.csv", b"a,b\n") for _ in range(2))
    long_ago = (timezone.now() - timedelta(days=8)).timestamp()
    os.utime(imports_dir(marches) / old, (long_ago, long_ago))
    assert clean_uploads() == 1
    assert [p.name for p in imports_dir(marches).iterdir()] == [new]


def test_clean_up_keeps_a_failed_jobs_old_upload_within_the_retention(
    marches, people, upload, settings
):
    """Uploaded a fortnight ago, imported yesterday, failed: its owner may still retry."""
    import os

    settings.LSIP_UPLOAD_RETENTION_DAYS = 7
    folder = services.upload_folder("from-a-fortnight-ago")  # where the pages keep uploads
    (folder / "lines.txt").write_text("a\n")
    job = start(marches, people["erb_editor"], folder)
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.FAILED, finished_at=timezone.now() - timedelta(days=1)
    )
    fortnight = (timezone.now() - timedelta(days=14)).timestamp()
    os.utime(folder, (fortnight, fortnight))
    assert clean_uploads() == 0
    assert folder.exists()


def folder_of(job):
    from pathlib import Path

    return Path(
        Job.objects.filter(pk=job.pk).values_list("params", flat=True)[0]["folder_file"]
    ).parent


def test_a_task_taken_by_a_worker_that_stopped_before_the_job_began_is_sent_again(
    marches, people, upload, run_jobs
):
    from lsip.jobs import workers

    job = start(marches, people["erb_editor"], upload("a\nb\n"))
    lost = job.task_id
    DBTaskResult.objects.filter(id=lost).update(status="RUNNING", worker_ids=["gone:1:x"])
    assert run_jobs() == 0  # its task is taken: nothing would ever run it
    workers.fail_abandoned_jobs()
    job.refresh_from_db()
    assert job.task_id != lost
    assert job.state == Job.State.QUEUED
    assert run_jobs() == 1
    job.refresh_from_db()
    assert (job.state, job.summary) == (Job.State.DONE, "2 lines")

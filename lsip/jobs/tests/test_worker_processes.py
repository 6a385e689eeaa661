"""Real `lsip worker` processes against the test database: one killed with SIGKILL in the
middle of an import leaves no partial rows and its job is failed when a worker comes back;
two workers side by side never run the same job."""

import csv
import os
import signal
import subprocess
import time

import pytest

from lsip.engagement import jobs as engagement_jobs
from lsip.engagement.imports.uploads import save_mapping, store_upload
from lsip.engagement.models import Engagement, ImportBatch
from lsip.jobs import services
from lsip.jobs.models import Job
from lsip.organisations.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)

MAPPING = {
    "columns": {"employer_name": "Company", "date": "Date", "local_authority": "Place"},
    "defaults": {"type": "survey"},
}
PLACES = ["Shropshire", "Telford and Wrekin", "Herefordshire"]


def finished(process: subprocess.Popen, timeout=180) -> str:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output.decode()
    return output.decode()


def an_import(area, user, tmp_path, rows: int, label: str) -> Job:
    path = tmp_path / f"{label}.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Company", "Date", "Place"])
        for n in range(rows):
            writer.writerow([f"{label} employer {n}", f"{1 + n % 28}/03/2025", PLACES[n % 3]])
    token = store_upload(area, path.name, path.read_bytes(), user)
    save_mapping(area, token, MAPPING)
    return engagement_jobs.start_import(area=area, token=token, accept=[], user=user)


def inside_a_write() -> bool:
    """Whether another connection is inside a write transaction now (the worker's import)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
            return False
        except sqlite3.OperationalError:  # "database is locked": the worker holds the write
            return True
        finally:
            probe.close()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() "
            "AND l.locktype = 'relation' AND l.mode = 'RowExclusiveLock' AND l.granted"
        )
        return cursor.fetchone()[0] > 0


def wait_for(condition, timeout=180, every=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def test_a_worker_killed_mid_import_leaves_nothing_and_its_job_can_be_retried(
    marches, people, tmp_path, start_worker
):
    editor = people["erb_editor"]
    organisations = Organisation.objects.count()
    job = an_import(marches, editor, tmp_path, rows=12_000, label="big")
    first = start_worker()

    def writing():
        job.refresh_from_db()
        return job.ended or (job.stage.startswith("Writing") and inside_a_write())

    assert wait_for(writing, every=0.005), f"the import never reached its write: {job.stage}"
    assert not job.ended, "the import finished before the worker could be killed"
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert Engagement.objects.count() == 0
    assert ImportBatch.objects.count() == 0
    assert Organisation.objects.count() == organisations
    job.refresh_from_db()
    assert job.state == Job.State.RUNNING  # nobody has looked yet

    finished(start_worker("--batch"))  # a worker comes back and looks
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "stopped before it finished" in job.error
    assert Engagement.objects.count() == 0

    services.retry(job, editor)
    finished(start_worker("--batch"))
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert job.attempts == 2
    assert Engagement.objects.count() == 12_000


def test_two_workers_never_run_the_same_job(marches, people, tmp_path, start_worker):
    from django_tasks_db.models import DBTaskResult

    editor = people["erb_editor"]
    queued = [an_import(marches, editor, tmp_path, rows=300, label=f"f{n}") for n in range(8)]
    pair = [start_worker("--batch", "--interval", "0.05") for _ in range(2)]
    for process in pair:
        finished(process)
    for job in queued:
        job.refresh_from_db()
        assert (job.state, job.attempts) == (Job.State.DONE, 1), job.error
        assert len(DBTaskResult.objects.get(id=job.task_id).worker_ids) == 1
    assert ImportBatch.objects.count() == 8
    assert Engagement.objects.count() == 8 * 300

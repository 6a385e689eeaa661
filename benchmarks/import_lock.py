"""Does a long import lock the site? Sign in again and again while a worker imports 50,000
survey rows into the same SQLite database.

    .venv/bin/python benchmarks/import_lock.py [--rows N] [--keep DIR] [--every SECONDS]

Makes a fresh SQLite database (WAL, IMMEDIATE transactions, as lsip runs it), queues the
import of N rows (default 50,000; employers, places, dates, job titles, contacts) as the
import pages do, and runs it with `lsip worker --batch` in a process of its own. Meanwhile
this process signs in through the sign-in page every SECONDS (default 0.25) until the worker
ends, and prints how the sign-ins were answered (redirected = signed in; 503 = "busy, try
again"; 500 = the error issue 17 reported), the slowest and the median, the import's time,
and the longest that the import held the database's write lock.
Targets: no 500, and every sign-in answered within the 20 s busy time-out.
"""

import argparse
import csv
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import fresh_django  # noqa: E402

TITLES = (
    "Welder|HGV driver|Care assistant|Chef|Software developer|Electrician|Plumber|Nurse|"
    "Machine operator|Accounts assistant|Farm worker|Joiner|Teaching assistant|Mechanic"
).split("|")
PLACES = ["Herefordshire", "Shropshire", "Telford and Wrekin", "Telford & Wrekin"]
PASSWORD = "lock-bench-Passw0rd!"


def generate(path: Path, rows: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    employers = [(f"Employer {n} Ltd", rng.choice(PLACES)) for n in range(8000)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Company", "Location", "Role", "Contact", "Email"])
        for n in range(rows):
            name, place = rng.choice(employers)
            person = f"Person {n % 5000}"
            writer.writerow(
                [
                    f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/2025",
                    name,
                    place,
                    f"{rng.choice(TITLES)} {n}",
                    person,
                    f"person.{n % 5000}@example.org",
                ]
            )


MAPPING = {
    "columns": {
        "date": "Date",
        "employer_name": "Company",
        "local_authority": "Location",
        "occupation": "Role",
        "contact_name": "Contact",
        "contact_email": "Email",
    },
    "defaults": {"type": "survey", "need_type": "shortage"},
}


class LockProbe(threading.Thread):
    """Tries the database's write lock every 50 ms (BEGIN IMMEDIATE, no waiting) and keeps
    the longest stretch it found it held by someone else."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.longest, self.running = path, 0.0, True
        self.stages, self.longest_stage = [], ""

    @staticmethod
    def _stage(probe) -> str:
        try:
            row = probe.execute("SELECT stage FROM jobs_job WHERE kind = 'engagement-import'")
            return (row.fetchone() or [""])[0]
        except sqlite3.OperationalError:
            return ""

    def run(self):
        probe = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        held_since = None
        while self.running:
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                if held_since is not None:
                    held = time.perf_counter() - held_since
                    if held > self.longest:
                        self.longest, self.longest_stage = held, self.stages[-1]
                held_since = None
            except sqlite3.OperationalError:
                if held_since is None:
                    held_since = time.perf_counter()
                    self.stages.append(self._stage(probe))
            time.sleep(0.05)
        probe.close()

    def stop(self):
        self.running = False
        self.join()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--every", type=float, default=0.25)
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args()
    work = fresh_django(args.keep, "lsip-lock-bench-", LSIP_IMPORT_MAX_MB="1000")
    from django.core.management import call_command
    from django.test import Client

    from lsip.accounts.models import RoleAssignment, User
    from lsip.accounts.roles import Role
    from lsip.areas.models import Area
    from lsip.engagement import jobs
    from lsip.engagement.imports import uploads
    from lsip.jobs.models import Job

    call_command("migrate", verbosity=0)
    area = Area.objects.get(slug="the-marches")
    user = User.objects.create_user(username="editor@example.org", password=PASSWORD)
    RoleAssignment.objects.create(user=user, role=Role.ERB_EDITOR, area=area)
    source = work / "survey.csv"
    generate(source, args.rows)
    token = uploads.store_upload(area, source.name, source.read_bytes(), user)
    uploads.save_mapping(area, token, MAPPING)
    job = jobs.start_import(area=area, token=token, accept=[], user=user)

    worker = subprocess.Popen(
        [str(Path(sys.executable).parent / "lsip"), "worker", "--batch"],
        env={**os.environ, "LSIP_LOG_LEVEL": "ERROR"},
    )
    probe = LockProbe(work / "bench.sqlite3")
    probe.start()
    started = time.perf_counter()
    answers, times = {}, []
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    while worker.poll() is None:
        client.cookies.clear()
        began = time.perf_counter()
        response = client.post(
            "/accounts/sign-in/", {"username": user.username, "password": PASSWORD}
        )
        took = time.perf_counter() - began
        status = response.status_code
        answers[status] = answers.get(status, 0) + 1
        times.append(took)
        if status not in (302, 200):
            print(f"  {time.perf_counter() - started:6.1f} s: sign-in answered {status}")
        time.sleep(args.every)
    total = time.perf_counter() - started
    probe.stop()
    job.refresh_from_db()
    print(f"import job: {job.state}, {job.summary or job.error}")
    print(f"import job took                         {total:8.1f} s")
    print(f"sign-ins tried                          {len(times):8d}")
    for status, count in sorted(answers.items()):
        label = {302: "signed in", 503: "busy, try again", 500: "server error"}.get(status, "")
        print(f"  answered {status} {label:<22}       {count:8d}")
    if times:
        print(
            f"sign-in median / slowest                {statistics.median(times):8.2f} / "
            f"{max(times):.2f} s"
        )
    print(
        f"longest the write lock was held         {probe.longest:8.2f} s   "
        f"(the import at: {probe.longest_stage})"
    )
    print(f"worker exit code                        {worker.returncode:8d}")
    assert Job.objects.filter(pk=job.pk).exists()
    if not args.keep:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

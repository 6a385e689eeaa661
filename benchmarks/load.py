"""Load test: 50 signed-in people using the busiest pages at once, on a real server.

    .venv/bin/python benchmarks/load.py [--database URL] [--users 50] [--seconds 60]
        [--server gunicorn|waitress] [--workers N] [--threads N] [--employers N] [--needs N]

Makes a fresh database (default: PostgreSQL at postgres://postgres@127.0.0.1:5432/lsip_load,
dropped and made anew; `--database sqlite` for a SQLite file), fills The Marches with
employers, engagements and skills needs (benchmarks/engagement_pages.py's data), gives each of
N people (default 50) an ERB role, and starts lsip on 127.0.0.1 only with gunicorn (worker
processes x threads, as docs/production.md advises) or waitress. Each person signs in through
the sign-in page (arriving one after another over RAMP seconds, default 20: a sign-in hashes
the password on purpose slowly, about a third of a second of one core); once all are signed
in, each opens, until SECONDS (default 60) have passed, one of the hot pages after another
with a pause of 0.5-1.5 s between them, as a person reading them would: the area's page, the
employer list (filtered and paged), the engagement list, the skills needs' breadth, the
organisation search. The sign-ins are timed and counted apart (`--pages-during-sign-in`
starts the pages as each person signs in instead, so that they share the cores with the
hashing). Prints, for each page and overall: requests, p50, p95, slowest, errors (any answer
but 200, or no answer within 30 s). On PostgreSQL the filled database is analysed before the
server starts, as autovacuum would have done on a live site. Goal (issue 17): p95 under
500 ms and no error for 50 people on PostgreSQL on the 2-core machine. The server is stopped
at the end, whatever happens.
"""

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PASSWORD = "load-test-Passw0rd!"
PAGES = {
    "area page": "/areas/the-marches/",
    "employer list": "/areas/the-marches/organisations/?type=employer&page={page}",
    "employer list, filtered": "/areas/the-marches/organisations/?type=employer&size_band=small",
    "engagement list": "/areas/the-marches/engagement/?page={page}",
    "breadth of engagement": "/areas/the-marches/engagement/breadth/",
    "organisation search": "/areas/the-marches/organisations/?q=Employer+{n}",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(url: str, work: Path, users: int, employers: int, needs: int) -> dict:
    """A fresh database at `url`, filled; returns the environment for the server."""
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    environment = {
        "DATABASE_URL": url,
        "LSIP_DATA_DIR": str(work),
        "DJANGO_SETTINGS_MODULE": "lsip.config.settings",
        "LSIP_LOG_LEVEL": "ERROR",
        "LSIP_SIGNIN_FAILURE_LIMIT": "1000",
    }
    os.environ.update(environment)
    import django

    django.setup()
    from django.core.management import call_command
    from engagement_pages import build

    from lsip.accounts.models import RoleAssignment, User
    from lsip.accounts.roles import Role

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    area, _, _ = build(employers, needs)
    probe = User(username="probe")  # one hash for all: making 50 is slow on purpose
    probe.set_password(PASSWORD)
    hashed = probe.password
    people = User.objects.bulk_create(
        [User(username=f"person{n}@example.org", password=hashed) for n in range(users)]
    )
    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(user=u, role=Role.ERB_EDITOR if n % 2 else Role.ERB_ADMIN, area=area)
            for n, u in enumerate(people)
        ]
    )
    print(
        f"set-up: {employers:,} employers, {needs:,} skills needs, {users} people "
        f"in {time.perf_counter() - started:.1f} s"
    )
    from django.db import connection, connections

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's row counts, as on a live database
    connections.close_all()
    return environment


def start_server(kind: str, port: int, workers: int, threads: int, environment: dict):
    bin_dir = Path(sys.executable).parent
    if kind == "gunicorn":
        command = [
            str(bin_dir / "gunicorn"),
            "lsip.config.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--worker-class=gthread",
            "--timeout=60",
            "--log-level=warning",
        ]
    else:
        command = [
            str(bin_dir / "waitress-serve"),
            "--listen=127.0.0.1:" + str(port),
            f"--threads={threads * workers}",
            "lsip.config.wsgi:application",
        ]
    server = subprocess.Popen(command, env={**os.environ, **environment}, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/sign-in/", timeout=5)
            return server
        except requests.RequestException:
            time.sleep(0.5)
    stop(server)
    raise SystemExit("the server did not start within 60 s")


def stop(server) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


class Person(threading.Thread):
    def __init__(self, base: str, number: int, seconds: float, results: dict, lock, ready):
        super().__init__(daemon=True)
        self.base, self.number, self.seconds = base, number, seconds
        self.results, self.lock, self.ready = results, lock, ready
        self.rng = random.Random(number)
        self.start_after = 0.0

    def record(self, page: str, seconds: float, ok: bool) -> None:
        with self.lock:
            times, errors = self.results.setdefault(page, ([], [0]))
            times.append(seconds)
            errors[0] += not ok

    def get(self, session, page: str, url: str):
        began = time.perf_counter()
        try:
            response = session.get(self.base + url, timeout=30)
            ok = response.status_code == 200
        except requests.RequestException:
            response, ok = None, False
        self.record(page, time.perf_counter() - began, ok)
        return response

    def run(self):
        time.sleep(self.start_after)  # people arrive over the ramp, not all in one second
        session = requests.Session()
        form = self.get(session, "sign-in page", "/accounts/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text if form else "")
        began = time.perf_counter()
        try:
            answer = session.post(
                self.base + "/accounts/sign-in/",
                data={
                    "username": f"person{self.number}@example.org",
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": token.group(1) if token else "",
                },
                headers={"Referer": self.base + "/accounts/sign-in/"},
                timeout=30,
            )
            ok = answer.status_code == 200 and "/accounts/sign-in/" not in answer.url
        except requests.RequestException:
            ok = False
        self.record("signing in", time.perf_counter() - began, ok)
        until = self.ready(self) + self.seconds
        time.sleep(self.rng.uniform(0, 1.5))  # not all in step when the pages start together
        while time.monotonic() < until:
            page = self.rng.choice(list(PAGES))
            url = PAGES[page].format(page=self.rng.randrange(1, 20), n=self.rng.randrange(999))
            self.get(session, page, url)
            time.sleep(self.rng.uniform(0.5, 1.5))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(results: dict, seconds: float) -> None:
    print(f"{'page':<28}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>8}")
    everything, failed = [], 0
    for page, (times, errors) in sorted(results.items()):
        if page not in ("signing in", "sign-in page"):
            everything += times
            failed += errors[0]
        print(
            f"{page:<28}{len(times):>9}{statistics.median(times) * 1000:>9.0f}"
            f"{percentile(times, 0.95) * 1000:>9.0f}{max(times) * 1000:>9.0f}{errors[0]:>8}"
        )
    if everything:
        print(
            f"{'all pages':<28}{len(everything):>9}{statistics.median(everything) * 1000:>9.0f}"
            f"{percentile(everything, 0.95) * 1000:>9.0f}{max(everything) * 1000:>9.0f}"
            f"{failed:>8}"
        )
        print(f"throughput: {len(everything) / seconds:.1f} pages a second")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/lsip_load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--ramp", type=float, default=20, help="Seconds over which the people arrive."
    )
    parser.add_argument(
        "--pages-during-sign-in",
        action="store_true",
        help="Start each person's pages as soon as they are signed in, not once all are.",
    )
    parser.add_argument("--server", choices=["gunicorn", "waitress"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--employers", type=int, default=5_000)
    parser.add_argument("--needs", type=int, default=20_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lsip-load-"))
    url = args.database
    if url == "sqlite":
        url = f"sqlite:///{work / 'load.sqlite3'}"
    environment = prepare(url, work, args.users, args.employers, args.needs)
    port = free_port()
    server = start_server(args.server, port, args.workers, args.threads, environment)
    try:
        print(
            f"{args.server} on 127.0.0.1:{port}: {args.workers} workers x {args.threads} "
            f"threads; {args.users} people for {args.seconds:.0f} s on "
            f"{'PostgreSQL' if url.startswith('postgres') else 'SQLite'}"
        )
        results, lock = {}, threading.Lock()
        signed_in = threading.Barrier(args.users)
        began = {}

        def ready(person) -> float:
            """When this person's pages begin: at once, or when everyone has signed in."""
            if not args.pages_during_sign_in:
                try:
                    signed_in.wait(timeout=args.ramp + 120)
                except threading.BrokenBarrierError:
                    pass
            with lock:
                began.setdefault("pages", time.perf_counter())
            return time.monotonic()

        people = [
            Person(f"http://127.0.0.1:{port}", n, args.seconds, results, lock, ready)
            for n in range(args.users)
        ]
        for n, person in enumerate(people):
            person.start_after = args.ramp * n / max(1, args.users)
        started = time.perf_counter()
        for person in people:
            person.start()
        for person in people:
            person.join(timeout=args.ramp + args.seconds + 180)
        report(results, time.perf_counter() - began.get("pages", started))
    finally:
        stop(server)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""`lsip worker`: run the background jobs (imports, coding, document builds, reminders)."""

import os
import subprocess
import sys

import click

#: Set for a worker started beside a server: the server's pid, so that the worker stops when
#: the server has gone, however it went (lsip.jobs.worker).
PARENT = "LSIP_WORKER_PARENT_PID"


@click.command()
@click.option(
    "--interval",
    default=1.0,
    show_default=True,
    help="Seconds between looks for queued work when there is none.",
)
@click.option("--batch", is_flag=True, help="Run what is queued now, then stop.")
def worker(interval, batch):
    """Run queued jobs until stopped (Ctrl+C finishes the job in hand first).

    Also marks failed the jobs of workers that stopped, and starts the scheduled work
    (LSIP_SCHEDULE). Run as many workers as you like: no job runs twice at the same time."""
    from lsip.jobs.worker import run_worker

    click.echo("lsip worker: running queued jobs (press Ctrl+C to stop)", err=True)
    parent = os.environ.get(PARENT)
    run_worker(interval=interval, batch=batch, parent=int(parent) if parent else None)


def start_worker_process() -> subprocess.Popen:
    """A worker beside the web server, for `lsip serve` and `lsip demo`. It runs in a session
    of its own, so that Ctrl+C at the terminal reaches the server only: the server then asks
    the worker once to stop, and the worker finishes the job in hand first."""
    return subprocess.Popen(
        [sys.executable, "-c", "from lsip.cli import main; main()", "worker"],
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, PARENT: str(os.getpid())},
    )


def stop_worker_process(process: subprocess.Popen, patience: float = 600) -> None:
    """Ask the worker to stop after its job in hand; after `patience` seconds, stop it at
    once (the job is then failed, having changed nothing, and can be retried)."""
    if process.poll() is None:
        click.echo("Waiting for the background worker to finish its job...", err=True)
        process.terminate()
        try:
            process.wait(timeout=patience)
        except subprocess.TimeoutExpired:
            process.kill()


COMMANDS = [worker]

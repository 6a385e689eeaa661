"""The `lsip` command as a person runs it: real processes, a real database file."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

LSIP = [str(Path(sys.executable).parent / "lsip")]  # the installed console script


@pytest.fixture
def run(tmp_path):
    """Run `lsip ARGS` against a fresh SQLite database in its own data folder."""
    env = {
        **os.environ,
        "LSIP_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'lsip.sqlite3'}",
    }
    env.pop("LSIP_REFDATA_FROM", None)

    def run(*args, **overrides):
        return subprocess.run(
            [*LSIP, *args],
            env={**env, **overrides},
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )

    return run


def test_every_command_has_help(run):
    top = run("--help")
    assert top.returncode == 0
    for command in ("serve", "demo", "createuser", "manage", "refdata"):
        assert command in top.stdout
    for args in (
        ["serve"],
        ["demo"],
        ["createuser"],
        ["refdata"],
        ["refdata", "install"],
        ["refdata", "status"],
    ):
        result = run(*args, "--help")
        assert result.returncode == 0, result.stderr
        assert "Usage: " in result.stdout


def test_a_bad_from_folder_is_one_clear_line_and_a_failure(run, tmp_path):
    run("manage", "migrate", "--verbosity", "0")
    result = run("refdata", "install", "--from", str(tmp_path / "nowhere"))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"Error: reference data: --from {tmp_path / 'nowhere'}: no such folder"
    ]


def test_an_altered_reference_file_is_refused_and_nothing_is_installed(
    run, tmp_path, refdata_folder
):
    copies = tmp_path / "copies"
    shutil.copytree(refdata_folder, copies, ignore=shutil.ignore_patterns("labour_market", "job*"))
    (copies / "geography" / "LSIP_lookup.xlsx").chmod(0o644)
    with (copies / "geography" / "LSIP_lookup.xlsx").open("ab") as handle:
        handle.write(b"\0")
    run("manage", "migrate", "--verbosity", "0")
    result = run("refdata", "install", "--from", str(copies))
    assert result.returncode != 0
    assert "LSIP_lookup.xlsx: checksum mismatch" in result.stderr
    assert "lsip-lookup                      not installed" in run("refdata", "status").stdout


def test_an_unreachable_database_is_named_in_one_line(run):
    result = run("refdata", "status", DATABASE_URL="postgres://lsip@127.0.0.1:1/nowhere")
    assert result.returncode != 0
    assert "cannot use the database nowhere at 127.0.0.1:1" in result.stderr
    assert "Traceback" not in result.stderr


def test_createuser_refuses_a_taken_address_and_an_unknown_area(run):
    run("manage", "migrate", "--verbosity", "0")
    first = run(
        "createuser",
        "ann@example.org",
        "--password",
        "s3cret-enough",
        "--area",
        "the-marches",
        "--role",
        "erb_editor",
    )
    assert first.returncode == 0, first.stderr
    assert "created ann@example.org (ERB editor)" in first.stdout
    again = run("createuser", "ann@example.org", "--password", "s3cret-enough")
    assert again.returncode != 0
    assert "An account for ann@example.org already exists" in again.stderr
    unknown = run(
        "createuser",
        "bob@example.org",
        "--password",
        "x" * 12,
        "--area",
        "atlantis",
        "--role",
        "erb_editor",
    )
    assert "--area atlantis: no such area" in unknown.stderr
    assert (
        "bob@example.org"
        not in run(
            "manage",
            "shell",
            "-c",
            "from lsip.accounts.models import User;"
            "print(list(User.objects.values_list('username')))",
        ).stdout
    )


def test_the_demo_loads_twice_without_duplicates_and_the_site_serves_it(run, tmp_path):
    first = run("demo", "--no-serve")
    assert first.returncode == 0, first.stderr
    assert "erb-admin@marches.example" in first.stdout
    assert run("demo", "--no-serve").returncode == 0
    count = run(
        "manage",
        "shell",
        "-c",
        "from lsip.organisations.models import Organisation as O;print(O.objects.count())",
    )
    assert count.stdout.strip().splitlines()[-1] == "315"  # 15 from the seeds, 300 illustrative

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "LSIP_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'lsip.sqlite3'}",
    }
    server = subprocess.Popen(
        [*LSIP, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/areas/the-marches/")
        assert "Shropshire Chamber of Commerce" in page
        assert "stylesheet" in page
        css = _get(f"http://127.0.0.1:{port}/static/dist/lsip.css")
        assert "govuk-header" in css or "govuk-template" in css
        assert "GDS Transport" not in css
        assert _eventually(lambda: len(_workers_started_by(server.pid)) == 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The server's worker stops with it: none is left running on its own.
    assert _eventually(lambda: not _workers_started_by(server.pid))


def test_the_demo_area_moves_to_an_empty_database_and_exports_the_same_bytes(run, tmp_path):
    """Issue 15: export, import into an empty database, export again gives identical files.
    The second database is a new one (migrated, with the reference data and nothing else),
    reached only through the commands."""
    refdata = os.environ.get("LSIP_REFDATA_FROM")
    if not refdata:
        pytest.skip("needs the reference data folder (LSIP_REFDATA_FROM)")
    first = {"LSIP_REFDATA_FROM": refdata}
    second = {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    for database in (first, second):  # as `./dev demo` prepares a database
        assert run("manage", "migrate", "--verbosity", "0", **database).returncode == 0
        assert run("refdata", "install", "--from", refdata, **database).returncode == 0
    demo = run("demo", "--no-serve", **first)
    assert demo.returncode == 0, demo.stderr
    exported = run("export", "area", "the-marches", "-o", str(tmp_path / "one.json"))
    assert exported.returncode == 0, exported.stderr
    imported = run("import", "area", str(tmp_path / "one.json"), **second)
    assert imported.returncode == 0, imported.stderr
    assert "records imported" in imported.stdout
    again = run("export", "area", "the-marches", "-o", str(tmp_path / "two.json"), **second)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    refused = run("import", "area", str(tmp_path / "one.json"), **second)
    assert refused.returncode != 0
    assert "import into an empty database" in refused.stderr + refused.stdout


def _workers_started_by(pid: int) -> list[str]:
    """The processes started as the background worker of the server `pid` (Linux /proc)."""
    marker = f"LSIP_WORKER_PARENT_PID={pid}\0".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes():
                found.append(environ.parent.name)
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def _eventually(condition, seconds=15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _get(url, attempts=50):
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def test_built_assets_exist():
    """The stylesheet is built at set-up from GOV.UK Frontend (never committed)."""
    assert (Path(__file__).parent.parent / "lsip" / "static" / "dist" / "lsip.css").is_file()

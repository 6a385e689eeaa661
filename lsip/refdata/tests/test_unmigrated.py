"""`lsip refdata` on a database that was never migrated says which step comes first."""

import os
import subprocess
import sys
from pathlib import Path

LSIP = str(Path(sys.executable).parent / "lsip")


def run(tmp_path, *args):
    env = {
        **os.environ,
        "LSIP_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
    }
    return subprocess.run(
        [LSIP, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_install_on_a_database_not_migrated_says_to_migrate_first(tmp_path):
    for args in (["refdata", "install", "--from", str(tmp_path)], ["refdata", "status"]):
        result = run(tmp_path, *args)
        assert result.returncode != 0
        assert "run `lsip manage migrate` first" in result.stderr
        assert "DATABASE_URL" not in result.stderr


def test_status_on_a_migrated_database_lists_the_files(tmp_path):
    assert run(tmp_path, "manage", "migrate", "--verbosity", "0").returncode == 0
    result = run(tmp_path, "refdata", "status")
    assert result.returncode == 0, result.stderr
    assert "not installed" in result.stdout

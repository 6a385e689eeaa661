"""`lsip backup -o FILE` and `lsip restore FILE` (issue 17): a backup restored into an empty
database gives back every table, row for row, and the uploaded files."""

import json
import zipfile

import pytest
from click.testing import CliRunner
from django.conf import settings
from django.db import connection

from lsip.cli import main
from lsip.core.backup import BackupError, _models, empty_tables, restore
from lsip.engagement import services
from lsip.organisations.models import Organisation


def tables_of(path) -> dict:
    """{table: sorted rows}, each row as canonical JSON (PostgreSQL reorders a JSON value's
    keys, which changes nothing)."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        return {
            t["table"]: sorted(
                json.dumps(json.loads(line), sort_keys=True)
                for line in archive.read(f"tables/{t['table']}.jsonl").splitlines()
            )
            for t in manifest["tables"]
        }


def files_of(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("files/")}


def empty_the_database():
    empty_tables(connection, [m._meta.db_table for m in _models()])


@pytest.fixture
def recorded(marches, people, college):
    """Something in most kinds of table: people and roles, organisations, an engagement with
    its audit trail, an uploaded board paper."""
    employer = Organisation.objects.create(
        area=marches, name="Ludlow Foods", type="employer", erb_member=True
    )
    import datetime

    services.record_engagement(
        area=marches,
        type="interview",
        date=datetime.date(2025, 11, 3),
        organisations=[employer],
        actor=people["erb_editor"],
        notes="Needs two bakers; £ and “quotes” kept",
    )
    paper = settings.MEDIA_ROOT / "board-papers" / "2025" / "11" / "paper.pdf"
    paper.parent.mkdir(parents=True)
    paper.write_bytes(b"%PDF-1.4 a board paper")
    return paper


def test_a_backup_restored_into_an_empty_database_gives_back_every_table_and_file(
    recorded, tmp_path
):
    first = tmp_path / "first.zip"
    made = CliRunner().invoke(main, ["backup", "-o", str(first), "--quiet"])
    assert made.exit_code == 0, made.output
    assert "Backed up" in made.output
    before = tables_of(first)
    assert len(before["organisations_organisation"]) == 2
    assert before["engagement_engagement"]
    assert before["audit_auditentry"]

    empty_the_database()
    recorded.unlink()
    assert Organisation.objects.count() == 0
    summary = restore(first)
    assert summary.files == 1
    assert recorded.read_bytes() == b"%PDF-1.4 a board paper"

    second = tmp_path / "second.zip"
    assert CliRunner().invoke(main, ["backup", "-o", str(second), "--quiet"]).exit_code == 0
    after = tables_of(second)
    assert set(after) == set(before)
    different = [table for table in before if before[table] != after[table]]
    assert different == [], [(t, sorted(set(before[t]) ^ set(after[t]))[:2]) for t in different]
    assert files_of(first) == files_of(second)
    assert Organisation.objects.get(name="Ludlow Foods").engagements.count() == 1


def test_restore_refuses_a_database_holding_accounts_and_a_file_that_is_no_backup(
    recorded, tmp_path
):
    backup = tmp_path / "backup.zip"
    CliRunner().invoke(main, ["backup", "-o", str(backup), "--quiet"])
    refused = CliRunner().invoke(main, ["restore", str(backup)])
    assert refused.exit_code != 0
    assert "already holds accounts" in refused.output
    other = tmp_path / "notes.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(BackupError, match="not an lsip backup"):
        restore(other)

"""Backing up and restoring everything lsip keeps: every table and the files beside them.

A backup is one ZIP file:

- `manifest.json`: the format, lsip's version, the database it came from, the migrations
  applied, and each table's columns and number of rows;
- `tables/<table>.jsonl`: one JSON list a row, the values in the manifest's column order;
- `files/...`: the uploaded files (`MEDIA_ROOT`: board papers, evidence, logos) and the
  files lsip keeps in `LSIP_DATA_DIR` (imports waiting, jobs' uploads and results, job
  postings' figures). Reference data (`refdata/`) is left out: `lsip refdata install` puts it
  back, and the static files are built.

The tables are written as values, not as SQL, so a backup of SQLite restores into PostgreSQL
and back (a demo moved to production). The backup reads every table in one read transaction,
so it is consistent and lets the site go on writing meanwhile (WAL on SQLite, a snapshot on
PostgreSQL). A restore needs the same migrations as the backup (it migrates the database
first), replaces every table in one transaction (all or nothing), then puts the files back.
"""

import datetime
import json
import shutil
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "lsip-backup"
FORMAT_VERSION = 1
#: Folders of LSIP_DATA_DIR that hold what people and jobs made (MEDIA_ROOT is added).
DATA_FOLDERS = ("imports", "jobs", "postings")
BATCH = 2000


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, keeping times to the microsecond (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


@dataclass
class Summary:
    tables: int
    rows: int
    files: int


def _models():
    """Every model with a table of its own (many-to-many tables included), in a fixed order."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        found.setdefault(meta.db_table, model)
    return [found[name] for name in sorted(found)]


def _columns(model):
    return list(model._meta.concrete_fields)


def _file_roots() -> list[tuple[str, Path]]:
    """(name in the backup, folder on disk) of the files that go with the tables."""
    data = Path(settings.DATA_DIR)
    roots = [("media", Path(settings.MEDIA_ROOT))]
    roots += [(name, data / name) for name in DATA_FOLDERS]
    return roots


def _lsip_version() -> str:
    try:
        return version("lsip")
    except PackageNotFoundError:
        return "unknown"


def _applied_migrations(using="default") -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


@contextmanager
def _read_snapshot(connection):
    """One consistent view of every table while the site goes on: a plain (deferred) read
    transaction on SQLite, where lsip's IMMEDIATE one would stop every writer; REPEATABLE READ
    on PostgreSQL."""
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            connection.connection.execute("COMMIT")
        return
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def backup(path, using="default", progress=None) -> Summary:
    """Write every table and the kept files to the ZIP file `path` (made anew)."""
    connection = connections[using]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    tables, total_rows, files = [], 0, 0
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        with _read_snapshot(connection):
            migrations = _applied_migrations(using)
            for model in _models():
                fields = _columns(model)
                names = [f.attname for f in fields]
                rows = 0
                query = model._base_manager.using(using).order_by("pk").values_list(*names)
                with archive.open(f"tables/{model._meta.db_table}.jsonl", "w") as handle:
                    for row in query.iterator(chunk_size=BATCH):
                        line = json.dumps(row, cls=_Encoder, ensure_ascii=False)
                        handle.write(line.encode() + b"\n")
                        rows += 1
                tables.append(
                    {
                        "table": model._meta.db_table,
                        "model": model._meta.label,
                        "columns": names,
                        "rows": rows,
                    }
                )
                total_rows += rows
                if progress:
                    progress(f"{model._meta.db_table}: {rows:,} rows")
        for name, root in _file_roots():
            if not root.is_dir():
                continue
            for file in sorted(p for p in root.rglob("*") if p.is_file()):
                relative = file.relative_to(root).as_posix()
                archive.write(file, f"files/{name}/{relative}")
                files += 1
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "lsip": _lsip_version(),
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "migrations": migrations,
            "tables": tables,
            "files": files,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=1))
    partial.replace(path)
    return Summary(len(tables), total_rows, files)


def read_manifest(path) -> dict:
    """The backup's manifest; BackupError when `path` is not an lsip backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise BackupError(f"{path}: not an lsip backup ({error})") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: not an lsip backup")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"{path}: backup format {manifest.get('version')}; this lsip reads format "
            f"{FORMAT_VERSION}"
        )
    return manifest


def _check_migrations(manifest, using) -> None:
    wanted = {tuple(m) for m in manifest["migrations"]}
    here = {tuple(m) for m in _applied_migrations(using)}
    unknown = sorted(wanted - here)
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"the backup was made by a newer lsip (migrations {names} are not in this one): "
            "restore it with that version or later"
        )
    newer = sorted(here - wanted)
    if newer:
        names = ", ".join(f"{app}.{name}" for app, name in newer[:5])
        raise BackupError(
            f"this database has migrations the backup predates ({names}): restore into a "
            "database of the lsip version that made the backup, then upgrade"
        )


def holds_people(using="default") -> bool:
    """Whether the database already holds accounts (a restore would replace them); False for
    a database not migrated yet."""
    from django.db import DatabaseError

    try:
        with transaction.atomic(using=using):
            return apps.get_model(settings.AUTH_USER_MODEL)._base_manager.using(using).exists()
    except DatabaseError:
        return False


def restore(path, using="default", progress=None) -> Summary:
    """Replace every table with the backup's rows, in one transaction, then put its files
    back. The database must be migrated to the backup's migrations (`lsip restore` does)."""
    manifest = read_manifest(path)
    _check_migrations(manifest, using)
    connection = connections[using]
    models = {m._meta.db_table: m for m in _models()}
    missing = [t["table"] for t in manifest["tables"] if t["table"] not in models]
    if missing:
        raise BackupError(f"tables in the backup that this lsip does not have: {missing[:5]}")
    total = 0
    with zipfile.ZipFile(path) as archive, transaction.atomic(using=using):
        empty_tables(connection, list(models))
        for table in manifest["tables"]:
            total += _restore_table(connection, archive, models[table["table"]], table)
            if progress:
                progress(f"{table['table']}: {table['rows']:,} rows")
        sequences = connection.ops.sequence_reset_sql(no_style(), list(models.values()))
        with connection.cursor() as cursor:
            for sql in sequences:
                cursor.execute(sql)
        connection.check_constraints()
        staged, files = _extract_files(archive)  # before the commit: a bad file undoes all
    _swap_in(staged)
    return Summary(len(manifest["tables"]), total, files)


def empty_tables(connection, tables) -> None:
    """Delete every row of `tables` (and restart their numbering) inside the transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses a table with checks still pending in this transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in connection.ops.sql_flush(
            no_style(), tables, reset_sequences=True, allow_cascade=True
        ):
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _restore_table(connection, archive, model, table) -> int:
    by_name = {f.attname: f for f in _columns(model)}
    unknown = [c for c in table["columns"] if c not in by_name]
    if unknown:
        raise BackupError(f"{table['table']}: columns this lsip does not have: {unknown}")
    fields = [by_name[c] for c in table["columns"]]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    count, batch = 0, []
    with archive.open(f"tables/{table['table']}.jsonl") as handle, connection.cursor() as cursor:
        for line in handle:
            values = json.loads(line)
            batch.append(
                [
                    None if v is None else f.get_db_prep_save(f.to_python(v), connection)
                    for f, v in zip(fields, values, strict=True)
                ]
            )
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    if count != table["rows"]:
        raise BackupError(f"{table['table']}: {count} rows read, the manifest says {table['rows']}")
    return count


def _extract_files(archive) -> tuple[Path, int]:
    """Unpack the backup's files into a folder beside their places; (folder, how many)."""
    roots = dict(_file_roots())
    staged = Path(settings.DATA_DIR) / ".restoring"
    if staged.exists():
        shutil.rmtree(staged)
    staged.mkdir(parents=True)
    members = [m for m in archive.infolist() if m.filename.startswith("files/") and not m.is_dir()]
    try:
        for member in members:
            parts = PurePosixPath(member.filename).parts
            if len(parts) < 3 or parts[1] not in roots or ".." in parts:
                raise BackupError(f"an unexpected file in the backup: {member.filename}")
            target = staged.joinpath(*parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged, len(members)


def _swap_in(staged: Path) -> None:
    """Each folder of files replaced by the backup's (an empty one when it had none)."""
    for name, root in _file_roots():
        if root.is_dir():
            shutil.rmtree(root)
        if (staged / name).is_dir():
            root.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(staged / name, root)
    shutil.rmtree(staged, ignore_errors=True)

"""Writing many records at once: INSERT with executemany (what bulk_create does, without its
per-value overhead, which dominates an import of 50,000 rows) and the audit entries the
recorder would have written, since bulk writes send no signals (lsip/audit/recorder.py)."""

import itertools
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections, models, transaction
from django.utils import timezone

from lsip.audit.context import current_actor
from lsip.audit.models import AuditEntry
from lsip.audit.recorder import _jsonable

BATCH = 1000


_AS_IS = {
    "BooleanField",
    "CharField",
    "EmailField",
    "FloatField",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "TextField",
    "URLField",
}


def insert_columns(model):
    """The fields an INSERT writes (an automatic id is left to the database)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.get_internal_type() not in ("AutoField", "BigAutoField")
    ]


#: Rows staged in one short transaction of their own.
STAGE_CHUNK = 5000
_stage_names = itertools.count()


@dataclass
class Insert:
    """An INSERT made ready outside the transaction: its SQL and its rows as the database
    takes them, so that the transaction only sends them.

    For a large import, `stage()` first writes the rows, in chunks, into a temporary table of
    this connection (outside the transaction: on SQLite a temporary table is a database of its
    own, so staging takes no lock on lsip's), and the transaction then only copies each
    staging table into its real one (`switch_in()`), in the database, in a moment. A process
    killed while staging leaves nothing: temporary tables end with their connection."""

    sql: str
    rows: list
    table: str = ""
    columns: str = ""
    staged: str = ""

    def run(self) -> None:
        """Send the rows (or copy the staged ones) into the real table."""
        if self.staged:
            self.switch_in()
            return
        with connections["default"].cursor() as cursor:
            for start in range(0, len(self.rows), BATCH):
                cursor.executemany(self.sql, self.rows[start : start + BATCH])

    def stage(self, progress=None) -> None:
        """Write the rows into a new temporary table with the real one's columns."""
        conn = connections["default"]
        quote = conn.ops.quote_name
        name = f"lsip_import_stage_{next(_stage_names)}"
        with conn.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {quote(name)}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {quote(name)} AS "
                f"SELECT {self.columns} FROM {self.table} WHERE 1 = 0"
            )
        self.staged = name
        sql = self.sql.replace(f"INSERT INTO {self.table} ", f"INSERT INTO {quote(name)} ", 1)
        for start in range(0, len(self.rows), STAGE_CHUNK):
            with _staging_transaction(conn), conn.cursor() as cursor:
                for at in range(start, min(start + STAGE_CHUNK, len(self.rows)), BATCH):
                    cursor.executemany(sql, self.rows[at : min(at + BATCH, start + STAGE_CHUNK)])
            if progress is not None:
                progress(min(start + STAGE_CHUNK, len(self.rows)))

    def switch_in(self) -> None:
        quote = connections["default"].ops.quote_name
        with connections["default"].cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {self.table} ({self.columns}) "
                f"SELECT {self.columns} FROM {quote(self.staged)}"
            )

    def drop_stage(self) -> None:
        if not self.staged:
            return
        conn = connections["default"]
        if conn.connection is not None:
            with conn.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {conn.ops.quote_name(self.staged)}")
        self.staged = ""


@contextmanager
def _staging_transaction(conn):
    """One chunk of staging in a short transaction. On SQLite a plain (deferred) BEGIN, not
    lsip's IMMEDIATE one, which would take the write lock of the main database that staging
    does not touch; inside an outer transaction (a test's), the chunk simply joins it."""
    if conn.vendor != "sqlite" or conn.in_atomic_block:
        with transaction.atomic():
            yield
        return
    conn.ensure_connection()
    conn.connection.execute("BEGIN DEFERRED")
    try:
        yield
    except BaseException:
        conn.connection.execute("ROLLBACK")
        raise
    conn.connection.execute("COMMIT")


def stage_all(inserts, progress=None) -> None:
    """Stage every insert (see `Insert.stage`), telling `progress(done, total)` the rows."""
    total, done = sum(len(i.rows) for i in inserts), 0
    for insert in inserts:
        insert.stage(None if progress is None else lambda n, d=done: progress(d + n, total))
        done += len(insert.rows)


def drop_stages(inserts) -> None:
    for insert in inserts:
        insert.drop_stage()


def records_insert(model, records) -> Insert:
    """INSERT model instances with executemany: what bulk_create does, without its per-value
    overhead, which dominates an import of 50,000 rows. Timestamps are set as `pre_save` sets
    them; other values go through each field's `get_db_prep_save`, as in a save."""
    now = timezone.now()
    fields = insert_columns(model)
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for record in records:
                setattr(record, field.attname, now)
    insert = rows_insert(model, [[getattr(r, f.attname) for f in fields] for r in records])
    for record in records:
        record._state.adding, record._state.db = False, "default"
    return insert


def _preparer(field, conn):
    """`field.get_db_prep_save`, remembering the last value (the batch's one timestamp); a
    UUID (a key, or a key of another table) as `UUIDField` stores it, without the round."""
    target = getattr(field, "target_field", None) or field
    if target.get_internal_type() == "UUIDField" and not isinstance(field, models.ManyToManyField):
        native = conn.features.has_native_uuid_field

        def prepare_uuid(value):
            if isinstance(value, uuid.UUID):
                return value if native else value.hex
            return field.get_db_prep_save(value, conn)

        return prepare_uuid
    last = [object(), None]

    def prepare(value):
        if value is not last[0]:
            last[0], last[1] = value, field.get_db_prep_save(value, conn)
        return last[1]

    return prepare


def rows_insert(model, rows) -> Insert:
    """INSERT rows of raw values, in `insert_columns(model)` order."""
    conn = connections["default"]
    fields = insert_columns(model)
    prepare = [None if f.get_internal_type() in _AS_IS else _preparer(f, conn) for f in fields]
    quote = conn.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    ready = [tuple(v if p is None else p(v) for p, v in zip(prepare, r, strict=True)) for r in rows]
    return Insert(
        sql,
        ready,
        table=quote(model._meta.db_table),
        columns=", ".join(quote(f.column) for f in fields),
    )


class _Snapshot:
    """`lsip.audit.recorder.snapshot` for many records of one model: the same values, with
    each field's choices looked up once rather than once a record."""

    def __init__(self, model, names: dict):
        self.fields = [
            (f, dict(f.flatchoices) if f.choices else None)
            for f in model._meta.concrete_fields
            if f.name not in model.audit_ignore and not f.primary_key
        ]
        self.names = names  # str() of related records, by (model, pk): many share one

    def __call__(self, instance) -> dict:
        values = {}
        for field, choices in self.fields:
            raw = getattr(instance, field.attname)
            if field.is_relation and raw is not None:
                key = (field.related_model, raw)
                if key not in self.names:
                    related = getattr(instance, field.name, None)
                    self.names[key] = str(related) if related is not None else str(raw)
                values[field.name] = self.names[key]
            elif choices is not None and raw not in (None, ""):
                values[field.name] = str(choices.get(raw, raw))
            else:
                values[field.name] = _jsonable(raw)
        return values


def audit_insert(records, names: dict | None = None) -> Insert:
    """The audit entries the recorder writes on create, for records written in bulk (no
    signals are sent): same actor, area, repr and changes. `names` keeps each record's str()
    for the entries of the records that point at it (a need names its engagement)."""
    if not records:
        return Insert("", [])
    names = {} if names is None else names
    actor, label = current_actor()
    model = type(records[0])
    snap = _Snapshot(model, names)
    now = timezone.now()
    model_label = records[0]._meta.label
    values = {
        "at": now,
        "actor_id": actor.pk if actor is not None else None,
        "actor_label": label[:200],
        "action": AuditEntry.Action.CREATE.value,
        "model": model_label,
    }
    fields = insert_columns(AuditEntry)
    rows = []
    for record in records:
        area = record.audit_area
        values.update(
            area_id=area.pk if area is not None else None,
            object_id=str(record.pk),
            object_repr=names.setdefault((model, record.pk), str(record))[:300],
            changes={
                name: [None, value]
                for name, value in snap(record).items()
                if value not in (None, "")
            },
        )
        rows.append([values[f.attname] for f in fields])
    return rows_insert(AuditEntry, rows)

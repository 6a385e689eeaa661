"""An area's whole cycle as one JSON document, and back (`lsip export area`, `lsip import
area`): plan, evidence, governance, delivery and the provenance of every figure (each
dataset and its observations), validated against `schema.area_schema()`.

Export, import into an empty database and export again give the same bytes: records keep
their UUIDs and timestamps, rows are in a fixed order, and rows keyed by a number (plan
revisions, observations, votes) are numbered within the document. An import applies
completely or not at all; a bad document is refused whole with the path of its first error.
"""

import datetime
import decimal
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Max

from lsip.areas.models import Area
from lsip.interchange import registry
from lsip.interchange.schema import FORMAT, VERSION, area_schema, schema_url

#: Exported text is written with sorted keys and one-space indents, as UTF-8.
INDENT = 1


class DocumentError(ValueError):
    """A document that cannot be imported: `path` names where ("records/plans.priority/3/
    title"), `str()` says why."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path or '(document)'}: {message}")
        self.path = path


@dataclass(frozen=True)
class Options:
    personal_data: bool = False


# --- Export --------------------------------------------------------------------------------


def fields_of(model):
    """(concrete fields, many-to-many fields with an automatic table) the document holds."""
    concrete = [f for f in model._meta.concrete_fields]
    many = [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]
    return concrete, many


def _plain(field, value):
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(field, models.FileField):
        return value.name if hasattr(value, "name") else str(value)
    return value


class _Exporter:
    def __init__(self, area: Area, options: Options):
        self.area = area
        self.options = options
        self.parts = registry.parts()
        self.labels = {p.label for p in self.parts}
        self.int_ids: dict[str, dict] = {}  # label -> database pk -> number in the document
        # label -> the pks the document holds (references to others go by natural key)
        self.present = {p.label: set(p.rows(area).values_list("pk", flat=True)) for p in self.parts}

    def omitted(self, label: str) -> bool:
        return label in registry.PERSONAL_MODELS and not self.options.personal_data

    def ref(self, field, raw):
        """A foreign key's value in the document."""
        if raw is None:
            return None
        target = registry._label(field.related_model)
        if target in self.labels and raw in self.present[target]:
            if self.omitted(target):
                return None
            if target in self.int_ids:
                return self.int_ids[target].get(raw)
            return str(raw)
        key = registry.REFERENCE.get(target)
        if target == "accounts.user" and not self.options.personal_data:
            return None
        if key is None:
            return None  # a record outside the cycle (a background job): not carried
        return _natural(field.related_model, key, raw)

    def row(self, part, instance, concrete, many, m2m_values):
        personal = registry.PERSONAL_FIELDS.get(part.label, set())
        out = {}
        for field in concrete:
            raw = getattr(instance, field.attname)
            if field.primary_key:
                out["id"] = str(raw) if part.uuid_keys else raw
            elif field.is_relation:
                out[field.name] = self.ref(field, raw)
            elif field.name in personal and not self.options.personal_data:
                out[field.name] = None if field.null else ""
            else:
                out[field.name] = _plain(field, getattr(instance, field.name))
        for field in many:
            targets = [self.ref(field, pk) for pk in m2m_values[field.name].get(instance.pk, [])]
            out[field.name] = sorted((t for t in targets if t is not None), key=str)
        return out

    def records(self) -> dict:
        records = {}
        # numbered rows first, so references to them can be written
        ordered = sorted(self.parts, key=lambda p: p.uuid_keys)
        for part in ordered:
            if self.omitted(part.label):
                records[part.label] = []
                continue
            concrete, many = fields_of(part.model)
            rows = part.rows(self.area)
            instances = list(rows.order_by("pk"))
            m2m_values = {f.name: _links(f, [i.pk for i in instances]) for f in many}
            if part.uuid_keys:
                written = [self.row(part, i, concrete, many, m2m_values) for i in instances]
                written.sort(key=lambda r: r["id"])
            else:
                # rows keyed by a number are numbered within the document, in content order
                pairs = []
                for instance in instances:
                    body = self.row(part, instance, concrete, many, m2m_values)
                    body.pop("id")
                    pairs.append((json.dumps(body, sort_keys=True, default=str), instance.pk, body))
                pairs.sort(key=lambda t: t[0])
                self.int_ids[part.label] = {pk: n for n, (_k, pk, _b) in enumerate(pairs, 1)}
                written = [{"id": n, **body} for n, (_k, _pk, body) in enumerate(pairs, 1)]
            records[part.label] = written
        return {p.label: records[p.label] for p in self.parts}


def _links(field, pks) -> dict:
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    links = defaultdict(list)
    for start in range(0, len(pks), 500):
        for a, b in through.objects.filter(
            **{f"{source}__in": pks[start : start + 500]}
        ).values_list(f"{source}_id", f"{target}_id"):
            links[a].append(b)
    return links


_NATURAL_CACHE: dict = {}


def _natural(model, key, pk):
    cache = _NATURAL_CACHE.setdefault((model, key), {})
    if pk not in cache:
        cache[pk] = model.objects.filter(pk=pk).values_list(key, flat=True).first()
    return cache[pk]


def export_area(area: Area, *, personal_data: bool = False) -> dict:
    """The area's whole record as the interchange document (a dict ready for JSON)."""
    _NATURAL_CACHE.clear()
    exporter = _Exporter(area, Options(personal_data=personal_data))
    erb = exporter.ref(Area._meta.get_field("erb"), area.erb_id)
    return {
        "$schema": schema_url(),
        "format": FORMAT,
        "version": VERSION,
        "area": {"slug": area.slug, "name": area.name, "erb": erb},
        "personal_data": personal_data,
        "records": exporter.records(),
    }


def dumps(document: dict) -> str:
    return json.dumps(document, indent=INDENT, sort_keys=True, ensure_ascii=False) + "\n"


# --- Import --------------------------------------------------------------------------------


def validate(document) -> None:
    """Refuse a document that breaks the JSON Schema, naming the path of its first error."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(
        area_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(
        validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]
    )
    if errors:
        first = errors[0]
        raise DocumentError("/".join(str(p) for p in first.absolute_path), first.message)


def load(text: str | bytes) -> dict:
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise DocumentError("", f"not JSON ({error})") from None


def import_area(document: dict, *, actor=None) -> dict[str, int]:
    """Write the document's records into the database, whose copy of the area must hold
    none of them yet. All or nothing; returns the rows written per model."""
    validate(document)
    slug = document["area"]["slug"]
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        raise DocumentError("area/slug", f"no area {slug!r} in this database")
    parts = registry.parts()
    for part in parts:
        if part.rows(area).exists():
            raise DocumentError(
                f"records/{part.label}",
                f"{area.name} already holds records of this kind: import into an empty database",
            )
    importer = _Importer(area, document, parts)
    with transaction.atomic():
        counts = importer.write()
        erb = document["area"]["erb"]
        if erb is not None:
            Area.objects.filter(pk=area.pk).update(erb=erb)
        _audit(area, actor, counts)
    return counts


class _Importer:
    def __init__(self, area, document, parts):
        self.area = area
        self.document = document
        self.parts = parts
        self.labels = {p.label for p in parts}
        self.ids: dict[str, set] = {}
        self.int_ids: dict[str, dict] = {}  # label -> number in document -> new pk
        records = document["records"]
        for part in parts:
            rows = records.get(part.label, [])
            self.ids[part.label] = {r["id"] for r in rows}
        self.natural: dict = {}

    def resolve(self, field, value, path):
        if value is None:
            if not field.null:
                raise DocumentError(path, "a value is required")
            return None
        target = registry._label(field.related_model)
        if target in self.labels and value in self.ids[target]:
            if target in self.int_ids:
                return self.int_ids[target][value]
            return uuid.UUID(value) if isinstance(value, str) else value
        key = registry.REFERENCE.get(target)
        if key is None:
            raise DocumentError(path, f"no {target} with id {value!r} in the document")
        lookup = self.natural.setdefault(target, {})
        if value not in lookup:
            found = field.related_model.objects.filter(**{key: value})
            if target == "sectors.sector":
                found = found.filter(area__isnull=True)
            if target == "areas.localauthority":
                found = found.filter(area=self.area)
            pk = found.values_list("pk", flat=True).first()
            if pk is None:
                raise DocumentError(path, f"no {target} {value!r} in this database")
            lookup[value] = pk
        return lookup[value]

    def write(self) -> dict[str, int]:
        counts = {}
        links = []
        numbered = [p for p in self.parts if not p.uuid_keys]
        for part in numbered:
            base = part.model.objects.aggregate(m=Max("pk"))["m"] or 0
            rows = self.document["records"].get(part.label, [])
            self.int_ids[part.label] = {r["id"]: base + n for n, r in enumerate(rows, 1)}
        for part in self.parts:
            concrete, many = fields_of(part.model)
            rows = self.document["records"].get(part.label, [])
            values = [
                self.record(part, concrete, many, row, f"records/{part.label}/{i}", links)
                for i, row in enumerate(rows)
            ]
            _insert(part.model, concrete, values)
            counts[part.label] = len(values)
        _link(links)
        if numbered and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), [p.model for p in numbered]
                ):
                    cursor.execute(sql)
        return counts

    def record(self, part, concrete, many, row, path, links) -> list:
        """One row's values in field order; its many-to-many links are added to `links`."""
        record = []
        for field in concrete:
            if field.primary_key:
                key = row["id"]
                value = uuid.UUID(key) if part.uuid_keys else self.int_ids[part.label][key]
                own = value
            elif field.is_relation:
                value = self.resolve(field, row[field.name], f"{path}/{field.name}")
            else:
                value = _python(field, row[field.name], f"{path}/{field.name}")
            record.append(value)
        for field in many:
            for target in row[field.name]:
                links.append((field, own, self.resolve(field, target, f"{path}/{field.name}")))
        return record


def _link(links) -> None:
    """Write the many-to-many links, one bulk INSERT per field."""
    by_field = defaultdict(list)
    for field, source, target in links:
        by_field[field].append((source, target))
    for field, pairs in by_field.items():
        through = field.remote_field.through
        a, b = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [through(**{f"{a}_id": s, f"{b}_id": t}) for s, t in pairs], batch_size=1000
        )


def no_style():
    from django.core.management.color import no_style as style

    return style()


def _python(field, value, path):
    if value is None:
        if not field.null:
            raise DocumentError(path, "a value is required")
        return None
    if isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.FileField):
        return value
    try:
        return field.to_python(value)
    except Exception as error:  # noqa: BLE001 - every field's own message is reported
        messages = getattr(error, "messages", [str(error)])
        raise DocumentError(path, "; ".join(str(m) for m in messages)) from None


def _insert(model, fields, rows):
    """INSERT the rows as they are (keys and timestamps kept), in batches."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    prepared = [
        tuple(f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True))
        for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(prepared), 1000):
            cursor.executemany(sql, prepared[start : start + 1000])


def _audit(area, actor, counts):
    """One trail entry for the import (rows written in bulk send no signals)."""
    from lsip.audit.models import AuditEntry

    AuditEntry.objects.create(
        area=area,
        actor=actor,
        actor_label=actor.get_username() if actor else "lsip import area",
        action=AuditEntry.Action.CREATE,
        model="interchange.document",
        object_id=area.slug,
        object_repr=f"{area.name}: the whole cycle imported from a document",
        changes={label: [None, n] for label, n in counts.items() if n},
    )

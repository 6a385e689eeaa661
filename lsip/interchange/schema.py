"""The JSON Schema of the interchange document, made from the models (so it cannot drift
from them): a test keeps `docs/interchange/area.schema.json` equal to it, and
`/interchange/schema/area-v1.json` serves it."""

from functools import cache

from lsip.interchange import registry

FORMAT = "lsip-area"
VERSION = 1
SCHEMA_PATH = "/interchange/schema/area-v1.json"
UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def schema_url() -> str:
    """The schema's stable address on any lsip site."""
    return SCHEMA_PATH


def _nullable(schema: dict, field) -> dict:
    if getattr(field, "null", False):
        kind = schema.get("type")
        if kind is None:
            return {"anyOf": [schema, {"type": "null"}]}
        schema = {**schema, "type": [kind, "null"]}
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    return schema


def _key(target_label: str) -> dict:
    part = registry.part_of(target_label)
    if part is not None and target_label not in registry.REFERENCE:
        if part.uuid_keys:
            return {"type": "string", "pattern": UUID_PATTERN}
        return {"type": "integer", "minimum": 1}
    return {"type": "string"}


_INTEGERS = (
    "IntegerField",
    "SmallIntegerField",
    "BigIntegerField",
    "AutoField",
    "BigAutoField",
)
_POSITIVE = ("PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField")
_TEXT = ("CharField", "SlugField", "EmailField", "URLField", "TextField")
#: The schema of each kind of field that is not text, a key or a choice.
_KINDS = {
    **{kind: {"type": "integer"} for kind in _INTEGERS},
    **{kind: {"type": "integer", "minimum": 0} for kind in _POSITIVE},
    "UUIDField": {"type": "string", "pattern": UUID_PATTERN},
    "FileField": {"type": "string", "description": "The file's name; files are not carried."},
    "FloatField": {"type": "number"},
    "DecimalField": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
    "BooleanField": {"type": "boolean"},
    "DateField": {"type": "string", "format": "date"},
    "DateTimeField": {"type": "string", "format": "date-time"},
    "TimeField": {"type": "string", "format": "time"},
}


def field_schema(field) -> dict:
    """The schema of one field's value in the document (null allowed where the field is)."""
    if field.is_relation:
        return _nullable(_key(registry._label(field.related_model)), field)
    kind = field.get_internal_type()
    if kind == "JSONField":
        return {}
    if field.choices and kind in ("CharField", "SlugField"):
        values = [str(v) for v, _label in field.flatchoices]
        if (field.blank or not field.has_default() or field.default == "") and "" not in values:
            values.append("")
        return _nullable({"type": "string", "enum": values}, field)
    if kind in _TEXT:
        schema = {"type": "string"}
        if getattr(field, "max_length", None) and kind != "TextField":
            schema["maxLength"] = field.max_length
    elif kind in _KINDS:
        schema = dict(_KINDS[kind])
    else:
        raise TypeError(f"{field.model._meta.label}.{field.name}: no schema for {kind}")
    return _nullable(schema, field)


def part_schema(part) -> dict:
    from lsip.interchange.document import fields_of

    concrete, many = fields_of(part.model)
    properties = {}
    for field in concrete:
        if field.primary_key:
            properties["id"] = _key(part.label)
        else:
            properties[field.name] = field_schema(field)
    for field in many:
        properties[field.name] = {
            "type": "array",
            "items": _key(registry._label(field.related_model)),
            "uniqueItems": True,
        }
    return {
        "type": "array",
        "description": str(part.model._meta.verbose_name_plural).capitalize(),
        "items": {
            "type": "object",
            "properties": properties,
            "required": sorted(properties),
            "additionalProperties": False,
        },
    }


@cache
def area_schema() -> dict:
    """The JSON Schema (draft 2020-12) every exported area document validates against."""
    parts = registry.parts()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "One LSIP area's cycle as one document (lsip interchange format, version 1)",
        "type": "object",
        "required": ["format", "version", "area", "personal_data", "records"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string"},
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "personal_data": {
                "type": "boolean",
                "description": "True when contacts and people's details are included.",
            },
            "area": {
                "type": "object",
                "required": ["slug", "name", "erb"],
                "additionalProperties": False,
                "properties": {
                    "slug": {"type": "string", "pattern": "^[-a-z0-9]+$"},
                    "name": {"type": "string"},
                    "erb": {"type": ["string", "null"], "pattern": UUID_PATTERN},
                },
            },
            "records": {
                "type": "object",
                "required": [p.label for p in parts],
                "additionalProperties": False,
                "properties": {p.label: part_schema(p) for p in parts},
            },
        },
    }

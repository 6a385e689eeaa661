"""Planning and applying an import: every row validated first, then all written or none.

SG 5.1: the ERB keeps a record of every employer engaged. An import adds one engagement per
row (and a skills need where the row names an occupation), matches the employer to the one
already recorded, and records the batch (file, SHA-256, mapping, counts, who). Importing the
same rows again adds nothing: each engagement keeps a fingerprint of its normalised row.
"""

import hashlib
import json
from pathlib import Path

from django.db import IntegrityError, connections, transaction
from django.utils import timezone

from lsip.audit.context import acting_as, current_actor
from lsip.audit.models import AuditEntry
from lsip.audit.recorder import _jsonable
from lsip.classification import services as coding
from lsip.classification.coder import Status
from lsip.classification.coder.soc import learned_key
from lsip.classification.services import queue_for_review
from lsip.core.files import sha256_of
from lsip.engagement.imports import fields as parse
from lsip.engagement.imports.matching import Employer, Matcher, Places, normalise_name, pair_id
from lsip.engagement.imports.parsing import cell_text, read_sheet, table
from lsip.engagement.imports.report import Doubtful, PreparedRow, Report, RowError
from lsip.engagement.models import Engagement, ImportBatch, SkillsNeed
from lsip.organisations.models import Contact, Organisation


class MappingError(ValueError):
    """A mapping that cannot be used: the message says which field or column."""


class RejectedImportError(Exception):
    """The file has errors; `report` names every one and nothing was applied."""

    def __init__(self, report: Report):
        count = len(report.rejected_rows)
        super().__init__(f"{count} row{'s' * (count != 1)} with errors; nothing was imported")
        self.report = report


def _missing(columns_of: dict, defaults: dict) -> list[str]:
    """What a mapping must still say: who and when, how, and (for occupations) which need."""
    missing = [parse.LABELS[k] for k in ("employer_name", "date") if k not in columns_of]
    if "type" not in columns_of and "type" not in defaults:
        missing.append("Engagement type (or a default type)")
    if "occupation" in columns_of and "need_type" not in columns_of | defaults:
        missing.append("Need type (or a default need type, as the file has occupations)")
    return missing


def clean_mapping(mapping: dict, columns: list[str] | None = None) -> dict:
    """The mapping in its one stored form: {"columns": {field: column}, "defaults": {"type",
    "need_type"}, "date_order": "auto"|"dmy"|"mdy", "header_row": N or None}.

    A flat {field: column} dict is accepted too. Employer name and date must be mapped, and
    the engagement type mapped or given a default (SG 5.1: who, how and when)."""
    if not isinstance(mapping, dict):
        raise MappingError("the mapping must be a JSON object of field: column")
    if "columns" in mapping:
        columns_of = mapping.get("columns") or {}
    else:
        settings_keys = ("defaults", "date_order", "header_row")
        columns_of = {k: v for k, v in mapping.items() if k not in settings_keys}
    unknown = sorted(set(columns_of) - set(parse.FIELD_KEYS))
    if unknown:
        raise MappingError(
            f"unknown fields in the mapping: {', '.join(unknown)}; the fields are "
            f"{', '.join(parse.FIELD_KEYS)}"
        )
    columns_of = {k: str(v).strip() for k, v in columns_of.items() if v and str(v).strip()}
    defaults = {k: v for k, v in (mapping.get("defaults") or {}).items() if v}
    for key, parser in (("type", parse.engagement_type), ("need_type", parse.need_type)):
        if key in defaults:
            try:
                defaults[key] = parser(defaults[key])
            except parse.FieldError as error:
                raise MappingError(f"default {parse.LABELS[key].lower()}: {error}") from None
    missing = _missing(columns_of, defaults)
    if missing:
        raise MappingError(f"map a column to: {', '.join(missing)}")
    order = mapping.get("date_order") or "auto"
    if order not in ("auto", "dmy", "mdy"):
        raise MappingError("date_order must be auto, dmy or mdy")
    if columns is not None:
        absent = sorted({c for c in columns_of.values() if c not in columns})
        if absent:
            raise MappingError(f"no column named {', '.join(repr(c) for c in absent)} in the file")
    header_row = mapping.get("header_row") or None
    return {
        "columns": columns_of,
        "defaults": defaults,
        "date_order": order,
        "header_row": int(header_row) if header_row else None,
    }


_TEXT = {
    "employer_name": 200,
    "erb_staff": 200,
    "occupation": 300,
    "detail": 10000,
    "contact_name": 200,
    "contact_phone": 40,
}
_PARSERS = {
    "companies_house_number": parse.company_number,
    "employees": parse.employees,
    "size_band": parse.size_band,
    "ownership": parse.ownership,
    "erb_member": parse.yes_no,
    "type": parse.engagement_type,
    "consent_to_be_named": parse.yes_no,
    "need_type": parse.need_type,
    "level": parse.level,
    "number": parse.whole_number,
    "timescale": parse.timescale,
    "themes": parse.themes,
    "contact_email": parse.email,
}


def plan_import(
    *, area, path, mapping, filename=None, header_row=None, accept=(), sheet=None
) -> Report:
    """Read and validate every row and match every employer, writing nothing (SG 5.1).

    `accept` holds the ids of doubtful matches a person confirmed as the same employer; the
    others become new employers."""
    path = Path(path)
    filename = filename or path.name
    sheet = sheet or read_sheet(path, filename)
    mapping = clean_mapping(mapping)
    header_row = header_row or mapping["header_row"]
    data = table(sheet, mapping["columns"].values(), header_row)
    report = Report(filename=filename, sha256=sha256_of(path), header_row=data.header_row)
    report.rows_read = len(data.rows)
    columns, defaults = mapping["columns"], mapping["defaults"]
    places = Places(area)
    date_column = columns["date"]
    file_order = parse.date_order_of(row.get(date_column, "") for _, row in data.rows)
    order = mapping["date_order"]
    if order == "auto":
        order = file_order if file_order in ("dmy", "mdy") else "dmy"
    seen = {}
    cache = {}  # survey columns repeat their values: read each distinct one once
    for number, row in data.rows:
        values, errors = _parse_row(
            number, row, columns, defaults, places, order, file_order, cache
        )
        if errors:
            report.errors.extend(errors)
            continue
        key = fingerprint(values)
        if key in seen:
            report.duplicates.append((number, seen[key]))
            continue
        seen[key] = number
        report.prepared.append(PreparedRow(number, values, key))
    existing = _already_imported(area, list(seen))
    report.already_imported = [p.row for p in report.prepared if p.source_key in existing]
    report.prepared = [p for p in report.prepared if p.source_key not in existing]
    _match_employers(area, report, set(accept))
    return report


def _parse_row(number, row, columns, defaults, places, order, file_order, cache):
    values, errors = {}, []
    for key, column in columns.items():
        raw = row.get(column, "")
        text = cell_text(raw)
        if not text:
            continue
        memo = (key, type(raw), text)
        if memo not in cache:
            try:
                cache[memo] = _parse_cell(key, raw, text, places, order, file_order)
            except parse.FieldError as error:
                cache[memo] = error
        value = cache[memo]
        if isinstance(value, parse.FieldError):
            errors.append(RowError(number, key, text[:80], str(value)))
        else:
            values[key] = list(value) if isinstance(value, list) else value
    failed = {e.field for e in errors}
    for key in ("type", "need_type"):
        if key not in values and key not in failed and key in defaults:
            values[key] = defaults[key]
    for key in ("employer_name", "date", "type"):
        if key not in values and key not in failed:
            errors.append(RowError(number, key, "", f"{parse.LABELS[key]} is blank"))
    if values.get("occupation") and "need_type" not in values and "need_type" not in failed:
        errors.append(
            RowError(number, "need_type", "", "Need type is blank (choose a default when mapping)")
        )
    if "employees" in values:
        values["size_band"] = values.pop("employees")
    return values, errors


def _parse_cell(key, raw, text, places, order, file_order):
    if key == "date":
        return parse.date(raw, order, file_order)
    if key == "local_authority":
        district = places.find(text)
        if district is None:
            raise parse.FieldError(f"not a local authority of this area ({places.names()})")
        return district
    if key in _PARSERS:
        return _PARSERS[key](text)
    return parse.text(text, _TEXT.get(key, 200))


def fingerprint(values: dict) -> str:
    """SHA-256 of the row's normalised values, so that the same row imports once."""
    canonical = {
        k: (v.isoformat() if hasattr(v, "isoformat") else getattr(v, "name", v))
        for k, v in values.items()
    }
    if "employer_name" in canonical:
        canonical["employer_name"] = normalise_name(canonical["employer_name"])
    return hashlib.sha256(
        json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def _already_imported(area, keys: list[str]) -> set[str]:
    found = set()
    for start in range(0, len(keys), 900):
        found |= set(
            Engagement.objects.filter(
                area=area, source_key__in=keys[start : start + 900]
            ).values_list("source_key", flat=True)
        )
    return found


def _match_employers(area, report: Report, accept: set) -> None:
    """Group the rows by employer (company number, else normalised name and place), then match
    each employer to the area's organisations (see `matching`)."""
    by_key, name_to_number = {}, {}
    for prepared in report.prepared:
        v = prepared.values
        number = v.get("companies_house_number", "")
        district = v.get("local_authority")
        name_key = (normalise_name(v["employer_name"]), district.pk if district else None)
        if number:
            name_to_number.setdefault(name_key, number)
    for prepared in report.prepared:
        v = prepared.values
        district = v.get("local_authority")
        name_key = (normalise_name(v["employer_name"]), district.pk if district else None)
        number = v.get("companies_house_number") or name_to_number.get(name_key, "")
        key = ("number", number) if number else ("name", *name_key)
        employer = by_key.get(key)
        if employer is None:
            employer = by_key[key] = Employer(key, v["employer_name"], number, district)
            employer.first_values = v
        employer.rows.append(prepared.row)
        prepared.employer = employer
    matcher = Matcher(area)
    for employer in by_key.values():
        matcher.match(employer)
        for org in employer.doubtful:
            pair = pair_id(employer, org)
            accepted = pair in accept
            report.doubtful.append(
                Doubtful(pair, employer.name, str(employer.district), org, employer.rows, accepted)
            )
            if accepted and employer.existing is None:
                employer.existing, employer.how = org, "confirmed by a person"
    report.employers = list(by_key.values())


class _CachedCoder:
    """Codes each distinct title once (the benchmark's 50,000 rows hold far fewer titles)."""

    def __init__(self, coder):
        self.coder, self.cache = coder, {}

    def code(self, words, description=None, industry=None, learned=None):
        if self.coder is None:
            return None
        if words not in self.cache:
            self.cache[words] = self.coder.code(words, description, industry, learned)
        return self.cache[words]


def apply_import(
    *,
    area,
    path,
    mapping,
    actor,
    filename=None,
    header_row=None,
    accept=(),
    coder=None,
    learned=None,
    progress=None,
    report=None,
) -> ImportBatch:
    """Validate the whole file and, if no row has an error, write it in one transaction:
    new employers, engagements, skills needs (coded to SOC 2020) and contacts, and the
    ImportBatch that records it. Raises RejectedImportError (nothing written) otherwise."""
    from lsip.classification.coder.store import CoderFilesMissingError

    path = Path(path)
    mapping = clean_mapping(mapping)
    if header_row:
        mapping["header_row"] = header_row
    report = report or plan_import(
        area=area, path=path, mapping=mapping, filename=filename, accept=accept
    )
    if report.errors:
        raise RejectedImportError(report)
    if coder is None:
        try:
            coder = coding.soc_coder()
        except CoderFilesMissingError:
            coder = None
    coder = _CachedCoder(coder)
    if learned is None:
        learned = coding.learned_mappings(area)
    stored_mapping = {
        **mapping,
        "header_row": report.header_row,
        "accepted_matches": sorted(d.pair for d in report.doubtful if d.accepted),
    }
    try:
        with transaction.atomic(), acting_as(actor):
            batch = ImportBatch.objects.create(
                area=area,
                filename=report.filename[:255],
                sha256=report.sha256,
                mapping=stored_mapping,
                rows=report.rows_read,
                rows_already_imported=len(report.already_imported),
                imported_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            created = _write(area, report, batch, actor, coder, learned, progress)
            for name, count in created.items():
                setattr(batch, name, count)
            batch.save()
    except IntegrityError as error:
        raise RejectedImportError(
            _with_error(report, f"the record changed while importing ({error}); import again")
        ) from None
    return batch


def _with_error(report, reason):
    report.errors.append(RowError(report.header_row, "", "", reason))
    return report


_BATCH = 1000
#: Foreign keys are set from records already in hand, so validating them would only repeat
#: a query per row.
_NOT_RECHECKED = ["area", "cycle", "import_batch", "engagement", "organisation"]


def _write(area, report, batch, actor, coder, learned, progress):
    """Write the planned rows in bulk inside the caller's transaction.

    The same records `record_engagement` and `add_skills_need` make, validated the same way
    (full_clean), coded the same way, with an audit entry for each created record written
    here because bulk_create sends no signals (lsip/audit/recorder.py)."""
    created = {"organisations": [], "engagements": [], "needs": [], "contacts": []}
    for employer in report.employers:
        if employer.existing is None:
            first = employer.first_values
            org = Organisation(
                area=area,
                name=employer.name,
                type=Organisation.Type.EMPLOYER,
                companies_house_number=employer.company_number,
                local_authority=employer.district,
                size_band=first.get("size_band", ""),
                ownership=first.get("ownership", ""),
                erb_member=first.get("erb_member"),
            )
            org.full_clean(exclude=[*_NOT_RECHECKED, "local_authority"], validate_unique=False)
            org.clean()
            employer.existing = org
            created["organisations"].append(org)
        else:
            employer.existing.area = area
    known_contacts = {
        (c.organisation_id, c.name.casefold(), c.email.casefold())
        for c in Contact.objects.filter(organisation__area=area).only(
            "organisation_id", "name", "email"
        )
    }
    links, to_review = [], {}
    for done, prepared in enumerate(report.prepared, 1):
        v, org = prepared.values, prepared.employer.existing
        engagement = Engagement(
            area=area,
            type=v["type"],
            date=v["date"],
            erb_staff=v.get("erb_staff", ""),
            consent_to_be_named=v.get("consent_to_be_named", False),
            notes=v.get("detail", "") if not v.get("occupation") else "",
            import_batch=batch,
            source_key=prepared.source_key,
        )
        engagement.full_clean(exclude=_NOT_RECHECKED, validate_unique=False)
        created["engagements"].append(engagement)
        links.append((engagement, org))
        if v.get("occupation"):
            need = _need(engagement, org, v, coder, learned, to_review)
            created["needs"].append(need)
        contact = _contact(org, v, known_contacts)
        if contact is not None:
            created["contacts"].append(contact)
        if progress and done % 500 == 0:
            progress(done)
    through = Engagement.organisations.through
    for model, key in (
        (Organisation, "organisations"),
        (Engagement, "engagements"),
        (SkillsNeed, "needs"),
        (Contact, "contacts"),
    ):
        _insert(model, created[key])
        if key == "engagements":
            order = [f.attname for f in _columns(through)]
            _insert_values(
                through,
                [
                    [{"engagement_id": e.pk, "organisation_id": o.pk}[a] for a in order]
                    for e, o in links
                ],
            )
        _audit_created(created[key])
    for result in to_review.values():
        queue_for_review(area, result, f"import of {report.filename}")
    if progress:
        progress(len(report.prepared))
    return {
        "engagements_created": len(created["engagements"]),
        "needs_created": len(created["needs"]),
        "organisations_created": len(created["organisations"]),
    }


def _need(engagement, org, v, coder, learned, to_review):
    """A skills need coded as `add_skills_need` codes it (SG Annex D): the coder's code when
    it is sure, else its best candidate's confidence and method and a place in the review
    queue (once per title)."""
    need = SkillsNeed(
        area=engagement.area,
        engagement=engagement,
        organisation=org,
        words=v["occupation"],
        need_type=v["need_type"],
        level=v.get("level", ""),
        number=v.get("number"),
        timescale=v.get("timescale", ""),
        themes=v.get("themes", []),
        detail=v.get("detail", ""),
    )
    result = coder.code(need.words, None, None, learned)
    if result is not None and result.candidates:
        need.soc_code = result.candidates[0].code if result.status == Status.CODED else ""
        need.soc_confidence = result.confidence
        need.soc_method = result.method
        need.coder_version = result.coder_version
    if result is not None and result.status in (Status.NEEDS_REVIEW, Status.NOT_CODABLE):
        to_review.setdefault(learned_key(need.words), result)
    need.full_clean(exclude=_NOT_RECHECKED, validate_unique=False)
    return need


def _contact(org, values, known):
    """A contact on the employer (personal data, UK GDPR), once per name and email."""
    email = values.get("contact_email", "")
    phone = values.get("contact_phone", "")
    name = values.get("contact_name") or email or phone
    if not name:
        return None
    key = (org.pk, name.casefold(), email.casefold())
    if key in known:
        return None
    known.add(key)
    contact = Contact(organisation=org, name=name, email=email, phone=phone)
    contact.full_clean(exclude=["organisation"], validate_unique=False)
    return contact


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


def _columns(model):
    """The fields an INSERT writes (an automatic id is left to the database)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.get_internal_type() not in ("AutoField", "BigAutoField")
    ]


def _insert(model, records) -> None:
    """INSERT model instances with executemany: what bulk_create does, without its per-value
    overhead, which dominates an import of 50,000 rows. Timestamps are set as `pre_save` sets
    them; other values go through each field's `get_db_prep_save`, as in a save."""
    if not records:
        return
    now = timezone.now()
    fields = _columns(model)
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for record in records:
                setattr(record, field.attname, now)
    _insert_values(model, [[getattr(r, f.attname) for f in fields] for r in records])
    for record in records:
        record._state.adding, record._state.db = False, "default"


def _preparer(field, conn):
    """`field.get_db_prep_save`, remembering the last value (the batch's one timestamp)."""
    last = [object(), None]

    def prepare(value):
        if value is not last[0]:
            last[0], last[1] = value, field.get_db_prep_save(value, conn)
        return last[1]

    return prepare


def _insert_values(model, rows) -> None:
    """INSERT rows of raw values, in `_columns(model)` order."""
    conn = connections["default"]
    fields = _columns(model)
    prepare = [None if f.get_internal_type() in _AS_IS else _preparer(f, conn) for f in fields]
    quote = conn.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with conn.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            cursor.executemany(
                sql,
                [
                    tuple(v if p is None else p(v) for p, v in zip(prepare, row, strict=True))
                    for row in rows[start : start + _BATCH]
                ],
            )


class _Snapshot:
    """`lsip.audit.recorder.snapshot` for many records of one model: the same values, with
    each field's choices looked up once rather than once a record."""

    def __init__(self, model):
        self.fields = [
            (f, dict(f.flatchoices) if f.choices else None)
            for f in model._meta.concrete_fields
            if f.name not in model.audit_ignore and not f.primary_key
        ]

    def __call__(self, instance) -> dict:
        values = {}
        for field, choices in self.fields:
            raw = getattr(instance, field.attname)
            if field.is_relation and raw is not None:
                related = getattr(instance, field.name, None)
                values[field.name] = str(related) if related is not None else str(raw)
            elif choices is not None and raw not in (None, ""):
                values[field.name] = str(choices.get(raw, raw))
            else:
                values[field.name] = _jsonable(raw)
        return values


def _audit_created(records) -> None:
    """The audit entries the recorder writes on create, for records written in bulk (no
    signals are sent): same actor, area, repr and changes."""
    if not records:
        return
    actor, label = current_actor()
    snap = _Snapshot(type(records[0]))
    now = timezone.now()
    model_label = records[0]._meta.label
    values = {
        "at": now,
        "actor_id": actor.pk if actor is not None else None,
        "actor_label": label[:200],
        "action": AuditEntry.Action.CREATE.value,
        "model": model_label,
    }
    fields = _columns(AuditEntry)
    rows = []
    for record in records:
        area = record.audit_area
        values.update(
            area_id=area.pk if area is not None else None,
            object_id=str(record.pk),
            object_repr=str(record)[:300],
            changes={
                name: [None, value]
                for name, value in snap(record).items()
                if value not in (None, "")
            },
        )
        rows.append([values[f.attname] for f in fields])
    _insert_values(AuditEntry, rows)

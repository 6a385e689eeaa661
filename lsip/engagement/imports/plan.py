"""Planning an import: read and validate every row and match every employer, writing nothing.

SG 5.1: the ERB keeps a record of every employer engaged. An import adds one engagement per
row (and a skills need where the row names an occupation) and matches the employer to the one
already recorded. Importing the same rows again adds nothing: each engagement keeps a
fingerprint of its normalised row.
"""

import hashlib
import json
from pathlib import Path

from lsip.core.files import sha256_of
from lsip.engagement.imports import fields as parse
from lsip.engagement.imports.matching import Employer, Matcher, Places, normalise_name, pair_id
from lsip.engagement.imports.parsing import cell_text, read_sheet, table
from lsip.engagement.imports.report import Doubtful, PreparedRow, Report, RowError
from lsip.engagement.models import Engagement


class MappingError(ValueError):
    """A mapping that cannot be used: the message says which field or column."""


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
    formulas = _formulas_by_row(data, columns)
    for number, row in data.rows:
        values, errors = _parse_row(
            number, row, columns, defaults, places, order, file_order, cache
        )
        if number in formulas:
            errors += _formula_errors(number, formulas[number], report)
        if errors:
            report.errors.extend(errors)
            continue
        key = fingerprint(values)
        if key in seen:
            report.duplicates.append((number, seen[key]))
            continue
        seen[key] = number
        source = {column: text for column, value in row.items() if (text := cell_text(value))}
        report.prepared.append(PreparedRow(number, values, key, source=source))
    existing = _already_imported(area, list(seen))
    report.already_imported = [p.row for p in report.prepared if p.source_key in existing]
    report.prepared = [p for p in report.prepared if p.source_key not in existing]
    _match_employers(area, report, set(accept))
    return report


def _formulas_by_row(data, columns) -> dict:
    """{row: [(field, value kept?)]} for the mapped cells that hold a formula."""
    field_of = {column: key for key, column in columns.items()}
    by_row = {}
    for (number, column), kept in data.formulas.items():
        if column in field_of:
            by_row.setdefault(number, []).append((field_of[column], kept))
    return by_row


def _formula_errors(number, cells, report) -> list[RowError]:
    """A formula whose value the file keeps is read as that value, and the report says so; one
    without (a file saved by a program, not by Excel) would read as an empty cell, and its
    need or date would be lost without a word: it is a row error."""
    errors = []
    for key, kept in cells:
        if kept:
            report.formula_cells.append((number, parse.LABELS[key]))
        else:
            errors.append(
                RowError(
                    number,
                    key,
                    "",
                    "a formula with no saved value: open the file in Excel and save it, "
                    "or paste the values in place of the formulas",
                )
            )
    return errors


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

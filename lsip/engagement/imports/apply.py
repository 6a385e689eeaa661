"""Applying an import: every row validated first (plan.py), then all written or none.

The records are built, validated and coded before the transaction opens, so the long part of
an import can report its progress and holds no lock; they are then staged, chunk by chunk, in
temporary tables (bulk.Insert.stage), and the transaction only copies them in,
with the ImportBatch that records the file, its SHA-256, the mapping, the counts and who (SG
5.1). A job running this can be killed at any moment and leave nothing behind.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from lsip.audit.context import acting_as
from lsip.classification import services as coding
from lsip.classification.coder import Status
from lsip.classification.coder.soc import learned_key
from lsip.classification.services import queue_for_review
from lsip.engagement.imports.bulk import (
    audit_insert,
    drop_stages,
    insert_columns,
    records_insert,
    rows_insert,
    stage_all,
)
from lsip.engagement.imports.plan import MappingError, clean_mapping, plan_import
from lsip.engagement.imports.report import Report, RowError
from lsip.engagement.models import Engagement, ImportBatch, SkillsNeed
from lsip.organisations.models import Contact, Organisation

__all__ = ["MappingError", "RejectedImportError", "apply_import", "clean_mapping", "plan_import"]

#: Foreign keys are set from records already in hand, so validating them would only repeat
#: a query per row.
NOT_RECHECKED = ["area", "cycle", "import_batch", "engagement", "organisation"]
#: Uniqueness is checked once for the whole file (rows imported before, employers matched)
#: and kept by the database's constraints, not by a query for each record.
ONCE = {"validate_unique": False, "validate_constraints": False}


class RejectedImportError(Exception):
    """The file has errors; `report` names every one and nothing was applied."""

    def __init__(self, report: Report):
        count = len(report.rejected_rows)
        super().__init__(f"{count} row{'s' * (count != 1)} with errors; nothing was imported")
        self.report = report


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


def _no_progress(done, total=None, stage=None):
    return None


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
    ImportBatch that records it. Raises RejectedImportError (nothing written) otherwise.

    `progress(done, total, stage)` hears how far the checking, coding and preparing got."""
    from lsip.classification.coder.store import CoderFilesMissingError

    progress = progress or _no_progress
    path = Path(path)
    mapping = clean_mapping(mapping)
    if header_row:
        mapping["header_row"] = header_row
    if report is None:
        progress(0, 0, "Checking every row")
        report = plan_import(
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
    _code_titles(report, coder, learned, progress)
    batch = ImportBatch(
        area=area,
        filename=report.filename[:255],
        sha256=report.sha256,
        mapping={
            **mapping,
            "header_row": report.header_row,
            "accepted_matches": sorted(d.pair for d in report.doubtful if d.accepted),
        },
        rows=report.rows_read,
        rows_already_imported=len(report.already_imported),
        imported_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    records = _build(area, report, batch, coder, learned, progress)
    progress(0, 0, "Preparing the audit trail")
    batch.created_on = timezone.now()  # the records' trail names their batch by its date
    with acting_as(actor):
        inserts = _inserts(records)
    staging = f"Staging {len(report.prepared):,} rows"
    try:
        # Chunk by chunk into temporary tables, holding no lock on the record (bulk.Insert).
        stage_all(inserts, lambda done, total: progress(done, total, staging))
        progress(0, 0, f"Writing {len(report.prepared):,} rows")
        with transaction.atomic(), acting_as(actor):
            for name, count in records.counts().items():
                setattr(batch, name, count)
            batch.save()
            for insert in inserts:
                insert.run()  # copies the staged rows, all in this one transaction
            for result in records.to_review.values():
                queue_for_review(area, result, f"import of {report.filename}")
    except IntegrityError as error:
        raise RejectedImportError(
            _with_error(report, f"the record changed while importing ({error}); import again")
        ) from None
    finally:
        drop_stages(inserts)
    return batch


def _with_error(report, reason):
    report.errors.append(RowError(report.header_row, "", "", reason))
    return report


def _code_titles(report, coder, learned, progress) -> None:
    """Code each distinct occupation once, before anything is written (SG Annex D)."""
    titles = list(
        dict.fromkeys(p.values["occupation"] for p in report.prepared if p.values.get("occupation"))
    )
    stage = f"Coding {len(titles):,} job titles to SOC 2020"
    progress(0, len(titles), stage)
    for done, words in enumerate(titles, 1):
        coder.code(words, None, None, learned)
        if done % 200 == 0:
            progress(done, len(titles), stage)
    progress(len(titles), len(titles), stage)


@dataclass
class _Records:
    """What an import will write, built and validated before the transaction."""

    organisations: list = field(default_factory=list)
    engagements: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    links: list = field(default_factory=list)
    to_review: dict = field(default_factory=dict)

    def counts(self) -> dict:
        return {
            "engagements_created": len(self.engagements),
            "needs_created": len(self.needs),
            "organisations_created": len(self.organisations),
        }


def _build(area, report, batch, coder, learned, progress) -> _Records:
    """The same records `record_engagement` and `add_skills_need` make, validated the same way
    (full_clean) and coded the same way, each engagement keeping its row as the file had it."""
    records = _Records()
    for employer in report.employers:
        if employer.existing is None:
            employer.existing = _new_employer(area, employer)
            records.organisations.append(employer.existing)
        else:
            employer.existing.area = area
    known_contacts = {
        (c.organisation_id, c.name.casefold(), c.email.casefold())
        for c in Contact.objects.filter(organisation__area=area).only(
            "organisation_id", "name", "email"
        )
    }
    total, stage = len(report.prepared), "Preparing the records"
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
            source_row=prepared.source,
        )
        engagement.full_clean(exclude=NOT_RECHECKED, **ONCE)
        records.engagements.append(engagement)
        records.links.append((engagement, org))
        if v.get("occupation"):
            records.needs.append(_need(engagement, org, v, coder, learned, records.to_review))
        contact = _contact(org, v, known_contacts)
        if contact is not None:
            records.contacts.append(contact)
        if done % 500 == 0:
            progress(done, total, stage)
    progress(total, total, stage)
    return records


def _new_employer(area, employer) -> Organisation:
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
    org.full_clean(exclude=[*NOT_RECHECKED, "local_authority"], **ONCE)
    org.clean()
    return org


def _inserts(records: _Records) -> list:
    """The INSERTs of the built records and their audit entries, made ready before the
    transaction so that it holds the write lock only while they are sent."""
    through = Engagement.organisations.through
    order = [f.attname for f in insert_columns(through)]
    links = [
        [{"engagement_id": e.pk, "organisation_id": o.pk}[a] for a in order]
        for e, o in records.links
    ]
    inserts, names = [], {}
    for model, items in (
        (Organisation, records.organisations),
        (Engagement, records.engagements),
        (SkillsNeed, records.needs),
        (Contact, records.contacts),
    ):
        inserts.append(records_insert(model, items))
        if model is Engagement:
            inserts.append(rows_insert(through, links))
        inserts.append(audit_insert(items, names))
    return [insert for insert in inserts if insert.rows]


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
    need.full_clean(exclude=NOT_RECHECKED, **ONCE)
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
    contact.full_clean(exclude=["organisation"], **ONCE)
    return contact

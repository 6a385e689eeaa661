"""Recording engagements and the skills needs they yield. Pages, import, CLI and demo call
these, so that every need is coded the same way and every change is in the audit trail."""

from django.db import transaction

from lsip.audit.context import acting_as
from lsip.classification.coder import Status
from lsip.classification.coder.soc import learned_key
from lsip.classification.coder.store import CoderFilesMissingError
from lsip.engagement.merge import merge_organisations as merge_records
from lsip.engagement.models import Engagement, SkillsNeed


def record_engagement(
    *,
    area,
    type,
    date,
    organisations,
    actor,
    erb_staff="",
    consent_to_be_named=False,
    notes="",
    cycle=None,
    import_batch=None,
    source_key="",
) -> Engagement:
    """SG 5.1: keep a record of every organisation engaged, how and when."""
    engagement = Engagement(
        area=area,
        cycle=cycle,
        type=type,
        date=date,
        erb_staff=erb_staff,
        consent_to_be_named=consent_to_be_named,
        notes=notes,
        import_batch=import_batch,
        source_key=source_key,
    )
    engagement.full_clean()
    with transaction.atomic(), acting_as(actor):
        engagement.save()
        engagement.organisations.set(organisations)
    return engagement


def add_skills_need(
    *,
    engagement,
    organisation,
    words,
    need_type,
    actor,
    coder=None,
    learned=None,
    source="",
    **fields,
) -> SkillsNeed:
    """Add a need in the employer's words and code it to SOC 2020 (SG Annex D).

    `coder` and `learned` may be passed in by a caller coding many rows; otherwise the
    installed coder and the area's learned mappings are used. A need the coder is unsure of
    keeps its best candidate unconfirmed and joins the area's review queue.
    """
    need = SkillsNeed(
        area=engagement.area,
        engagement=engagement,
        organisation=organisation,
        words=words,
        need_type=need_type,
        **fields,
    )
    if not need.detail:  # "electrician with EV charger skills": the skills are the detail
        from lsip.classification.coder.employer import occupation_and_detail

        need.detail = occupation_and_detail(words).detail
    result = _code(engagement.area, words, coder, learned)
    if result is not None and result.candidates:
        top = result.candidates[0]
        need.soc_code = top.code if result.status == Status.CODED else ""
        need.soc_confidence = result.confidence
        need.soc_method = result.method
        need.coder_version = result.coder_version
    need.full_clean()
    with transaction.atomic(), acting_as(actor):
        need.save()
        if result is not None and result.status in (Status.NEEDS_REVIEW, Status.NOT_CODABLE):
            from lsip.classification.services import queue_for_review

            queue_for_review(engagement.area, result, source or "skills needs")
    return need


def _code(area, words, coder, learned):
    from lsip.classification import services as coding

    try:
        coder = coder or coding.soc_coder()
    except CoderFilesMissingError:
        return None
    if learned is None:
        learned = coding.learned_mappings(area)
    return coder.code(words, None, None, learned)


def apply_confirmed_code(sender, *, area, key, code, actor, **kwargs):
    """When a person confirms a title in the review queue, every unconfirmed need of the
    area with the same words takes that code (connected to `code_confirmed`)."""
    needs = [
        need
        for need in SkillsNeed.objects.filter(area=area, soc_confirmed_by__isnull=True)
        if learned_key(need.words) == key
    ]
    with acting_as(actor):
        for need in needs:
            need.soc_code, need.soc_confirmed_by = code, actor
            need.soc_method, need.soc_confidence = "confirmed by a person", 1.0
            need.save()


#: The fields of an engagement a person may change after recording it.
ENGAGEMENT_FIELDS = ("cycle", "type", "date", "erb_staff", "consent_to_be_named", "notes")


def update_engagement(*, engagement, actor, organisations=None, **fields) -> Engagement:
    """Change a recorded engagement (and, if given, who was engaged)."""
    for name, value in fields.items():
        if name not in ENGAGEMENT_FIELDS:
            raise TypeError(f"{name} cannot be changed")
        setattr(engagement, name, value)
    engagement.full_clean()
    with transaction.atomic(), acting_as(actor):
        engagement.save()
        if organisations is not None:
            engagement.organisations.set(organisations)
    return engagement


def update_skills_need(*, need, actor, **fields) -> SkillsNeed:
    """Change a skills need; new words are coded again (and a confirmation no longer holds)."""
    recode = "words" in fields and fields["words"] != need.words
    for name, value in fields.items():
        setattr(need, name, value)
    result = None
    if recode:
        result = _code(need.area, need.words, None, None)
        need.soc_code, need.soc_confidence, need.soc_method = "", None, ""
        need.soc_confirmed_by, need.coder_version = None, ""
        if result is not None and result.candidates:
            need.soc_code = result.candidates[0].code if result.status == Status.CODED else ""
            need.soc_confidence = result.confidence
            need.soc_method = result.method
            need.coder_version = result.coder_version
    need.full_clean()
    with transaction.atomic(), acting_as(actor):
        need.save()
        if result is not None and result.status in (Status.NEEDS_REVIEW, Status.NOT_CODABLE):
            from lsip.classification.services import queue_for_review

            queue_for_review(need.area, result, "skills needs")
    return need


def merge_organisations(*, keep, merge, actor) -> dict:
    """Merge two records of one organisation, moving its engagement record to `keep` (the
    rules and the audit are in `engagement.merge`); returns how many of each record moved."""
    return merge_records(keep=keep, merge=merge, actor=actor)


def erase_from_imported_rows(*, organisation, values, erased: str) -> int:
    """Blank a person's details in the rows imported for `organisation`'s engagements (UK GDPR
    article 17: an erased contact leaves no copy in the evidence kept from survey files; the
    trail holds no copy of the rows). Returns how many engagements changed."""
    wanted = {str(v).strip().casefold() for v in values if v and str(v).strip()}
    if not wanted:
        return 0
    changed = 0
    for engagement in Engagement.objects.filter(organisations=organisation).exclude(source_row={}):
        row = {
            column: erased if str(value).strip().casefold() in wanted else value
            for column, value in engagement.source_row.items()
        }
        if row != engagement.source_row:
            Engagement.objects.filter(pk=engagement.pk).update(source_row=row)
            changed += 1
    return changed

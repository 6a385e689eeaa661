"""Coding an area's job titles with a person in the loop (SG Annex D).

Titles the coder is not confident about wait in the area's review queue; a person confirms a
candidate or picks another code, and that choice becomes the area's learned mapping, which the
coder uses first from then on. Pages, API and CLI call these functions.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from lsip.areas.models import Area
from lsip.audit.context import acting_as
from lsip.classification.coder import Status, load_soc_coder
from lsip.classification.coder.soc import learned_key
from lsip.classification.models import CodingReview, LearnedMapping, SocGroup
from lsip.refdata.install import installed_dir

REVIEW_STATUSES = (Status.NEEDS_REVIEW, Status.NOT_CODABLE)

#: Sent when a person confirms a title's code, so that records holding the same words (the
#: engagement record's skills needs) take it: area, key (normalised title), code, actor.
code_confirmed = Signal()


def soc_coder():
    """The SOC coder built from the installed reference files."""
    return load_soc_coder(str(installed_dir()))


def learned_mappings(area: Area | str) -> dict[str, str]:
    """The area's confirmed titles, normalised, to their unit groups."""
    if isinstance(area, str):
        area = Area.objects.get(slug=area)
    return dict(LearnedMapping.objects.filter(area=area).values_list("key", "code"))


def code_titles(*, area: Area, titles: list[str], actor, source: str = "", context: str = ""):
    """Code `titles` with the area's learned mappings; queue those a person must decide."""
    coder = soc_coder()
    learned = learned_mappings(area)
    results = [coder.code(title, context or None, None, learned) for title in titles]
    with transaction.atomic(), acting_as(actor):
        for result in results:
            if result.status in REVIEW_STATUSES:
                _queue(area, result, source, context)
    return results


def queue_for_review(area, result, source="", context=""):
    """Put a title the coder was unsure of in the area's review queue (once)."""
    _queue(area, result, source, context)


def _queue(area, result, source, context):
    key = learned_key(result.text)
    if CodingReview.objects.filter(area=area, key=key, status=CodingReview.Status.PENDING).exists():
        return
    CodingReview.objects.create(
        area=area,
        text=result.text[:300],
        context=context[:500],
        key=key,
        candidates=[
            {
                "code": c.code,
                "title": c.title,
                "confidence": c.confidence,
                "extended_code": c.extended_code,
            }
            for c in result.candidates
        ],
        coder_status=result.status,
        coder_version=result.coder_version,
        source=source[:200],
    )


def confirm(*, review: CodingReview, code: str, actor) -> LearnedMapping:
    """Record a person's choice for a queued title and teach it to the area's coder."""
    code = _unit_group(code)
    if review.status != CodingReview.Status.PENDING:
        raise ValidationError("This title has already been reviewed")
    with transaction.atomic(), acting_as(actor):
        review.status = CodingReview.Status.CONFIRMED
        review.chosen_code, review.chosen_by, review.chosen_on = code, actor, timezone.now()
        review.save()
        return _learn(review.area, review.key, code, actor, review.coder_version)


def confirm_title(
    *, area: Area, text: str, code: str, actor, coder_version: str = ""
) -> LearnedMapping:
    """A person confirms a title's code where they read it (a skills need the coder coded),
    not in the queue: a queued review of the same words is settled with it; either way the
    area's coder learns it and every unconfirmed record with those words takes it."""
    key = learned_key(text)
    review = CodingReview.objects.filter(
        area=area, key=key, status=CodingReview.Status.PENDING
    ).first()
    if review is not None:
        return confirm(review=review, code=code, actor=actor)
    code = _unit_group(code)
    with transaction.atomic(), acting_as(actor):
        return _learn(area, key, code, actor, coder_version)


def _unit_group(code: str) -> str:
    code = (code or "").strip()
    if not SocGroup.objects.filter(code=code, level=SocGroup.Level.UNIT).exists():
        raise ValidationError(
            {"code": f"{code or 'That'} is not a SOC 2020 unit group: enter 4 digits, like 6135"}
        )
    return code


def _learn(area, key, code, actor, coder_version) -> LearnedMapping:
    mapping, _ = LearnedMapping.objects.update_or_create(
        area=area,
        key=key,
        defaults={"code": code, "confirmed_by": actor, "coder_version": coder_version},
    )
    code_confirmed.send(CodingReview, area=area, key=key, code=code, actor=actor)
    return mapping

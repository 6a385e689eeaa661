"""How each skills need's SOC 2020 code stands, for the pages that list needs.

- confirmed: by whom and when, read from the audit trail (the change that set
  `soc_confirmed_by`), or, for a need the coder coded from the area's learned mapping, the
  person who confirmed that mapping and when;
- in the review queue: the queued title to open (`review_pk`);
- otherwise the coder's confidence, which a person can confirm where the need is shown.

docs/decisions/0042-coding-pages.md
"""

from dataclasses import dataclass
from datetime import datetime

from lsip.audit.models import AuditEntry
from lsip.classification.coder.soc import learned_key
from lsip.classification.models import CodingReview, LearnedMapping
from lsip.engagement.models import SkillsNeed


@dataclass(frozen=True)
class Confirmation:
    by: str  # the person's name, or "" when their account is gone
    on: datetime | None
    learned: bool  # from the area's learned mapping rather than on this need


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def with_coding_status(needs: list[SkillsNeed]) -> list[SkillsNeed]:
    """Attach `confirmation` (a Confirmation or None) and `review_pk` (the pending review
    of the need's words, or None) to each need; a few queries for the lot."""
    if not needs:
        return needs
    area = needs[0].area_id
    keys = {need.pk: learned_key(need.words) for need in needs}
    pending = dict(
        CodingReview.objects.filter(
            area=area, status=CodingReview.Status.PENDING, key__in=set(keys.values())
        ).values_list("key", "pk")
    )
    confirmed_on = _confirmation_times([n.pk for n in needs if n.soc_confirmed_by_id])
    mappings = {
        m.key: m
        for m in LearnedMapping.objects.filter(
            area=area, key__in=set(keys.values())
        ).select_related("confirmed_by")
    }
    for need in needs:
        need.confirmation = None
        need.review_pk = None
        mapping = mappings.get(keys[need.pk])
        if need.soc_confirmed_by_id:
            need.confirmation = Confirmation(
                person_name(need.soc_confirmed_by), confirmed_on.get(str(need.pk)), False
            )
        elif need.soc_method == "learned mapping" and mapping is not None:
            need.confirmation = Confirmation(
                person_name(mapping.confirmed_by), mapping.modified_on, True
            )
        else:
            need.review_pk = pending.get(keys[need.pk])
    return needs


def _confirmation_times(pks) -> dict[str, datetime]:
    """When each need's code was last confirmed: the latest audit entry setting
    `soc_confirmed_by` to someone."""
    entries = AuditEntry.objects.filter(
        model=SkillsNeed._meta.label, object_id__in=[str(pk) for pk in pks]
    ).order_by("at")
    times = {}
    for object_id, at, changes in entries.values_list("object_id", "at", "changes"):
        change = (changes or {}).get("soc_confirmed_by")
        if change and change[1]:
            times[object_id] = at
    return times

"""Keeping the plan under review after approval (SG 6, SG 8; Stage 2 guidance 3.4).

Evidence gathered after approval is tagged as supporting an existing priority or as a new
need. A new need linked to a priority is more granular intelligence for the progress report;
a new need linked to no priority raises the flag "a replacement LSIP may be required: discuss
with Skills England" (SG 8: "should the ERB ... consider that a replacement LSIP is required,
they should discuss this with their relationship manager in Skills England"), until the ERB
records a discussion of it with an outcome (decision 0073).
"""

from dataclasses import dataclass

from django.db import transaction

from lsip.audit.context import acting_as, save_as
from lsip.delivery.models import ReplacementDiscussion, ReviewEvidence

FLAG = "A replacement LSIP may be required: discuss with Skills England"


def record_evidence(
    *, plan, actor, title, tag, recorded_on, priority=None, description="", source=""
):
    evidence = ReviewEvidence(
        plan=plan,
        title=title,
        tag=tag,
        recorded_on=recorded_on,
        priority=priority,
        description=description,
        source=source,
    )
    return save_as(actor, evidence)


def record_discussion(*, plan, actor, evidence, discussed_on, with_whom, notes, outcome):
    discussion = ReplacementDiscussion(
        plan=plan, discussed_on=discussed_on, with_whom=with_whom, notes=notes, outcome=outcome
    )
    discussion.full_clean()
    with transaction.atomic(), acting_as(actor):
        discussion.save()
        discussion.evidence.set(evidence)
    return discussion


def unlinked_needs(plan):
    """New needs that link to no priority of the plan."""
    return ReviewEvidence.objects.filter(
        plan=plan, tag=ReviewEvidence.Tag.NEW_NEED, priority__isnull=True
    )


@dataclass
class ReplacementFlag:
    raised: bool
    open_needs: list  # new needs with no priority and no concluded discussion
    discussions: list

    message = FLAG


def replacement_flag(plan) -> ReplacementFlag:
    """Raised while a new need links to no priority and no discussion of it has concluded."""
    needs = list(unlinked_needs(plan).prefetch_related("discussions"))
    settled = [
        n
        for n in needs
        if any(d.outcome != ReplacementDiscussion.Outcome.OPEN for d in n.discussions.all())
    ]
    open_needs = [n for n in needs if n not in settled]
    discussions = list(ReplacementDiscussion.objects.filter(plan=plan))
    return ReplacementFlag(bool(open_needs), open_needs, discussions)

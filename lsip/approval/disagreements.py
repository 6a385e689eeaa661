"""The disagreement log (SG 3.5): a disagreement between the ERB and the Strategic Authority
goes back through the LSIP's governance; if unresolved, the ERB gives Skills England the
specific areas of disagreement; if still unresolved, it may be escalated to the Secretary of
State. Each move is recorded with its date and who made it. A disagreement still open and not
yet referred to Skills England stops submission (decision 0061)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from lsip.approval.models import Disagreement, DisagreementEvent
from lsip.audit.context import acting_as, save_as

Stage = Disagreement.Stage

#: The path, in order; a disagreement may be resolved at any stage.
PATH = [Stage.RAISED, Stage.GOVERNANCE, Stage.SKILLS_ENGLAND, Stage.SECRETARY_OF_STATE]


def next_stages(disagreement: Disagreement) -> list[str]:
    """Where a disagreement may go from its stage: one step on, or resolved."""
    if disagreement.stage == Stage.RESOLVED:
        return []
    place = PATH.index(Stage(disagreement.stage))
    onward = PATH[place + 1 : place + 2]
    return [*onward, Stage.RESOLVED]


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def raise_disagreement(cycle, *, subject: str, details: str, actor, on: date | None = None):
    """Record a new disagreement on the plan of `cycle`."""
    with transaction.atomic(), acting_as(actor):
        disagreement = save_as(
            actor,
            Disagreement(area=cycle.area, cycle=cycle, subject=subject.strip(), details=details),
        )
        DisagreementEvent.objects.create(
            disagreement=disagreement,
            stage=Stage.RAISED,
            on=on or date.today(),
            actor=_person(actor),
            note=details,
        )
    return disagreement


def move(disagreement: Disagreement, stage: str, *, actor, note: str = "", on=None):
    """Move a disagreement one step along its path, or resolve it (with the resolution)."""
    if stage not in next_stages(disagreement):
        allowed = ", ".join(_lower_first(Stage(s).label) for s in next_stages(disagreement))
        raise ValidationError(
            {
                "stage": f"“{disagreement}” is "
                f"{_lower_first(disagreement.get_stage_display())}: it can go next to "
                f"{allowed or 'nowhere: it is resolved'}"
            }
        )
    if stage == Stage.RESOLVED and not note.strip():
        raise ValidationError({"note": "Say how the disagreement was resolved"})
    with transaction.atomic(), acting_as(actor):
        disagreement.stage = stage
        if stage == Stage.RESOLVED:
            disagreement.resolution = note.strip()
        save_as(actor, disagreement)
        DisagreementEvent.objects.create(
            disagreement=disagreement,
            stage=stage,
            on=on or date.today(),
            actor=_person(actor),
            note=note.strip(),
        )
    return disagreement


#: Stages at which an open disagreement stops submission (not yet given to Skills England).
UNREFERRED = (Stage.RAISED, Stage.GOVERNANCE)


def problems_for_submission(cycle) -> list[str]:
    """SG 3.5: a disagreement not resolved through governance must be given to Skills England
    before the plan goes forward; one still raised or with the governance stops submission."""
    return [
        f"The disagreement “{d}” is {_lower_first(d.get_stage_display())}: resolve it or "
        "refer it to Skills England (SG 3.5)"
        for d in cycle.disagreements.filter(stage__in=UNREFERRED)
    ]


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]

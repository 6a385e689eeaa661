"""Skills England's feedback on a submitted plan (SG 3.5: "Skills England will review and
provide feedback as appropriate"): points against sections of the submitted snapshot, each
answered by the ERB before the final version goes in."""

from datetime import date

from django.core.exceptions import ValidationError

from lsip.approval.models import FeedbackPoint
from lsip.audit.context import save_as
from lsip.plans.revisions import SECTIONS

#: The parts of the plan a point can be about.
SECTION_CHOICES = [("plan", "The plan as a whole")] + [(name, label) for name, label, _ in SECTIONS]


def add_point(cycle, snapshot, *, section: str, point: str, actor) -> FeedbackPoint:
    if section not in dict(SECTION_CHOICES):
        raise ValidationError({"section": f"Not a part of the plan: {section}"})
    if not point.strip():
        raise ValidationError({"point": "Enter the feedback"})
    return save_as(
        actor,
        FeedbackPoint(
            area=cycle.area,
            cycle=cycle,
            snapshot=snapshot,
            section=section,
            point=point.strip(),
            raised_by=actor if getattr(actor, "is_authenticated", False) else None,
            raised_on=date.today(),
        ),
    )


def answer(point: FeedbackPoint, *, text: str, actor) -> FeedbackPoint:
    if not text.strip():
        raise ValidationError({"answer": "Enter the answer"})
    point.answer = text.strip()
    point.answered_by = actor if getattr(actor, "is_authenticated", False) else None
    point.answered_on = date.today()
    return save_as(actor, point)


def unanswered(cycle):
    return cycle.feedback.filter(answer="")


def problems_for_final(cycle) -> list[str]:
    count = unanswered(cycle).count()
    if count:
        return [f"{count} point{'s' if count > 1 else ''} of Skills England's feedback unanswered"]
    return []

"""Submission and approval in The Marches demo: the plan is still being developed, so the
readiness checker shows what stands between it and its substantive draft (providers and
Jobcentre Plus not yet recorded as engaged, a register declaration awaited: the facts the
rest of the demo gives), and the log holds one disagreement, referred to the LSIP's
governance, which stops submission until it is resolved or referred to Skills England.

The disagreement is illustrative, not from the pack. The Marches has no Strategic Authority:
its local priorities come from the local authorities' economic plans (SG 2.2), so the
disagreement is with one of them. Running it again adds nothing."""

import datetime

from django.db import transaction

from lsip.approval import disagreements
from lsip.approval.models import Disagreement
from lsip.areas.models import Cycle
from lsip.audit.context import acting_as

SUBJECT = "Weight given to land-based and agri-food skills"
DETAILS = (
    "Herefordshire Council's economic plan puts agri-food and land-based skills first for the "
    "county; the draft plan folds them into the advanced manufacturing priority. The council "
    "asks for a priority of their own; the ERB's evidence shows the needs overlap with food "
    "manufacturing. Areas of disagreement: whether land-based skills are a separate priority, "
    "and how many of the Annex B activities name the county's providers as leads."
)


def load(area) -> Disagreement | None:
    cycle = Cycle.objects.filter(area=area, start_year=2026).first()
    if cycle is None:
        return None
    found = Disagreement.objects.filter(cycle=cycle, subject=SUBJECT).first()
    if found is not None:
        return found
    with transaction.atomic(), acting_as(None, "lsip demo"):
        disagreement = disagreements.raise_disagreement(
            cycle,
            subject=SUBJECT,
            details=DETAILS,
            actor=None,
            on=datetime.date(2026, 1, 20),
        )
        disagreements.move(
            disagreement,
            Disagreement.Stage.GOVERNANCE,
            actor=None,
            note="Referred to the LSIP board's February meeting for resolution.",
            on=datetime.date(2026, 1, 27),
        )
    return disagreement

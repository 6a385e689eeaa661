"""Operations on areas and cycles. Pages, API, CLI and tests all call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from lsip.areas.data.annex_b import AREAS, districts_of
from lsip.areas.models import Area, Cycle, LocalAuthority
from lsip.audit.context import acting_as, save_as


def sync_statutory_areas() -> int:
    """Create or update the 39 areas of SG Annex B and their districts; returns changes made.

    Idempotent: run after every migration, it leaves an up-to-date database untouched, and
    it never overwrites what an ERB admin set (the ERB, GSS codes).
    """
    changed = 0
    with transaction.atomic(), acting_as(None, "lsip: statutory areas (SG Annex B)"):
        for statutory in AREAS:
            area, created = Area.objects.get_or_create(
                slug=slugify(statutory.name),
                defaults={"name": statutory.name},
            )
            wanted = {
                "name": statutory.name,
                "places_covered": list(statutory.places),
                "strategic_authority": statutory.strategic_authority,
                "is_devolution_priority": statutory.dpp,
            }
            if created or any(getattr(area, k) != v for k, v in wanted.items()):
                for key, value in wanted.items():
                    setattr(area, key, value)
                area.save()
                changed += 1
            changed += _sync_districts(area, statutory)
    return changed


def _sync_districts(area, statutory) -> int:
    changed = 0
    for name, county, subregion in districts_of(statutory):
        la, created = LocalAuthority.objects.get_or_create(
            name=name, defaults={"area": area, "county": county, "subregion": subregion}
        )
        if not created and (la.area_id, la.county, la.subregion) != (area.pk, county, subregion):
            la.area, la.county, la.subregion = area, county, subregion
            la.save()
        changed += created
    return changed


def sync_statutory_areas_after_migrate(sender, **kwargs):
    """post_migrate hook: the statutory areas exist in every database, tests included."""
    sync_statutory_areas()


def create_cycle(
    *,
    area: Area,
    start_year: int,
    actor,
    previous: Cycle | None = None,
    status: str = Cycle.Status.PREPARING,
    **dates,
) -> Cycle:
    """Open a three-year cycle for an area (SG 2), validated as a whole before saving."""
    cycle = Cycle(
        area=area,
        start_year=start_year,
        end_year=start_year + 3,
        previous=previous,
        status=status,
        **dates,
    )
    return save_as(actor, cycle)


BEFORE_SUBMISSION = (Cycle.Status.PREPARING, Cycle.Status.DEVELOPING)
SUBMITTED_OR_LATER = (Cycle.Status.SUBMITTED, Cycle.Status.APPROVED, Cycle.Status.PUBLISHED)


def update_cycle(*, cycle: Cycle, actor, **changes) -> Cycle:
    """Change a cycle's status or dates, validated before saving. A cycle still being prepared
    or developed is marked submitted (or later) only when its plan meets the rules that stop
    submission (`lsip.plans.readiness`)."""
    if cycle.status in BEFORE_SUBMISSION and changes.get("status") in SUBMITTED_OR_LATER:
        _check_plan_ready(cycle)
    for key, value in changes.items():
        setattr(cycle, key, value)
    return save_as(actor, cycle)


def _check_plan_ready(cycle: Cycle) -> None:
    from lsip.plans import readiness  # plans depend on areas, not the other way round
    from lsip.plans.models import Plan

    plan = Plan.objects.filter(cycle=cycle).select_related("area").first()
    if plan is None:
        return
    problems = readiness.blocking(plan)
    if problems:
        raise ValidationError({"status": [found.message for found in problems]})

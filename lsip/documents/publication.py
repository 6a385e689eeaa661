"""Publishing (SG 3.5 and 6; Stage 2 guidance 3.3): an ERB admin publishes a frozen snapshot of
the plan, or a final progress report, and the public pages show it with its date and
downloads. What is published is the document as it then stood (`Publication.content`); later
edits to the plan never change it. A progress report is published once it is final, signed
off by the board and has its publication date; the public reads it only while
`lsip.delivery.report.is_published` holds (decision 0076), never before that date. Drafts,
contacts and unpublished board papers are never part of a publication.

`publish_plan(plan, user)` is also called by the approval of the plan (issue 13)."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lsip.accounts.access import can
from lsip.accounts.roles import Capability
from lsip.audit.context import save_as
from lsip.delivery.models import ProgressReport
from lsip.delivery.report import is_published, is_signed_off
from lsip.documents import plan_document, progress_document, render
from lsip.documents.models import Publication
from lsip.documents.tree import Document


def _check_admin(user, area):
    if user is not None and not can(user, area, Capability.MANAGE_AREA):
        raise PermissionDenied("Only the ERB's admins publish the area's documents")


def publish_plan(plan, user, *, today: datetime.date | None = None) -> Publication:
    """Freeze the plan as a named snapshot and publish it. Refused when the plan does not meet
    the rules that stop submission (`plans.readiness.blocking`). `user` None: the system (the
    demo, a command)."""
    from lsip.plans import readiness, revisions

    _check_admin(user, plan.area)
    problems = readiness.blocking(plan)
    if problems:
        raise ValidationError([found.message for found in problems])
    today = today or timezone.localdate()
    with transaction.atomic():
        count = Publication.objects.filter(plan=plan, kind=Publication.Kind.PLAN).count()
        name = f"Published {today.day} {today:%B %Y}" + (f" ({count + 1})" if count else "")
        snapshot = revisions.freeze(plan, name, user)
        doc = plan_document.build(plan, today=today)
        return save_as(
            user,
            Publication(
                area=plan.area,
                plan=plan,
                kind=Publication.Kind.PLAN,
                snapshot=snapshot,
                title=plan.title,
                content=doc.as_dict(),
                published_on=today,
                available_from=today,
                published_by=user if getattr(user, "is_authenticated", False) else None,
            ),
        )


def publish_from_page(plan, user) -> Publication:
    """What the Publish page does. A cycle's first publication is the approval lifecycle's
    "published" step where that app is installed, so that a plan is published only once it is
    approved (SG 3.5); the step calls `publish_plan`. Once the cycle is published, a new
    version (the Annex B table is a live document) is published directly."""
    from lsip.areas.models import Cycle

    if plan.cycle.status != Cycle.Status.PUBLISHED:
        try:
            from lsip.approval import lifecycle
        except ImportError:  # no approval app: publishing is the ERB's own step
            return publish_plan(plan, user)
        lifecycle.take(plan.cycle, lifecycle.Kind.PUBLISHED, actor=user)
        return Publication.objects.filter(plan=plan, kind=Publication.Kind.PLAN).first()
    return publish_plan(plan, user)


def publish_progress(report: ProgressReport, user, *, today=None) -> Publication:
    """Publish a final progress report that the board has signed off; the public sees it from
    its publication date (Stage 2 guidance 3.3: "signed off by the LSIP's own local governance
    structures"; "No reports should be published before this date")."""
    _check_admin(user, report.plan.area)
    if report.status != ProgressReport.Status.FINAL:
        raise ValidationError("Mark the progress report final (within 20 pages) first")
    if not is_signed_off(report):
        raise ValidationError(
            {"decision": "Record the board decision that signed it off (on the delivery pages)"}
        )
    if report.publication_date is None:
        raise ValidationError({"publication_date": "Set the date it may be published from"})
    today = today or timezone.localdate()
    doc = progress_document.build(report, today=today)
    return save_as(
        user,
        Publication(
            area=report.plan.area,
            plan=report.plan,
            kind=Publication.Kind.PROGRESS,
            report=report,
            title=doc.title,
            content=doc.as_dict(),
            published_on=today,
            available_from=max(today, report.publication_date),
            published_by=user if getattr(user, "is_authenticated", False) else None,
        ),
    )


def public(area=None, *, today=None):
    """Publications the public may see today: available, not withdrawn, and for a progress
    report only while `is_published` holds for it (signed off, its date come)."""
    today = today or timezone.localdate()
    found = Publication.objects.filter(available_from__lte=today, withdrawn_on__isnull=True)
    if area is not None:
        found = found.filter(area=area)
    reports = found.filter(kind=Publication.Kind.PROGRESS).select_related("report__decision")
    shown = [item.pk for item in reports if is_published(item.report, today)]
    return found.filter(Q(kind=Publication.Kind.PLAN) | Q(pk__in=shown))


def document_of(publication: Publication) -> Document:
    return Document.from_dict(publication.content)


def file_of(publication: Publication, fmt: str) -> Path:
    """The publication's file as `fmt`, built from its frozen document the first time it is
    asked for and kept."""
    if fmt not in render.RENDERERS:
        raise ValueError(f"no {fmt} file")
    path = Path(settings.MEDIA_ROOT) / "documents" / "published" / f"{publication.pk}.{fmt}"
    if not path.exists():
        from lsip.documents.services import write_file

        write_file(document_of(publication), fmt, path)
    return path

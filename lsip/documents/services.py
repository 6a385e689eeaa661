"""Building the documents: the tree of a plan or progress report, the files made from it (each
kept as a `Build` with its time and page counts), the narrative the ERB writes, and marking a
progress report final once it is within its 20 pages.

Pages, the CLI (`lsip report`), the jobs and the benchmark all call these functions."""

import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from lsip.audit.context import save_as
from lsip.delivery.models import ProgressReport
from lsip.documents import plan_document, progress_document, render
from lsip.documents.models import Build, Narrative
from lsip.documents.sections import part
from lsip.documents.tree import Document

PLAN = "plan"
FORMATS = ("pdf", "docx", "html")


def document_key(report: ProgressReport | None) -> str:
    return report.document_key if report else PLAN


def build_document(plan, report: ProgressReport | None = None, *, today=None) -> Document:
    """The tree of the plan, or of one of its progress reports."""
    if report is not None:
        return progress_document.build(report, today=today)
    return plan_document.build(plan, today=today)


def format_of(path) -> str:
    """The output format a file name asks for (.pdf, .docx, .html)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "htm":
        suffix = "html"
    if suffix not in FORMATS:
        raise ValueError(
            f"{Path(path).name}: the file name must end in .pdf, .docx or .html "
            f"to say which format to make"
        )
    return suffix


def write_file(doc: Document, fmt: str, path: Path) -> render.Rendered:
    """Render `doc` and write it to `path` whole or not at all: a failed build leaves no file
    (and an existing file as it was)."""
    rendered = render.render(doc, fmt)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(rendered.content)
        os.chmod(temporary, 0o644)  # readable as any file written normally, not mkstemp's 0600
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return rendered


def builds_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "documents" / "builds"


def build_file(
    plan, fmt: str, *, report: ProgressReport | None = None, user=None, progress=None
) -> Build:
    """Build the plan (or a progress report) as `fmt`, keep the file and record the build
    with how long it took and its pages."""
    progress = progress or (lambda done, total, stage: None)
    started = time.perf_counter()
    progress(0, 3, "Gathering the plan and its evidence")
    doc = build_document(plan, report)
    progress(1, 3, f"Making the {fmt.upper()}")
    key = document_key(report)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    relative = Path("documents") / "builds" / plan.area.slug / f"{key}-{stamp}.{fmt}"
    rendered = write_file(doc, fmt, Path(settings.MEDIA_ROOT) / relative)
    progress(2, 3, "Recording the build")
    build = Build.objects.create(
        plan=plan,
        document=key,
        format=fmt,
        file=str(relative),
        pages=rendered.pages,
        main_body_pages=rendered.main_body_pages,
        seconds=round(time.perf_counter() - started, 2),
        built_by=user if getattr(user, "is_authenticated", False) else None,
    )
    progress(3, 3, "Done")
    return build


def build_path(build: Build) -> Path:
    return Path(settings.MEDIA_ROOT) / build.file


def latest_build(plan, document: str = PLAN, fmt: str = "pdf") -> Build | None:
    return Build.objects.filter(plan=plan, document=document, format=fmt).first()


def main_body_pages(plan) -> int | None:
    """The number of pages of the plan's main body (SG Annex A: "not expected to exceed 30
    pages", annexes excluded) in its latest PDF build, or None if it has not been built."""
    build = latest_build(plan, PLAN, "pdf")
    return build.main_body_pages if build else None


# Narrative ------------------------------------------------------------------------------------


def narratives(plan, document: str) -> dict[str, Narrative]:
    return {n.key: n for n in Narrative.objects.filter(plan=plan, document=document)}


def save_narrative(plan, document: str, key: str, *, text: str, complete: bool, actor):
    """Keep the ERB's words for one section (recorded in the audit trail)."""
    found = part(document, key)
    if found is None:
        raise ValidationError(f"{key} is not a section of this document")
    if found.on_report:
        raise ValidationError(
            f"{found.title} is the progress report's own passage: write it on the report's "
            "delivery page"
        )
    if complete and not text.strip():
        raise ValidationError({"complete": "An empty section cannot be marked complete"})
    narrative = Narrative.objects.filter(plan=plan, document=document, key=key).first()
    narrative = narrative or Narrative(plan=plan, document=document, key=key)
    narrative.text = text
    narrative.complete = complete
    return save_as(actor, narrative)


# Progress reports -----------------------------------------------------------------------------


def progress_report(plan, year: int, *, actor=None, create=True) -> ProgressReport | None:
    """The plan's report of `year` (the one record, `delivery.ProgressReport`), started as a
    draft when there is none and `create`; the year must be within the plan's cycle."""
    report = ProgressReport.objects.filter(plan=plan, year=year).first()
    if report is None and create:
        first, last = plan.cycle.start_year, plan.cycle.end_year
        if not first <= year <= last:
            raise ValidationError(
                {"year": f"{year} is outside the plan's cycle ({plan.cycle.label})"}
            )
        report = save_as(actor, ProgressReport(plan=plan, year=year))
    return report


def mark_final(report: ProgressReport, *, actor) -> Build:
    """Stage 2 guidance 3.3: the report "should be no longer than 20 pages". It is built as a
    PDF now and marked final only if it is within the limit; the build is returned."""
    build = build_file(report.plan, "pdf", report=report, user=actor)
    if build.pages is not None and build.pages > progress_document.PAGE_LIMIT:
        raise ValidationError(
            f"The progress report runs to {build.pages} pages; it must be no longer than "
            f"{progress_document.PAGE_LIMIT} pages before it can be marked final"
        )
    report.status = ProgressReport.Status.FINAL
    report.finalised_on = timezone.localdate()
    save_as(actor, report)
    return build

"""The documents' long work: building the plan or a progress report as PDF or DOCX."""

from django.urls import reverse

from lsip.delivery.models import ProgressReport
from lsip.jobs.registry import Outcome, register
from lsip.jobs.services import enqueue

BUILD = "document-build"


def start_build(*, plan, fmt: str, user, report: ProgressReport | None = None):
    what = f"progress report {report.year}" if report else "plan"
    return enqueue(
        kind=BUILD,
        title=f"Build the {what} as {fmt.upper()}",
        area=plan.area,
        user=user,
        params={"plan": str(plan.pk), "format": fmt, "report": str(report.pk) if report else ""},
    )


@register(BUILD)
def run_build(job, progress) -> Outcome:
    from lsip.documents import services
    from lsip.plans.models import Plan

    params = job.params
    plan = Plan.objects.select_related("area", "cycle").get(pk=params["plan"])
    report = ProgressReport.objects.get(pk=params["report"]) if params.get("report") else None
    build = services.build_file(
        plan, params["format"], report=report, user=job.started_by, progress=progress
    )
    pages = f", {build.pages} pages" if build.pages else ""
    return Outcome(
        summary=f"Built the {build.get_format_display()} in {build.seconds:.1f} s{pages}",
        link=reverse(
            "documents:build-download", kwargs={"area_slug": plan.area.slug, "pk": build.pk}
        ),
        link_text="Download it",
    )

"""The engagement record's long work: applying an imported spreadsheet (SG 5.1)."""

from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.core.exports import write_export
from lsip.core.spreadsheets import SpreadsheetError
from lsip.engagement.exports import DOWNLOADS
from lsip.engagement.imports import uploads
from lsip.engagement.imports.apply import MappingError, RejectedImportError, apply_import
from lsip.jobs.registry import JobRejectedError, Outcome, Problem, register
from lsip.jobs.services import enqueue, jobs_dir

KIND = "engagement-import"
EXPORT = "engagement-export"


def start_import(*, area, token: str, accept, user):
    """Queue the import of an uploaded, mapped spreadsheet; the job page follows it."""
    found = uploads.upload(area, token, user)
    if found is None:
        raise LookupError("No such upload of yours in this area: upload the file again")
    path, filename, _ = found
    return enqueue(
        kind=KIND,
        title=f"Import of {filename}",
        area=area,
        user=user,
        params={"token": token, "accept": list(accept)},
        upload=str(path.parent),
    )


@register(KIND)
def run_engagement_import(job, progress) -> Outcome:
    area, token = job.area, job.params["token"]
    found = uploads.upload(area, token)
    if found is None:
        raise JobRejectedError("The uploaded file is no longer kept: upload it again")
    path, filename, mapping = found
    urls = {"area_slug": area.slug, "token": token}
    try:
        batch = apply_import(
            area=area,
            path=path,
            mapping=mapping,
            actor=job.started_by,
            filename=filename,
            accept=job.params.get("accept", []),
            progress=progress,
        )
    except (SpreadsheetError, MappingError) as error:
        raise JobRejectedError(
            f"{filename} could not be read as mapped: {error}. Nothing was imported.",
            link=reverse("imports:import-map", kwargs=urls),
            link_text="Check the mapping of the columns",
        ) from None
    except RejectedImportError as error:
        raise JobRejectedError(
            f"{error}. Correct the file or the mapping and import it again.",
            problems=[Problem(e.reason, e.row, e.label, e.value) for e in error.report.errors],
            link=reverse("imports:import-preview", kwargs=urls),
            link_text="See the preview of this file",
        ) from None
    again = (
        f"; {batch.rows_already_imported:,} rows were imported before"
        if batch.rows_already_imported
        else ""
    )
    return Outcome(
        summary=(
            f"Imported {batch.engagements_created:,} engagements, {batch.needs_created:,} "
            f"skills needs and {batch.organisations_created:,} new employers from "
            f"{batch.filename}{again}"
        ),
        link=reverse("imports:import-list", kwargs={"area_slug": area.slug}),
        link_text="See the area's imports",
    )


def start_export(*, area, what: str, fmt: str, cycle, user):
    """Queue a download too large to build while the page waits; its job page gives the file."""
    name = DOWNLOADS[what].name.replace("-", " ")
    return enqueue(
        kind=EXPORT,
        title=f"Download of the {name} ({fmt.upper()})",
        area=area,
        user=user,
        params={"what": what, "format": fmt, "cycle": str(cycle.pk) if cycle else ""},
    )


@register(EXPORT)
def run_engagement_export(job, progress) -> Outcome:
    wanted = DOWNLOADS[job.params["what"]]
    cycle_id = job.params.get("cycle")
    cycle = Cycle.objects.get(area=job.area, pk=cycle_id) if cycle_id else None
    filename = f"{job.area.slug}-{wanted.name}.{job.params['format']}"
    path = jobs_dir() / "results" / str(job.pk) / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    progress.stage("Building the file")
    written = write_export(wanted.columns, wanted.records(job.area, cycle), path)
    return Outcome(f"{written:,} rows in {path.name}", result_file=str(path))

"""The engagement record's long work: applying an imported spreadsheet (SG 5.1)."""

from django.urls import reverse

from lsip.core.spreadsheets import SpreadsheetError
from lsip.engagement.imports import uploads
from lsip.engagement.imports.apply import MappingError, RejectedImportError, apply_import
from lsip.jobs.registry import JobRejectedError, Outcome, Problem, register
from lsip.jobs.services import enqueue

KIND = "engagement-import"


def start_import(*, area, token: str, accept, user):
    """Queue the import of an uploaded, mapped spreadsheet; the job page follows it."""
    path, filename, _ = uploads.upload(area, token)
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

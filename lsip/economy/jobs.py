"""The economy's long work: importing a labour-market file or a job-postings file (SG 2.1)."""

from pathlib import Path

from django.urls import reverse

from lsip.economy.imports import import_dataset
from lsip.economy.postings import import_postings
from lsip.economy.readers import ReadError
from lsip.jobs.registry import JobRejectedError, Outcome, Problem, register
from lsip.jobs.services import enqueue, store_upload

TABLES, POSTINGS = "dataset-import", "postings-import"


def start_import(*, area, uploaded, kind: str, source: str, user):
    """Keep the uploaded file and queue its import; returns the job to follow."""
    path = store_upload(uploaded, kind)
    what = "job postings" if kind == POSTINGS else "labour-market figures"
    return enqueue(
        kind=kind,
        title=f"Import of {what} from {uploaded.name}",
        area=area,
        user=user,
        params={"path": str(path), "filename": uploaded.name, "source": source},
        upload=str(path.parent),
    )


def _rejected(error: ReadError, filename: str, area) -> JobRejectedError:
    count = len(error.problems)
    return JobRejectedError(
        f"{filename} was not imported and nothing was changed: {count} problem{'s' * (count != 1)}",
        problems=[Problem(p.reason, p.row, p.field) for p in error.problems],
        link=reverse("economy:dataset-import", kwargs={"area_slug": area.slug}),
        link_text="Import another file",
    )


def _done(dataset, area) -> Outcome:
    return Outcome(
        summary=f"Imported {dataset.rows:,} figures of {dataset.title} ({dataset.edition})",
        link=reverse("economy:dataset-detail", kwargs={"area_slug": area.slug, "pk": dataset.pk}),
        link_text=f"See the dataset {dataset.title}",
    )


@register(TABLES)
def run_dataset_import(job, progress) -> Outcome:
    params = job.params
    progress.stage("Reading and checking the file")
    try:
        dataset = import_dataset(
            Path(params["path"]),
            actor=job.started_by,
            source=params["source"] or f"Uploaded file {params['filename']}",
            filename=params["filename"],
            progress=lambda done, total: progress(done, total, "Storing the figures"),
        )
    except ReadError as error:
        raise _rejected(error, params["filename"], job.area) from None
    return _done(dataset, job.area)


@register(POSTINGS)
def run_postings_import(job, progress) -> Outcome:
    params = job.params
    try:
        dataset = import_postings(
            Path(params["path"]),
            actor=job.started_by,
            area=job.area,
            source=params["source"] or f"Uploaded file {params['filename']}",
            progress=progress,
        )
    except ReadError as error:
        raise _rejected(error, params["filename"], job.area) from None
    return _done(dataset, job.area)

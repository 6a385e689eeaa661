"""Coding a spreadsheet uploaded on the coding page, as a background job (SG Annex D)."""

from pathlib import Path

from lsip.classification.coder.store import CoderFilesMissingError
from lsip.classification.files import code_spreadsheet
from lsip.classification.services import learned_mappings
from lsip.core.spreadsheets import SpreadsheetError
from lsip.jobs.registry import JobRejectedError, Outcome, register
from lsip.jobs.services import enqueue, jobs_dir, store_upload

KIND = "coding-file"
WHAT = {"soc": "job titles to SOC 2020", "sic": "business descriptions to SIC 2007"}


def start_coding(*, area, uploaded, kind: str, column: str, description_column: str, user):
    path = store_upload(uploaded, KIND)
    return enqueue(
        kind=KIND,
        title=f"Coding of {WHAT[kind]} in {uploaded.name}",
        area=area,
        user=user,
        params={
            "path": str(path),
            "kind": kind,
            "column": column,
            "description_column": description_column,
        },
        upload=str(path.parent),
    )


@register(KIND)
def run_coding_file(job, progress) -> Outcome:
    params = job.params
    source = Path(params["path"])
    output = jobs_dir() / "results" / str(job.pk) / f"{source.stem}-coded{source.suffix}"
    output.parent.mkdir(parents=True, exist_ok=True)
    options = {}
    if params["kind"] == "soc":
        options = {
            "description_column": params.get("description_column") or None,
            "learned": learned_mappings(job.area),
        }
    try:
        statuses = code_spreadsheet(
            params["kind"], source, params["column"], output, progress=progress, **options
        )
    except (SpreadsheetError, CoderFilesMissingError) as error:
        raise JobRejectedError(f"{source.name} could not be coded: {error}") from None
    total = sum(statuses.values())
    counts = ", ".join(f"{count:,} {status}" for status, count in statuses.most_common())
    return Outcome(
        summary=f"Coded {total:,} rows of {source.name}: {counts}", result_file=str(output)
    )

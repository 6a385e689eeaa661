"""Coding a whole spreadsheet of job titles or business descriptions (SG Annex D): the one
service behind `lsip code soc|sic FILE` and the coding page's file upload (a background job)."""

from collections import Counter
from pathlib import Path

from django.conf import settings

from lsip.classification.coder import batch
from lsip.core.spreadsheets import read_table, require_columns, write_table


def code_spreadsheet(
    kind: str,
    path: Path,
    column: str,
    output: Path,
    *,
    workers: int | None = None,
    dask_address: str | None = None,
    progress=None,
    **options,
) -> Counter:
    """Read `path`, code each row's `column` (with `options`: description_column,
    industry_column, learned) and write every column with the codes added to `output`.

    Raises SpreadsheetError for an unreadable file or a missing column, CoderFilesMissingError
    when the ONS files are not installed. `progress(done, total, stage)` hears how far it got.
    Returns how many rows ended in each coder status."""
    header, rows = read_table(path)
    require_columns(
        path, header, column, options.get("description_column"), options.get("industry_column")
    )
    source = str(Path(settings.DATA_DIR) / "refdata")
    options.update(kind=kind, column=column, source=source)
    batch.warm_up(kind, source)  # build the saved coder once, before any worker starts
    stage = f"Coding {len(rows):,} rows to {kind.upper()}"
    done = [0]

    def step(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress(done[0], len(rows), stage)

    if dask_address:
        coded = batch.run_dask(rows, dask_address, progress=step, **options)
    else:
        coded = batch.run_local(rows, workers, progress=step, **options)
    write_table(output, header + batch.columns(kind), coded)
    return Counter(row[f"{kind}_status"] for row in coded)

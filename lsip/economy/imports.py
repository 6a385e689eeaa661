"""Storing a labour-market file: read and check it whole, then keep all of it or nothing.

A file is one dataset with its provenance (publisher, title, edition, licence, source, who
imported it and when). A newer edition of a table is a new dataset beside the old one, which
is kept; figures are then read from the newest edition that holds each period. The same
edition of a period cannot be imported twice.
"""

from collections.abc import Callable
from pathlib import Path

from django.db import connection, transaction

from lsip.audit.context import acting_as
from lsip.core.files import sha256_of
from lsip.economy.models import Dataset, Observation
from lsip.economy.readers import ParsedFile, Problem, ReadError, read_file

BATCH = 5000
Progress = Callable[[int, int], None]


def import_dataset(
    path: Path,
    *,
    actor=None,
    source: str = "",
    area=None,
    filename: str | None = None,
    progress: Progress | None = None,
) -> Dataset:
    """Read `path` with the reader that knows its layout and store it as one dataset.

    Raises ReadError (nothing stored) for an unknown layout, unknown places, a damaged or
    cut-short file, or periods already imported from the same or a newer edition."""
    path = Path(path)
    if not path.is_file():
        raise ReadError([Problem(None, "file", f"'{path}' does not exist")])
    parsed = read_file(path)
    return store(
        parsed,
        filename=filename or path.name,
        sha256=sha256_of(path),
        source=source or path.name,
        actor=actor,
        area=area,
        progress=progress,
    )


def already_imported(parsed: ParsedFile, sha256: str, area=None) -> list[Problem]:
    """Problems when the file, or any of its periods in this or a newer edition, is stored."""
    same = Dataset.objects.filter(family=parsed.family, area=area)
    twin = same.filter(sha256=sha256).first()
    if twin:
        return [
            Problem(
                None,
                "file",
                f"This file was imported on {twin.created_on:%-d %B %Y} as '{twin}'",
            )
        ]
    problems = []
    for dataset in same.filter(edition_date__gte=parsed.edition_date):
        for period in sorted(set(parsed.periods) & set(dataset.periods)):
            problems.append(
                Problem(
                    None,
                    "period",
                    f"{period} is already imported from the {dataset.edition} "
                    f"(imported {dataset.created_on:%-d %B %Y}); only a newer edition can "
                    "add it again",
                )
            )
    return problems


def store(
    parsed: ParsedFile,
    *,
    filename: str,
    sha256: str,
    source: str,
    actor=None,
    area=None,
    progress: Progress | None = None,
) -> Dataset:
    """Store a checked file as one dataset and its figures, in one transaction."""
    problems = already_imported(parsed, sha256, area)
    if problems:
        raise ReadError(problems)
    total = len(parsed.figures)
    with transaction.atomic(), acting_as(actor, None if actor else "lsip data import"):
        dataset = Dataset.objects.create(
            family=parsed.family,
            title=parsed.title,
            publisher=parsed.publisher,
            edition=parsed.edition,
            edition_date=parsed.edition_date,
            licence=parsed.licence,
            source=source,
            filename=filename,
            sha256=sha256,
            periods=parsed.periods,
            measures=parsed.measures,
            breakdowns=parsed.breakdowns,
            notes=parsed.notes,
            skipped=dict(parsed.skipped),
            rows=total,
            area=area,
            imported_by=actor,
        )
        insert_figures(dataset, parsed.figures, progress)
    return dataset


def insert_figures(dataset: Dataset, figures, progress: Progress | None = None) -> None:
    """Insert the figures in batches with one prepared statement (no model per row: a
    national table holds hundreds of thousands), inside the caller's transaction."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    columns = ["dataset_id", "geography", "measure", "breakdown", "period", "period_end"]
    columns += ["value", "flag", "ci"]
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    pk = dataset.pk.hex if connection.vendor == "sqlite" else dataset.pk
    total = len(figures)
    with connection.cursor() as cursor:
        for start in range(0, total, BATCH):
            cursor.executemany(
                sql,
                [
                    (
                        pk,
                        f.geography,
                        f.measure,
                        f.breakdown,
                        f.period,
                        f.period_end,
                        f.value,
                        f.flag,
                        f.ci,
                    )
                    for f in figures[start : start + BATCH]
                ],
            )
            if progress:
                progress(min(start + BATCH, total), total)

"""Coding many rows: one pure function of a batch, run in local processes or on Dask.

`code_batch` takes a list of row dicts and returns them with the coder's columns added; it
depends on nothing but its arguments and the ONS files, so any worker can run any batch.
"""

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from lsip.classification.coder.result import Result

BATCH_SIZE = 2000


def columns(kind: str) -> list[str]:
    prefix = kind
    return [
        f"{prefix}_code",
        f"{prefix}_title",
        f"{prefix}_extended_code",
        f"{prefix}_confidence",
        f"{prefix}_status",
        f"{prefix}_method",
        f"{prefix}_candidates",
    ]


def as_columns(kind: str, result: Result) -> dict[str, str]:
    """The coder's answer as the columns written next to each row."""
    top = result.candidates[0] if result.candidates else None
    chosen = result.status == "coded"
    return dict(
        zip(
            columns(kind),
            [
                top.code if top and chosen else "",
                top.title if top and chosen else "",
                top.extended_code if top and chosen else "",
                f"{result.confidence:.3f}" if top else "",
                result.status,
                result.method,
                " ".join(c.code for c in result.candidates),
            ],
            strict=True,
        )
    )


def code_batch(
    rows: list[dict],
    kind: str,
    column: str,
    description_column: str | None = None,
    industry_column: str | None = None,
    learned: dict | None = None,
    source: str | None = None,
) -> list[dict]:
    """`rows` with the coder's columns added: a pure function of its arguments."""
    from lsip.classification.coder import load_sic_coder, load_soc_coder

    if kind == "soc":
        coder = load_soc_coder(source)
        results = [
            coder.code(
                row.get(column),
                row.get(description_column) if description_column else None,
                row.get(industry_column) if industry_column else None,
                learned,
            )
            for row in rows
        ]
    else:
        coder = load_sic_coder(source)
        results = [coder.code(row.get(column)) for row in rows]
    return [{**row, **as_columns(kind, r)} for row, r in zip(rows, results, strict=True)]


def warm_up(kind: str, source: str | None = None) -> None:
    """Load (building and saving if need be) the coder, so that workers only read it."""
    from lsip.classification.coder import load_sic_coder, load_soc_coder

    (load_soc_coder if kind == "soc" else load_sic_coder)(source)


def batches(rows: list[dict], size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def run_local(
    rows: list[dict],
    workers: int | None = None,
    progress: Callable[[int], None] = lambda n: None,
    **options,
) -> list[dict]:
    """Code `rows` in `workers` processes (default: every core), in order."""
    workers = workers or os.cpu_count() or 1
    chunks = list(batches(rows))
    if workers == 1 or len(chunks) == 1:
        out = []
        for chunk in chunks:
            out.extend(code_batch(chunk, **options))
            progress(len(chunk))
        return out
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(code_batch, chunk, **options) for chunk in chunks]
        out = []
        for future, chunk in zip(futures, chunks, strict=True):
            out.extend(future.result())
            progress(len(chunk))
    return out


def run_dask(
    rows: list[dict], address: str, progress: Callable[[int], None] = lambda n: None, **options
) -> list[dict]:
    """Code `rows` on the Dask cluster at `address`; each worker needs the ONS files at
    `source` (or installed), and builds or loads the coder once."""
    from dask.distributed import Client, as_completed

    chunks = list(batches(rows))
    with Client(address) as client:
        futures = client.map(code_batch, chunks, pure=False, **options)
        index = {future.key: i for i, future in enumerate(futures)}
        done: dict[int, list[dict]] = {}
        for future in as_completed(futures):
            i = index[future.key]
            done[i] = future.result()
            progress(len(chunks[i]))
    return [row for i in range(len(chunks)) for row in done[i]]

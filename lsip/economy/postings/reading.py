"""Reading a job-postings file (CSV, Parquet or XLSX) and checking every row of it.

Columns are found by any of their accepted names; a row without a title or with a date that
cannot be read rejects the whole file, each such row named in the ReadError.
"""

from datetime import date
from pathlib import Path

import polars as pl

from lsip.economy.readers.base import Problem, ReadError

MAX_PROBLEMS = 1000
XLSX_MAX_BYTES = 20 * 1024 * 1024

#: The columns read, each with the names (folded to lower case) a file may give it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "job title", "job_title", "jobtitle", "advert title", "job"),
    "employer": ("employer", "employer name", "company", "company name", "organisation"),
    "location": ("location", "place", "town", "job location", "location name"),
    "date": ("date", "posted", "date posted", "posted date", "advert date", "created"),
    "sic": ("sic", "sic code", "sic2007", "sic 2007", "sic_code", "sic2007 code"),
    "salary": ("salary", "pay", "salary text", "wage"),
    "publisher": ("source", "publisher", "data source"),
}
REQUIRED = ("title", "location", "date")


def read_postings(path: Path) -> pl.DataFrame:
    """The adverts of `path` (CSV, Parquet or XLSX) as a DataFrame with the columns `row`
    (the file's row number, header = 1), `title`, `employer`, `location`, `date` (a date),
    `sic`, `salary` and `publisher` (null where the file has no such column).

    Raises ReadError naming every rejected row (capped at MAX_PROBLEMS, with a count of
    the rest): missing required columns, empty titles and dates that cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ReadError([Problem(None, "file", f"'{path}' does not exist")])
    raw = _read_raw(path)
    found = _find_columns(raw.columns)
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise ReadError(
            [
                Problem(
                    None,
                    name,
                    f"no {name} column (looked for {', '.join(repr(a) for a in COLUMNS[name])}"
                    f"; the file has {', '.join(repr(c) for c in raw.columns) or 'no columns'})",
                )
                for name in missing
            ]
        )
    text = {
        name: (_as_text(raw, found[name], name) if name in found else pl.lit(None, pl.String))
        for name in COLUMNS
        if name != "date"
    }
    frame = raw.with_row_index("row", offset=2).select(
        pl.col("row").cast(pl.Int64),
        *(expr.alias(name) for name, expr in text.items()),
        _as_text(raw, found["date"]).alias("date_text"),
        _as_date(raw, found["date"]).alias("date"),
    )
    blank = pl.col("title").is_null() & pl.col("location").is_null() & pl.col("date_text").is_null()
    frame = frame.filter(~blank)
    _check(frame)
    return frame.drop("date_text")


def _read_raw(path: Path) -> pl.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pl.read_parquet(path)
        if suffix == ".csv":
            try:
                return pl.read_csv(path, infer_schema=False, truncate_ragged_lines=True)
            except pl.exceptions.ComputeError:
                text = path.read_bytes().decode("cp1252", errors="replace")
                return pl.read_csv(
                    text.encode("utf-8"), infer_schema=False, truncate_ragged_lines=True
                )
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
    except (pl.exceptions.PolarsError, OSError, ValueError) as error:
        raise ReadError(
            [Problem(None, "file", f"'{path.name}' cannot be read ({error})")]
        ) from None
    raise ReadError([Problem(None, "file", f"'{path.name}' is not a .csv, .parquet or .xlsx file")])


def _read_xlsx(path: Path) -> pl.DataFrame:
    import openpyxl

    if path.stat().st_size > XLSX_MAX_BYTES:
        raise ReadError(
            [
                Problem(
                    None,
                    "file",
                    f"'{path.name}' is over {XLSX_MAX_BYTES // 1024 // 1024} MB: "
                    "save it as CSV or Parquet",
                )
            ]
        )
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
        body = [list(r) for r in rows]
    finally:
        workbook.close()
    names = [h or f"column {i + 1}" for i, h in enumerate(header)]
    sic = _find_columns(names).get("sic")
    return pl.DataFrame(
        [
            pl.Series(
                name,
                [_cell_text(r[i] if i < len(r) else None, name == sic) for r in body],
                pl.String,
            )
            for i, name in enumerate(names)
        ]
    )


def _cell_text(value, sic: bool = False) -> str | None:
    """A cell as text; a SIC code typed as a number gets back its leading zero (01110)."""
    if value is None:
        return None
    if isinstance(value, date):  # datetime is a date too
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:05d}" if sic else str(value)
    return str(value)


def _find_columns(names: list[str]) -> dict[str, str]:
    folded = {" ".join(str(n).strip().lower().replace("_", " ").split()): n for n in names}
    found = {}
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            key = " ".join(alias.replace("_", " ").split())
            if key in folded:
                found[field] = folded[key]
                break
    return found


def _as_text(raw: pl.DataFrame, column: str, field: str = "") -> pl.Expr:
    """A column as trimmed text with empty cells as null (a SIC code stored as a number gets
    back its leading zero: 1110 is 01110)."""
    expr = pl.col(column)
    if field == "sic" and raw.schema[column].is_integer():
        expr = expr.cast(pl.String).str.zfill(5)
    expr = expr.cast(pl.String).str.strip_chars()
    return pl.when(expr == "").then(None).otherwise(expr)


def _as_date(raw: pl.DataFrame, column: str) -> pl.Expr:
    """ISO dates (with or without a time) and dd/mm/yyyy; null where neither reads."""
    dtype = raw.schema[column]
    if dtype == pl.Date:
        return pl.col(column)
    if dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        return pl.col(column).dt.date()
    text = _as_text(raw, column)
    iso = text.str.extract(r"^(\d{4}-\d{2}-\d{2})(?:[ T].*)?$", 1).str.to_date(
        "%Y-%m-%d", strict=False
    )
    british = (
        text.str.extract(r"^(\d{1,2}/\d{1,2}/\d{4})$", 1)
        .str.replace(r"^(\d)/", "0$1/")
        .str.replace(r"/(\d)/", "/0$1/")
        .str.to_date("%d/%m/%Y", strict=False)
    )
    return pl.coalesce(iso, british)


def _check(frame: pl.DataFrame) -> None:
    bad = frame.filter(
        pl.col("title").is_null() | pl.col("date_text").is_null() | pl.col("date").is_null()
    )
    if bad.is_empty():
        return
    problems = []
    total = 0
    for row, title, date_text, day in bad.select("row", "title", "date_text", "date").iter_rows():
        found = []
        if title is None:
            found.append(Problem(row, "title", "empty: every advert needs a job title"))
        if date_text is None:
            found.append(Problem(row, "date", "empty: every advert needs a date"))
        elif day is None:
            found.append(
                Problem(row, "date", f"'{date_text}' is not a date (use 2025-03-31 or 31/03/2025)")
            )
        total += len(found)
        problems.extend(found[: max(0, MAX_PROBLEMS - len(problems))])
    if total > len(problems):
        problems.append(
            Problem(None, "file", f"and {total - len(problems)} more problems not listed")
        )
    raise ReadError(problems)

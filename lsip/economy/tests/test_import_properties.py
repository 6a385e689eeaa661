"""Property tests of the labour-market importers (issue 17, "Also"): a real Nomis export
(UK Business Counts) and a job-postings file with cells changed, rows dropped or repeated and
the file cut short is imported whole or refused with every problem named; never another
exception and never a partial write."""

import csv
import io

import openpyxl
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsip.economy.imports import import_dataset
from lsip.economy.models import Dataset, Observation
from lsip.economy.postings import read_postings
from lsip.economy.readers.base import ReadError

NOMIS = "labour_market/nomis_ubc_enterprises_by_size_2023_04_24.xlsx"
CELL = st.one_of(
    st.sampled_from(["", "-", "*", "!", "0", "-1", "1e9", "2022", "Shropshire", "=A1", "#N/A"]),
    st.integers(-(10**12), 10**12).map(str),
    st.text(max_size=20),
)
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def nomis_rows(refdata_folder_module):
    sheet = openpyxl.load_workbook(refdata_folder_module / NOMIS, read_only=True).worksheets[0]
    return [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]


@st.composite
def damaged(draw, rows):
    """The rows with a few cells changed, rows dropped or repeated, and maybe cut short."""
    rows = [list(r) for r in rows]
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["cell", "drop", "repeat"]))
        at = draw(st.integers(0, len(rows) - 1))
        if kind == "cell" and rows[at]:
            rows[at][draw(st.integers(0, len(rows[at]) - 1))] = draw(CELL)
        elif kind == "drop":
            del rows[at]
        elif kind == "repeat":
            rows.insert(at, list(rows[at]))
        if not rows:
            break
    if rows and draw(st.booleans()):
        rows = rows[: draw(st.integers(0, len(rows)))]
    return rows


def write_csv(path, rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    try:
        path.write_bytes(out.getvalue().encode("utf-8"))
    except UnicodeEncodeError:
        return None
    return path


def attempt(read, path):
    """(what `read` gave, None), or (None, the ReadError)."""
    try:
        return read(path), None
    except ReadError as error:
        return None, error


def stored():
    return Dataset.objects.count(), Observation.objects.count()


@pytest.mark.django_db
@SETTINGS
@given(data=st.data())
def test_any_nomis_export_is_imported_whole_or_refused_with_its_problems(
    places, nomis_rows, tmp_path, data
):
    rows = data.draw(damaged(nomis_rows))
    path = write_csv(tmp_path / "nomis.csv", rows)
    if path is None:
        return
    with transaction.atomic():
        before = stored()
        dataset, refused = attempt(import_dataset, path)
        if refused is not None:
            assert stored() == before
            assert refused.problems
            assert all(p.reason for p in refused.problems)
        else:
            assert Observation.objects.filter(dataset=dataset).exists()
        transaction.set_rollback(True)  # each example starts from no dataset


POSTING_HEADER = ["Job Title", "Employer", "Location", "Date", "SIC", "Salary"]
POSTING_CELL = st.one_of(
    st.sampled_from(
        ["", "Groundworker", "Shropshire", "Cardiff", "2025-02-03", "03/02/2025", "2025-13-01"]
        + ["31/02/2025", "62012", "10.71", "x", "£24,000"]
    ),
    st.text(max_size=20),
)


@SETTINGS
@given(
    header=st.one_of(st.just(POSTING_HEADER), st.lists(POSTING_CELL, max_size=6)),
    rows=st.lists(st.lists(POSTING_CELL, max_size=7), max_size=8),
)
def test_any_postings_file_is_read_whole_or_refused_with_each_bad_row_named(
    tmp_path_factory, header, rows
):
    path = write_csv(tmp_path_factory.mktemp("postings") / "adverts.csv", [header, *rows])
    if path is None:
        return
    read, refused = attempt(read_postings, path)
    if refused is not None:
        assert refused.problems
        for problem in refused.problems:
            assert problem.reason
            assert problem.row is None or 1 <= problem.row <= len(rows) + 1
    else:
        assert read is not None

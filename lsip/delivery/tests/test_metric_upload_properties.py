"""Property test of the metric-values upload (issue 17, "Also"): whatever a CSV holds, the
upload adds every value or none, and a refusal names each problem with its row and column;
never another exception and never a partial write."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsip.delivery.metrics import RejectedError, import_values
from lsip.delivery.models import MetricValue

#: Column names, right, missing, misspelt or repeated.
HEADERS = st.sampled_from(
    [
        ["Metric", "Date", "Value", "Organisation", "Note"],
        ["Metric", "Date", "Value"],
        ["metric", "date", "value"],
        ["Metric", "Value"],
        ["Metric", "Date", "Value", "Value"],
        [],
    ]
)
CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "Care starts",
            "care starts",
            "Care leavers",
            "2026-10-31",
            "31/10/2026",
            "31/13/2026",
            "120",
            "1,200",
            "-5",
            "nan",
            "inf",
            "1e400",
            "Telford College",
            "Nobody Ltd",
            "=1+1",
        ]
    ),
    st.text(max_size=30),
)
ROWS = st.lists(st.lists(CELL, min_size=0, max_size=6), max_size=6)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(header=HEADERS, rows=ROWS)
def test_any_upload_adds_every_value_or_none_with_each_problem_named(
    marches, plan, tmp_path, header, rows
):
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "values.csv"
    try:
        path.write_bytes(out.getvalue().encode("utf-8"))
    except UnicodeEncodeError:
        return  # lone surrogates: not a file anyone can write
    before = MetricValue.objects.count()
    added, refused = attempt(marches, path)
    if refused is not None:
        assert MetricValue.objects.count() == before
        assert str(refused)
        for problem in refused.problems:
            assert problem.reason
            assert problem.row is None or 2 <= problem.row <= len(rows) + 1
        return
    assert added > 0
    assert MetricValue.objects.count() == before + added


def attempt(area, path):
    """(values added, None), or (None, the refusal)."""
    try:
        return import_values(area=area, path=path, filename="values.csv", actor=None), None
    except RejectedError as error:
        return None, error

"""Property tests of the engagement import (issue 17): whatever a spreadsheet holds, the import
either applies every row or none, and names each problem with its row, field and reason;
never a server error and never a partial write."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsip.core.spreadsheets import SpreadsheetError
from lsip.engagement.imports.apply import MappingError, RejectedImportError, apply_import
from lsip.engagement.models import Engagement, ImportBatch
from lsip.organisations.models import Organisation

HEADER = ["Company", "Date", "Location", "Role", "Need", "Employees", "Email"]
MAPPING = {
    "columns": {
        "employer_name": "Company",
        "date": "Date",
        "local_authority": "Location",
        "occupation": "Role",
        "need_type": "Need",
        "employees": "Employees",
        "contact_email": "Email",
    },
    "defaults": {"type": "survey"},
}
#: Cells as people type them, good and bad, and anything at all.
CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "Ludlow Foods Ltd",
            "31/03/2025",
            "2025-13-40",
            "Shropshire",
            "Birmingham",
            "Welder",
            "Shortage",
            "gap",
            "nonsense",
            "12",
            "-3",
            "250+",
            "a@b.example",
            "not@",
            "=1+1",
            "0",
            "   ",
        ]
    ),
    st.text(max_size=40),
)
ROWS = st.lists(st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER)), max_size=6)


def as_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=ROWS)
def test_any_file_applies_whole_or_not_at_all_with_every_problem_named(marches, tmp_path, rows):
    path = tmp_path / "survey.csv"
    try:
        path.write_bytes(as_csv(rows))
    except UnicodeEncodeError:
        return
    before = (Engagement.objects.count(), Organisation.objects.count(), ImportBatch.objects.count())
    batch, refused = attempt(marches, path)
    if isinstance(refused, RejectedImportError):
        assert refused.report.errors
        assert all(problem.row >= 1 and problem.reason for problem in refused.report.errors)
    if refused is not None:
        assert str(refused)
        after = (Engagement.objects.count(), Organisation.objects.count())
        assert after == before[:2]
        assert ImportBatch.objects.count() == before[2]
        return
    assert Engagement.objects.count() == before[0] + batch.engagements_created
    assert batch.engagements_created <= len(rows)


def attempt(area, path):
    """(the batch, None) when the file was imported, (None, the error) when it was refused."""
    try:
        return apply_import(area=area, path=path, mapping=MAPPING, actor=None), None
    except (RejectedImportError, SpreadsheetError, MappingError) as error:
        return None, error

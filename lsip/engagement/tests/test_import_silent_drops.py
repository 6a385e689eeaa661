"""Nothing is dropped without a word (issue 17, item 7): an XLSX cell holding a formula is read
as the value the file keeps for it and the report says so, or is a row error when the file
keeps none; a file with a header and no rows is refused; an upload is its owner's alone and
goes a day after it was left."""

import os
import re
import shutil
import zipfile
from datetime import timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lsip.core.spreadsheets import SpreadsheetError
from lsip.engagement.imports.apply import RejectedImportError, apply_import, plan_import
from lsip.engagement.imports.uploads import imports_dir, store_upload
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.jobs.cleanup import clean_uploads

HEADER = ["Company", "Date", "Location", "Role"]
MAPPING = {
    "columns": {
        "employer_name": "Company",
        "date": "Date",
        "local_authority": "Location",
        "occupation": "Role",
    },
    "defaults": {"type": "survey", "need_type": "shortage"},
}


def workbook_with_formula(path, kept=None):
    """Row 3's role is a formula; `kept` is the value Excel would have saved beside it (openpyxl
    saves none, so it is written into the sheet's XML as Excel writes it)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["Ludlow Foods", "31/03/2025", "Shropshire", "Baker"])
    sheet.append(["Wye Dairy", "31/03/2025", "Herefordshire", '=UPPER("welder")'])
    workbook.save(path)
    if kept is not None:
        rewritten = path.with_suffix(".tmp")
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = re.sub(
                        rb'<c r="D3"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                        lambda m: (
                            b'<c r="D3" t="str"><f>'
                            + m.group(2)
                            + b"</f><v>"
                            + kept.encode()
                            + b"</v></c>"
                        ),
                        data,
                    )
                    assert kept.encode() in data
                target.writestr(item, data)
        shutil.move(rewritten, path)
    return path


def test_a_formula_with_no_kept_value_is_a_row_error_not_a_lost_need(marches, tmp_path):
    path = workbook_with_formula(tmp_path / "survey.xlsx")
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert [(e.row, e.field) for e in report.errors] == [(3, "occupation")]
    assert "formula" in report.errors[0].reason
    with pytest.raises(RejectedImportError):
        apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    assert Engagement.objects.count() == 0


def test_a_formula_with_a_kept_value_is_read_as_it_and_the_report_says_so(marches, tmp_path):
    path = workbook_with_formula(tmp_path / "survey.xlsx", kept="WELDER")
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert report.errors == []
    assert [row for row, _ in report.formula_cells] == [3]
    assert "formula" in report.text()
    apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    assert sorted(SkillsNeed.objects.values_list("words", flat=True)) == ["Baker", "WELDER"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_file_with_a_header_and_no_rows_is_refused(marches, tmp_path, suffix):
    path = tmp_path / f"survey.{suffix}"
    if suffix == "csv":
        path.write_text(",".join(HEADER) + "\n")
    else:
        workbook = openpyxl.Workbook()
        workbook.active.append(HEADER)
        workbook.save(path)
    with pytest.raises(SpreadsheetError, match="no rows under the header"):
        apply_import(area=marches, path=path, mapping=MAPPING, actor=None)


def test_an_upload_is_its_owners_alone(client, marches, people):
    client.force_login(people["erb_editor"])
    file = SimpleUploadedFile("survey.csv", b"Company,Date\nLudlow Foods,31/03/2025\n")
    uploaded = client.post(reverse("imports:import-upload", args=["the-marches"]), {"file": file})
    assert uploaded.status_code == 302
    assert client.get(uploaded.url).status_code == 200
    client.force_login(people["erb_admin"])  # another person of the same ERB, by its token
    assert client.get(uploaded.url).status_code == 404
    token = uploaded.url.rstrip("/").split("/")[-2]
    preview = reverse("imports:import-preview", args=["the-marches", token])
    assert client.get(preview).status_code == 404
    apply = reverse("imports:import-apply", args=["the-marches", token])
    assert client.post(apply).status_code == 404


def test_an_upload_never_imported_is_deleted_after_a_day(marches):
    old, new = (store_upload(marches, "s.csv", b"a,b\n") for _ in range(2))
    yesterday = (timezone.now() - timedelta(hours=25)).timestamp()
    os.utime(imports_dir(marches) / old, (yesterday, yesterday))
    assert clean_uploads() == 1
    assert [p.name for p in imports_dir(marches).iterdir()] == [new]

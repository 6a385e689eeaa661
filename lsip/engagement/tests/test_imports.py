"""Importing survey and interview spreadsheets into the engagement record (SG 5.1).

Every bad input is a real file built here, as a survey tool or a person would save it."""

import csv
import datetime
import json

import openpyxl
import pytest
from click.testing import CliRunner

from lsip.audit.models import AuditEntry
from lsip.cli import main
from lsip.core.spreadsheets import SpreadsheetError
from lsip.engagement.imports import fields
from lsip.engagement.imports.apply import (
    MappingError,
    RejectedImportError,
    apply_import,
    plan_import,
)
from lsip.engagement.imports.matching import Places, normalise_name
from lsip.engagement.models import Engagement, ImportBatch, SkillsNeed
from lsip.organisations.models import Contact, Organisation

HEADER = [
    "Company",
    "Company number",
    "Employees",
    "Location",
    "Member?",
    "Date",
    "Role",
    "Need",
    "Level",
    "How many",
    "Themes",
    "Contact",
    "Email",
]
MAPPING = {
    "columns": {
        "employer_name": "Company",
        "companies_house_number": "Company number",
        "employees": "Employees",
        "local_authority": "Location",
        "erb_member": "Member?",
        "date": "Date",
        "occupation": "Role",
        "need_type": "Need",
        "level": "Level",
        "number": "How many",
        "themes": "Themes",
        "contact_name": "Contact",
        "contact_email": "Email",
    },
    "defaults": {"type": "survey"},
}
GOOD = [
    [
        "Paveaways Ltd",
        "1234567",
        "45",
        "Telford & Wrekin",
        "Yes",
        "31/03/2025",
        "Groundworker",
        "Shortage",
        "Level 2",
        "3",
        "Net zero; Digital",
        "Rosie Beswick",
        "rosie@paveaways.example",
    ],
    [
        "Marches Care Homes",
        "",
        "250+",
        "herefordshire",
        "no",
        "2025-04-01",
        "Senior care assistant",
        "skills gap",
        "3",
        "",
        "",
        "Dev Patel",
        "",
    ],
    ["Ludlow Foods", "", "", "Shropshire", "", "1 Apr 2025", "", "", "", "", "", "", ""],
]


def write_csv(path, rows, header=HEADER, above=(), encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        for row in above:
            writer.writerow(row)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows, header=HEADER, above=(), merge=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [*above, header, *rows]:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def errors_of(report):
    return [(e.row, e.field) for e in report.errors]


# -- a good file --------------------------------------------------------------------------


def test_a_survey_export_becomes_engagements_needs_employers_contacts_and_a_batch(
    marches, people, tmp_path
):
    path = write_csv(tmp_path / "survey.csv", GOOD)
    batch = apply_import(area=marches, path=path, mapping=MAPPING, actor=people["erb_editor"])
    assert (batch.rows, batch.engagements_created, batch.needs_created) == (3, 3, 2)
    assert batch.organisations_created == 3
    assert batch.imported_by == people["erb_editor"]
    assert len(batch.sha256) == 64
    assert batch.mapping["columns"]["employer_name"] == "Company"
    paveaways = Organisation.objects.get(area=marches, name="Paveaways Ltd")
    assert paveaways.companies_house_number == "01234567"
    assert paveaways.size_band == "small"
    assert paveaways.local_authority.name == "Telford and Wrekin"
    assert paveaways.erb_member is True
    assert Organisation.objects.get(name="Marches Care Homes").size_band == "large"
    need = SkillsNeed.objects.get(words="Groundworker")
    assert (need.need_type, need.level, need.number) == ("shortage", "2", 3)
    assert need.themes == ["net_zero", "digital"]
    engagement = need.engagement
    assert (engagement.type, engagement.date) == ("survey", datetime.date(2025, 3, 31))
    assert list(engagement.organisations.all()) == [paveaways]
    assert engagement.import_batch == batch
    assert Contact.objects.get(organisation=paveaways).email == "rosie@paveaways.example"
    assert Contact.objects.filter(organisation__area=marches).count() == 2
    created = AuditEntry.objects.filter(action="create", actor=people["erb_editor"])
    assert created.filter(model="engagement.Engagement").count() == 3
    assert created.filter(model="engagement.SkillsNeed").count() == 2
    assert created.filter(object_id=str(paveaways.pk)).get().changes["name"] == [
        None,
        "Paveaways Ltd",
    ]


def test_importing_the_same_file_again_adds_nothing(marches, tmp_path):
    path = write_csv(tmp_path / "survey.csv", GOOD)
    apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    again = apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    assert again.engagements_created == 0
    assert again.rows_already_imported == 3
    assert Engagement.objects.filter(area=marches).count() == 3
    assert Organisation.objects.filter(area=marches, type="employer").count() == 3


def test_duplicate_rows_in_the_file_import_once_and_are_reported(marches, tmp_path):
    path = write_csv(tmp_path / "survey.csv", [GOOD[0], GOOD[1], GOOD[0]])
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert report.duplicates == [(4, 2)]
    assert "row 4: the same as row 2; imported once" in report.text()
    batch = apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    assert batch.engagements_created == 2


# -- matching employers -------------------------------------------------------------------


@pytest.fixture
def existing(marches):
    shropshire = marches.local_authorities.get(name="Shropshire")
    return {
        "numbered": Organisation.objects.create(
            area=marches, name="Wrekin Plastics", type="employer", companies_house_number="07654321"
        ),
        "paveaways": Organisation.objects.create(
            area=marches, name="Paveaways Limited", type="employer", local_authority=shropshire
        ),
    }


def rows_for(*names_places_numbers):
    return [
        [name, number, "", place, "", "31/03/2025", "", "", "", "", "", "", ""]
        for name, place, number in names_places_numbers
    ]


def test_employers_match_by_company_number_then_normalised_name_and_place(
    marches, existing, tmp_path
):
    path = write_csv(
        tmp_path / "survey.csv",
        rows_for(
            ("W. Plastics Ltd", "Telford and Wrekin", "7654321"),
            ("THE PAVEAWAYS LTD.", "Shropshire", ""),
            ("Paveaways & Co", "Herefordshire", ""),
        ),
    )
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    found = {e.name: (e.existing, e.how) for e in report.employers}
    assert found["W. Plastics Ltd"] == (existing["numbered"], "company number")
    assert found["THE PAVEAWAYS LTD."] == (existing["paveaways"], "name and place")
    assert found["Paveaways & Co"] == (None, "")  # another place: a new employer
    assert report.doubtful == []


def test_a_similar_name_in_the_same_place_is_asked_and_new_unless_accepted(
    marches, existing, tmp_path
):
    path = write_csv(tmp_path / "survey.csv", rows_for(("Paveaways Groundworks", "Shropshire", "")))
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    (doubt,) = report.doubtful
    assert doubt.existing == existing["paveaways"]
    assert doubt.rows == [2]
    assert report.new_employers == 1
    accepted = plan_import(area=marches, path=path, mapping=MAPPING, accept=[doubt.pair])
    assert accepted.employers[0].existing == existing["paveaways"]
    batch = apply_import(area=marches, path=path, mapping=MAPPING, actor=None, accept=[doubt.pair])
    assert batch.organisations_created == 0
    assert existing["paveaways"].engagements.count() == 1


def test_names_are_normalised_without_ltd_plc_the_ampersand_and_punctuation():
    assert normalise_name("The Smith & Sons Ltd.") == normalise_name("smith and sons limited")
    assert normalise_name("ACME PLC") == "acme"


def test_local_authorities_match_their_common_spellings(marches):
    places = Places(marches)
    for spelling in ("Telford & Wrekin", "TELFORD AND WREKIN", "Telford and Wrekin Council"):
        assert places.find(spelling).name == "Telford and Wrekin"
    assert places.find("Herefordshire").name == "Herefordshire, County of"
    assert places.find("Shropshire Council").name == "Shropshire"
    assert places.find("Birmingham") is None


# -- every bad row reported, nothing applied ----------------------------------------------


def test_every_bad_row_is_named_with_its_field_and_reason_and_nothing_is_applied(marches, tmp_path):
    bad = [
        GOOD[0],
        ["", "", "", "Shropshire", "", "31/03/2025", "", "", "", "", "", "", ""],
        ["Acme", "", "", "Birmingham", "", "", "", "", "", "", "", "", ""],
        [
            "Acme",
            "",
            "lots",
            "Shropshire",
            "maybe",
            "31/02/2025",
            "Welder",
            "",
            "9",
            "",
            "",
            "",
            "",
        ],
        ["Acme", "ABC", "", "Shropshire", "", "2025-03-31", "", "", "", "", "Baking", "", "x@"],
    ]
    path = write_csv(tmp_path / "survey.csv", bad)
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert errors_of(report) == [
        (3, "employer_name"),
        (4, "local_authority"),
        (4, "date"),
        (5, "employees"),
        (5, "erb_member"),
        (5, "date"),
        (5, "level"),
        (5, "need_type"),
        (6, "companies_house_number"),
        (6, "themes"),
        (6, "contact_email"),
    ]
    reasons = {(e.row, e.field): e.reason for e in report.errors}
    assert reasons[(3, "employer_name")] == "Employer name is blank"
    assert "not a local authority of this area" in reasons[(4, "local_authority")]
    assert "Telford and Wrekin" in reasons[(4, "local_authority")]
    assert reasons[(5, "date")] == "31/02/2025 is not a real date"
    with pytest.raises(RejectedImportError) as rejected:
        apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    assert rejected.value.report.rejected_rows == [3, 4, 5, 6]
    assert Engagement.objects.filter(area=marches).count() == 0
    assert Organisation.objects.filter(area=marches, type="employer").count() == 0
    assert ImportBatch.objects.count() == 0


def test_a_mapping_without_the_required_fields_is_refused(marches, tmp_path):
    path = write_csv(tmp_path / "survey.csv", GOOD)
    with pytest.raises(MappingError, match="Engagement type"):
        plan_import(
            area=marches,
            path=path,
            mapping={"employer_name": "Company", "date": "Date"},
        )
    with pytest.raises(SpreadsheetError, match="no row among the first 50"):
        plan_import(
            area=marches,
            path=path,
            mapping={"employer_name": "Firm", "date": "Date", "defaults": {"type": "survey"}},
        )


# -- files that are not what they seem ----------------------------------------------------


def test_a_windows_1252_csv_is_read(marches, tmp_path):
    rows = [["Café Bleu £", *GOOD[2][1:]]]
    path = write_csv(tmp_path / "survey.csv", rows, encoding="cp1252")
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert report.employers[0].name == "Café Bleu £"


def test_text_in_neither_utf8_nor_windows_1252_is_refused(marches, tmp_path):
    path = tmp_path / "survey.csv"
    write_csv(path, GOOD)
    path.write_bytes(path.read_bytes().replace(b"Ludlow", b"Lud\x81\x8dow"))
    with pytest.raises(SpreadsheetError, match="neither UTF-8 nor Windows-1252"):
        plan_import(area=marches, path=path, mapping=MAPPING)


def test_merged_cells_in_the_data_are_refused_but_a_merged_title_is_not(marches, tmp_path):
    path = write_xlsx(tmp_path / "merged.xlsx", GOOD, merge="A2:A3")
    with pytest.raises(SpreadsheetError, match="merged cells at A2:A3"):
        plan_import(area=marches, path=path, mapping=MAPPING)
    title = [["Employer survey 2025"], ["Exported 1 April 2025"]]
    path = write_xlsx(tmp_path / "titled.xlsx", GOOD, above=title, merge="A1:F1")
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert report.header_row == 3
    assert len(report.prepared) == 3


def test_title_rows_above_the_header_are_skipped_and_rows_keep_their_numbers(marches, tmp_path):
    title = [["Employer skills survey"], [], ["Responses to 31 March"]]
    rows = [GOOD[0], ["", *GOOD[1][1:]]]
    path = write_csv(tmp_path / "survey.csv", rows, above=title)
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert report.header_row == 4
    assert errors_of(report) == [(6, "employer_name")]
    with pytest.raises(SpreadsheetError, match="row 2 is empty"):
        plan_import(area=marches, path=path, mapping=MAPPING, header_row=2)
    assert plan_import(area=marches, path=path, mapping=MAPPING, header_row=4).header_row == 4


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(
    marches, tmp_path, settings, monkeypatch
):
    settings.LSIP_IMPORT_MAX_MB = 0.001  # about 1 KB, standing in for the 200 MB file
    path = write_csv(tmp_path / "big.csv", GOOD * 10)
    from lsip.engagement.imports import parsing

    def never(*args):
        raise AssertionError("the file was read")

    monkeypatch.setattr(parsing, "_read_csv", never)
    with pytest.raises(SpreadsheetError, match="above the 0.001 MB limit"):
        plan_import(area=marches, path=path, mapping=MAPPING)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
        ("report.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a readable XLSX"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old Excel"),
        ("notes.docx", b"PK\x03\x04" + bytes(64), "not a CSV or XLSX"),
        ("empty.csv", b"\n\n", "no rows"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(marches, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=reason):
        plan_import(area=marches, path=path, mapping=MAPPING)


# -- dates --------------------------------------------------------------------------------


def test_dates_in_mixed_formats_are_read_and_ambiguous_ones_reported(marches, tmp_path):
    rows = [
        ["Acme", "", "", "", "", when, "", "", "", "", "", "", ""]
        for when in ("31/03/2025", "2025-03-31", "31 Mar 2025", "31.3.25", "45747")
    ]
    path = write_csv(tmp_path / "dates.csv", rows)
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert report.errors == []
    assert {p.values["date"] for p in report.prepared} == {datetime.date(2025, 3, 31)}
    assert len(report.duplicates) == 4  # the same row however the date was written
    mixed = rows_for(("A", "", ""), ("B", "", ""), ("C", "", ""))
    mixed[0][5], mixed[1][5], mixed[2][5] = "13/04/2025", "04/13/2025", "03/04/2025"
    path = write_csv(tmp_path / "mixed.csv", mixed)
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    reasons = {e.row: e.reason for e in report.errors}
    assert sorted(reasons) == [3, 4]
    assert "ambiguous" in reasons[4]
    assert "03 Apr 2025 or 04 Mar 2025" in reasons[4]


def test_xlsx_date_cells_and_serial_numbers_are_dates(marches, tmp_path):
    rows = [["Acme", "", "", "", "", datetime.datetime(2025, 3, 31), *[""] * 7]]
    rows.append(["Bcme", "", "", "", "", 45747, *[""] * 7])
    path = write_xlsx(tmp_path / "dates.xlsx", rows)
    report = plan_import(area=marches, path=path, mapping=MAPPING)
    assert [p.values["date"] for p in report.prepared] == [datetime.date(2025, 3, 31)] * 2


def test_month_first_files_are_read_month_first():
    assert fields.date_order_of(["04/13/2025", "03/04/2025"]) == "mdy"
    assert fields.date("03/04/2025", "mdy") == datetime.date(2025, 3, 4)
    assert fields.date("03/04/2025") == datetime.date(2025, 4, 3)


# -- fields -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parser", "text", "value"),
    [
        (fields.size_band, "micro", "micro"),
        (fields.size_band, "0-9", "micro"),
        (fields.size_band, "10-49", "small"),
        (fields.size_band, "Small", "small"),
        (fields.size_band, "Large (250 or more)", "large"),
        (fields.employees, "1,200", "large"),
        (fields.employees, "9", "micro"),
        (fields.level, "Level 3", "3"),
        (fields.level, "entry", "entry"),
        (fields.level, "L4", "4"),
        (fields.level, "8", "8"),
        (fields.yes_no, "Y", True),
        (fields.yes_no, "No", False),
        (fields.ownership, "Charity", "voluntary"),
        (fields.timescale, "Within 3 years", "3_years"),
        (fields.timescale, "Now", "now"),
        (fields.engagement_type, "1-2-1 interview", "interview"),
        (fields.engagement_type, "Focus group", "focus_group"),
        (fields.need_type, "Recruitment shortage", "shortage"),
        (
            fields.themes,
            "Digital, English and maths; Leadership",
            ["digital", "english_maths", "leadership"],
        ),
        (fields.company_number, "SC12345", "SC012345"),
    ],
)
def test_cells_are_read_as_people_write_them(parser, text, value):
    assert parser(text) == value


@pytest.mark.parametrize(
    ("parser", "text"),
    [
        (fields.size_band, "10-300"),
        (fields.size_band, "SME"),
        (fields.level, "9"),
        (fields.yes_no, "perhaps"),
        (fields.themes, "Baking"),
        (fields.date, "31/13/2025"),
        (fields.date, "next Tuesday"),
    ],
)
def test_cells_that_cannot_be_read_give_a_reason(parser, text):
    with pytest.raises(fields.FieldError):
        parser(text)


def test_the_mapping_is_guessed_from_the_column_names():
    guessed = fields.guess_mapping(["Respondent ID", "Company name", "Date", "Email address"])
    assert guessed == {
        "employer_name": "Company name",
        "date": "Date",
        "contact_email": "Email address",
    }


# -- coding -------------------------------------------------------------------------------


def test_imported_needs_are_coded_to_soc_2020_and_unsure_ones_queued(
    marches, tmp_path, refdata_folder
):
    from lsip.classification.models import CodingReview
    from lsip.refdata.install import install

    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])
    rows = [GOOD[0], [*GOOD[0][:6], "Site manager", *GOOD[0][7:]]]
    apply_import(
        area=marches, path=write_csv(tmp_path / "s.csv", rows), mapping=MAPPING, actor=None
    )
    assert SkillsNeed.objects.get(words="Groundworker").soc_code == "9121"
    assert SkillsNeed.objects.get(words="Site manager").soc_code == ""
    assert CodingReview.objects.filter(area=marches, key="site manager").count() == 1


# -- the command --------------------------------------------------------------------------


@pytest.fixture
def mapping_file(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(MAPPING))
    return path


def run(*args):
    return CliRunner().invoke(main, ["import", "engagements", *map(str, args)])


def test_the_command_imports_reports_and_is_safe_to_run_again(marches, tmp_path, mapping_file):
    path = write_csv(tmp_path / "survey.csv", GOOD)
    dry = run(path, "--area", "the-marches", "--mapping", mapping_file, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "dry run: nothing was imported" in dry.output
    assert Engagement.objects.count() == 0
    result = run(path, "--area", "the-marches", "--mapping", mapping_file)
    assert result.exit_code == 0, result.output
    assert "imported 3 engagements, 2 skills needs, 3 new employers" in result.output
    again = run(path, "--area", "the-marches", "--mapping", mapping_file)
    assert "already imported        3" in again.output
    assert Engagement.objects.count() == 3


def test_the_command_exits_non_zero_with_the_report_and_imports_nothing(
    marches, tmp_path, mapping_file
):
    path = write_csv(tmp_path / "survey.csv", [GOOD[0], ["", *GOOD[0][1:]]])
    result = run(path, "--area", "the-marches", "--mapping", mapping_file)
    assert result.exit_code == 1
    assert "row 3, Employer name: Employer name is blank" in result.output
    assert Engagement.objects.count() == 0
    missing = run(tmp_path / "nope.csv", "--area", "the-marches", "--mapping", mapping_file)
    assert missing.exit_code == 1
    assert "no such file" in missing.output


def test_the_command_says_what_it_did_with_doubtful_matches(
    marches, existing, tmp_path, mapping_file
):
    path = write_csv(tmp_path / "s.csv", rows_for(("Paveaways Groundworks", "Shropshire", "")))
    args = (path, "--area", "the-marches", "--mapping", mapping_file)
    result = run(*args, "--dry-run")
    assert "treated as new employers (use --accept-matches" in result.output
    result = run(*args, "--accept-matches")
    assert "accepted as the same employer" in result.output
    assert existing["paveaways"].engagements.count() == 1


def test_the_command_takes_a_header_row(marches, tmp_path, mapping_file):
    path = write_csv(tmp_path / "s.csv", GOOD, above=[["Survey"], ["Company", "x"]])
    result = run(path, "--area", "the-marches", "--mapping", mapping_file, "--header-row", "3")
    assert result.exit_code == 0, result.output
    assert "(row 3)" in result.output


def test_records_written_in_bulk_have_the_audit_entries_a_save_would_have(marches, tmp_path):
    """bulk writes send no signals, so the import writes the trail itself: the same entry."""
    from lsip.engagement.services import record_engagement

    path = write_csv(tmp_path / "s.csv", [GOOD[2]])
    batch = apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    imported = Engagement.objects.get(import_batch=batch)
    saved = record_engagement(
        area=marches,
        type="survey",
        date=imported.date,
        organisations=list(imported.organisations.all()),
        actor=None,
        import_batch=batch,
        source_key="x" * 64,
    )

    def entry(record):
        found = AuditEntry.objects.get(object_id=str(record.pk), action="create")
        return found.area_id, found.actor_label, found.object_repr, found.changes

    area, label, text, changes = entry(imported)
    assert (area, label, text) == entry(saved)[:3]
    assert {**changes, "source_key": None} == {**entry(saved)[3], "source_key": None}
    assert "source_row" not in changes  # the row is kept on the engagement, not in the trail


def test_an_imported_engagement_keeps_every_column_of_its_row(marches, tmp_path):
    """Unmapped columns are evidence too: the row is kept whole, as text, blanks left out."""
    path = write_csv(tmp_path / "s.csv", [[*GOOD[2], "call back"]], header=[*HEADER, "Ours"])
    apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    imported = Engagement.objects.get()
    expected = {column: value for column, value in zip(HEADER, GOOD[2], strict=True) if value}
    assert imported.source_row == {**expected, "Ours": "call back"}


def test_an_archived_employer_keeps_its_company_number(marches, tmp_path):
    from django.utils import timezone

    archived = Organisation.objects.create(
        area=marches,
        name="Old Name Ltd",
        type="employer",
        companies_house_number="01234567",
        archived_on=timezone.now(),
    )
    path = write_csv(tmp_path / "s.csv", [GOOD[0]])
    batch = apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    assert batch.organisations_created == 0
    assert archived.engagements.count() == 1


def test_a_file_with_occupations_needs_a_need_type_column_or_default():
    from lsip.engagement.imports.apply import MappingError, clean_mapping

    with pytest.raises(MappingError, match="Need type \\(or a default need type"):
        clean_mapping(
            {
                "employer_name": "Company",
                "date": "Date",
                "occupation": "Job",
                "defaults": {"type": "interview"},
            }
        )


def test_erasing_a_contact_blanks_them_in_the_imported_rows_and_the_trail(marches, tmp_path):
    from lsip.audit.models import AuditEntry
    from lsip.organisations.contacts import erase_contact

    path = write_csv(tmp_path / "s.csv", [GOOD[0]])
    apply_import(area=marches, path=path, mapping=MAPPING, actor=None)
    engagement, contact = Engagement.objects.get(), Contact.objects.get()
    email = contact.email
    assert email in engagement.source_row.values()
    erase_contact(contact=contact, actor=None)
    engagement.refresh_from_db()
    assert email not in engagement.source_row.values()
    assert "[erased]" in engagement.source_row.values()
    assert engagement.source_row["Company"] == GOOD[0][0]  # the evidence stays
    trail = AuditEntry.objects.filter(object_id=str(engagement.pk)).values_list(
        "changes", flat=True
    )
    assert all(email not in str(changes) for changes in trail)

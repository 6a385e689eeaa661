"""Bad input, built from the real files: an unknown layout, places nobody knows, a period
already imported, a cut-short or damaged file. Each gets a clear message and imports nothing."""

import shutil

import openpyxl
import pytest

from lsip.economy.imports import import_dataset
from lsip.economy.models import Dataset, Observation
from lsip.economy.readers import ReadError, read_file

OCCUPATION = "labour_market/nomis_aps_employment_by_occupation_2023_04_24.xlsx"
SIZES = "labour_market/nomis_ubc_enterprises_by_size_2023_04_24.xlsx"


def edited(source, target, edit):
    """A copy of a real workbook with `edit(sheet)` applied."""
    workbook = openpyxl.load_workbook(source)
    edit(workbook.worksheets[0])
    workbook.save(target)
    return target


def rows_where(sheet, first_cell):
    return [row for row in sheet.iter_rows() if row[0].value == first_cell]


def refused(path) -> list[str]:
    with pytest.raises(ReadError) as error:
        import_dataset(path)
    assert Dataset.objects.count() == 0
    assert Observation.objects.count() == 0
    return [str(p) for p in error.value.problems]


def test_a_nomis_table_reads_into_districts_and_england_with_its_markers(places):
    parsed = read_file(places / SIZES)
    assert parsed.family == "ubc-enterprises-by-size"
    assert parsed.edition_date.isoformat() == "2023-04-24"
    assert parsed.periods == ["2018", "2019", "2020", "2021", "2022"]
    shropshire = [f for f in parsed.figures if f.geography == "E06000051" and f.period == "2022"]
    assert {f.breakdown: f.value for f in shropshire}[
        "size=micro"
    ] == 14375  # Nomis, ladu:Shropshire, 2022
    occupation = read_file(places / OCCUPATION)
    flagged = [f for f in occupation.figures if f.flag]
    assert any(f.value is None and "!" in f.flag for f in flagged)
    assert any(f.value is not None and f.ci is None and "*" in f.flag for f in flagged)
    assert not any(isinstance(f.value, str) for f in occupation.figures)


def test_predecessor_districts_are_summed_into_their_successor(places):
    parsed = read_file(places / SIZES)
    cumberland = {
        f.breakdown: f.value
        for f in parsed.figures
        if f.geography == "E06000063" and f.period == "2022"
    }
    sheet = openpyxl.load_workbook(places / SIZES).worksheets[0]
    last_block = [r for r in sheet.iter_rows(values_only=True) if r and r[0]][-400:]
    parts = [r for r in last_block if r[0] in ("ladu:Allerdale", "ladu:Carlisle", "ladu:Copeland")]
    assert len(parts) == 3
    assert cumberland["size=total"] == sum(r[1] for r in parts)


def test_an_unknown_nomis_table_is_refused(places, tmp_path):
    def rename(sheet):
        for cell in rows_where(sheet, "Area")[0]:
            if cell.value and str(cell.value).startswith("T09a:"):
                cell.value = cell.value.replace("T09a:", "T99:")

    problems = refused(edited(places / OCCUPATION, tmp_path / "t99.xlsx", rename))
    assert "APS table T99 is not one lsip reads" in problems[0]


def test_a_file_of_another_layout_is_refused(places, tmp_path):
    other = places / "sic2007" / "publisheduksicsummaryofstructureworksheet.xlsx"
    problems = refused(shutil.copy(other, tmp_path / "other.xlsx"))
    assert problems == [
        "Not a layout lsip reads; it reads Nomis exports (APS tables T01, T09a, T13a "
        "and T19, and UK Business Counts enterprises by size band) and the ONS online job "
        "adverts reference tables"
    ]


def test_places_nobody_knows_are_named_by_row(places, tmp_path):
    def atlantis(sheet):
        for row in rows_where(sheet, "ladu:Shropshire"):
            row[0].value = "ladu:Atlantis"

    problems = refused(edited(places / SIZES, tmp_path / "atlantis.xlsx", atlantis))
    assert len(problems) == 5  # one row in each yearly block
    assert problems[0].startswith("Row ")
    assert "Area: 'Atlantis' is no local authority district lsip knows" in problems[0]


def test_a_period_already_imported_is_refused_and_a_newer_edition_kept_beside_it(places, tmp_path):
    first = import_dataset(places / SIZES)
    with pytest.raises(ReadError, match="This file was imported on"):
        import_dataset(places / SIZES)

    def same_edition(sheet):
        sheet["A1"].value = "UK Business Counts - enterprises by industry and employment size band "

    with pytest.raises(ReadError) as error:
        import_dataset(edited(places / SIZES, tmp_path / "again.xlsx", same_edition))
    assert "2018 is already imported from the UK Business Counts" in str(error.value.problems[0])
    assert Dataset.objects.count() == 1

    def newer(sheet):
        for row in sheet.iter_rows():
            text = str(row[0].value or "")
            if "[from Nomis on 24 April 2023]" in text:
                row[0].value = text.replace("24 April 2023", "2 May 2024")

    second = import_dataset(edited(places / SIZES, tmp_path / "newer.xlsx", newer))
    assert Dataset.objects.count() == 2
    assert first.pk != second.pk
    assert second.edition.endswith("downloaded from Nomis on 2 May 2024")


def test_a_cut_short_file_is_refused(places, tmp_path):
    def cut(sheet):
        blocks = rows_where(sheet, "Area")
        last = blocks[-1][0].row
        sheet.delete_rows(last + 40, sheet.max_row - last - 40)

    problems = refused(edited(places / SIZES, tmp_path / "cut.xlsx", cut))
    assert any("the file looks cut short" in p for p in problems)


def test_a_damaged_file_is_refused(places, tmp_path):
    data = (places / SIZES).read_bytes()
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(data[: len(data) // 2])
    problems = refused(damaged)
    assert problems[0].startswith("'damaged.xlsx' is damaged or incomplete")


def test_a_nomis_csv_export_reads_like_the_workbook(places, tmp_path):
    import csv

    workbook = openpyxl.load_workbook(places / SIZES)
    target = tmp_path / "sizes.csv"
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            writer.writerow(["" if c is None else c for c in row])
    from_csv = read_file(target)
    from_xlsx = read_file(places / SIZES)
    assert len(from_csv.figures) == len(from_xlsx.figures)
    assert sorted(from_csv.figures, key=str) == sorted(from_xlsx.figures, key=str)


def test_a_csv_in_neither_utf8_nor_windows_1252_is_refused(places, tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"Area,\x81\x8d\n")
    problems = refused(odd)
    assert problems == [
        "'odd.csv': the text is neither UTF-8 nor Windows-1252 (byte 6 cannot be read); save it "
        "as CSV UTF-8"
    ]

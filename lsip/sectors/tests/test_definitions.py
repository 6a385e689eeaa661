"""Sector definitions: reading typed codes, checking them against SIC 2007, the starting
national definitions and what a definition covers."""

import pytest
from django.core.exceptions import ValidationError

from lsip.audit.models import AuditEntry
from lsip.classification.models import SicItem
from lsip.organisations.models import Organisation
from lsip.sectors import services
from lsip.sectors.definitions import NATIONAL_DEFINITIONS
from lsip.sectors.models import Sector


@pytest.fixture
def own(marches):
    return Sector.objects.create(area=marches, name="Agri-food", kind=Sector.Kind.AREA)


def test_typed_forms_are_read_as_one_canonical_code(db, sic, own):
    services.set_definition(own, ["62.01", "6202", "62030", "10511", "10.82/2", " 41 "], None)
    assert own.sic_codes == ["10.51/1", "10.82/2", "41", "62.01", "62.02", "62.03"]


def test_a_bad_code_is_named_in_the_message_and_nothing_is_saved(db, sic, own):
    with pytest.raises(ValidationError) as error:
        services.set_definition(own, ["41", "99.99", "hospital", "62.01"], None)
    messages = error.value.message_dict["sic_codes"]
    assert any("SIC 2007 has no code 99.99" in m for m in messages)
    assert any("“hospital” is not written as a SIC 2007 code" in m for m in messages)
    own.refresh_from_db()
    assert own.sic_codes == []


def test_an_empty_definition_is_refused(db, sic, own):
    with pytest.raises(ValidationError, match="at least one SIC 2007 code"):
        services.set_definition(own, [" ", ""], None)


def test_codes_covered_by_a_broader_code_are_dropped(db, sic, own):
    codes = ["62.01", "62", "62.01/2", "86.10", "86.1", "10.51/1"]
    assert services.covered_by(codes) == {"62.01": "62", "62.01/2": "62", "86.10": "86.1"}
    services.set_definition(own, codes, None)
    assert own.sic_codes == ["10.51/1", "62", "86.1"]


def test_codes_typed_in_a_box_one_per_line_or_with_commas_or_titles():
    text = "86.10 – Hospital activities\n41.20/1, 41.20/2; 62 63\n\n  4399 "
    assert services.parse_codes(text) == ["86.10", "41.20/1", "41.20/2", "62", "63", "4399"]


def test_the_definition_is_recorded_in_the_audit_trail(db, sic, own, people):
    services.set_definition(own, ["01", "10"], people["erb_editor"])
    entry = AuditEntry.objects.filter(object_id=str(own.pk), action="update").first()
    assert entry.actor == people["erb_editor"]
    assert entry.area_id == own.area_id
    assert entry.changes["sic_codes"] == [[], ["01", "10"]]


def test_every_starting_national_code_is_a_sic_2007_code_and_none_is_covered_twice(db, sic):
    tree = services.sic_tree()
    for name, definition in NATIONAL_DEFINITIONS.items():
        assert services.clean_definition(definition.codes, tree) == sorted(
            definition.codes, key=lambda c: tree[c].position
        ), name
        assert "not the Department for Business and Trade's official" in definition.description
    assert set(NATIONAL_DEFINITIONS) == {name for name, _ in services.NATIONAL_SECTORS}


def test_every_national_sector_starts_with_its_definition(db):
    for name, definition in NATIONAL_DEFINITIONS.items():
        sector = Sector.objects.get(area=None, name=name)
        assert sector.sic_codes == list(definition.codes)
        assert sector.description == definition.description


def test_the_national_sync_never_overwrites_an_edited_definition(db, sic):
    construction = Sector.objects.get(area=None, name="Construction")
    services.set_definition(construction, ["41"], None)
    empty = Sector.objects.get(area=None, name="Defence")
    empty.sic_codes = []
    empty.save()
    assert services.sync_national_sectors() == 0
    construction.refresh_from_db()
    empty.refresh_from_db()
    assert construction.sic_codes == ["41"]
    assert empty.sic_codes == list(NATIONAL_DEFINITIONS["Defence"].codes)


def test_construction_covers_exactly_the_most_detailed_codes_of_section_f(db, sic):
    construction = Sector.objects.get(area=None, name="Construction")
    leaves = services.subclasses_of(construction)
    under_f = {
        code
        for code, level in SicItem.objects.filter(code__startswith="4").values_list("code", "level")
        if code[:2] in ("41", "42", "43") and not SicItem.objects.filter(parent=code).exists()
    }
    assert leaves == under_f
    assert {"41.20/1", "41.20/2", "43.21", "43.99/9"} <= leaves
    assert "41.20" not in leaves  # a class with subclasses is counted by its subclasses
    assert len(leaves) == 25
    health = Sector.objects.get(area=None, name="Health and social care")
    same = Sector(name="Q", kind="area", sic_codes=["Q"])
    assert services.subclasses_of(health) == services.subclasses_of(same)


def test_subclasses_of_a_subclass_or_a_class_without_subclasses(db, sic, own):
    own.sic_codes = ["10.51/1", "62.02", "10.82"]
    assert services.subclasses_of(own) == {"10.51/1", "62.02", "10.82/1", "10.82/2"}


def test_the_sectors_of_a_sic_code(db, sic, marches, own):
    services.set_definition(own, ["62.01/2", "01"], None)
    sectors = services.sectors_for(marches)
    names = lambda code: {s.name for s in services.sector_of_sic(code, sectors)}  # noqa: E731
    assert names("62012") == {"Agri-food", "Creative industries", "Digital and technologies"}
    assert names("62.01/1") == {"Creative industries", "Digital and technologies"}
    assert names("62") == {"Digital and technologies"}
    assert names("46") == set()  # broader than Life sciences' 46.46
    assert names("41201") == {"Construction"}
    assert names("01110") == {"Agri-food"}
    assert names("not a code") == set()
    own.sic_codes = ["C"]
    assert [s.name for s in services.sector_of_sic("10511", [own])] == ["Agri-food"]


def test_an_area_sector_is_copied_changed_and_deleted(db, sic, marches, people):
    construction = Sector.objects.get(area=None, name="Construction")
    copy = services.copy_national_sector(
        sector=construction, area=marches, actor=people["erb_editor"]
    )
    assert copy.name == "Construction in The Marches"
    assert copy.kind == Sector.Kind.AREA
    assert copy.based_on == construction
    assert copy.sic_codes == construction.sic_codes
    services.update_area_sector(
        sector=copy, name="Construction and retrofit", codes="41, 43", actor=None
    )
    assert copy.sic_codes == ["41", "43"]
    employer = Organisation.objects.create(area=marches, name="Oak Ltd", type="employer")
    employer.sectors.add(copy)
    with pytest.raises(ValidationError, match="1 organisation is in this sector"):
        services.delete_area_sector(sector=copy, actor=None)
    employer.sectors.clear()
    pk = copy.pk
    services.delete_area_sector(sector=copy, actor=people["erb_editor"])
    assert not Sector.objects.filter(pk=pk).exists()
    deleted = AuditEntry.objects.get(object_id=str(pk), action="delete")
    assert deleted.actor == people["erb_editor"]
    with pytest.raises(ValidationError, match="shared by every area"):
        services.update_area_sector(sector=construction, name="x", codes=["41"], actor=None)
    with pytest.raises(ValidationError, match="shared by every area"):
        services.delete_area_sector(sector=construction, actor=None)

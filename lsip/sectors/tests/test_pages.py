"""The sector pages and API: anyone reads; the area's ERB staff add, change, copy and delete
the area's own sectors; national sectors and other areas' sectors are out of reach."""

import pytest
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.demo.marches_sectors import MARCHES_SECTORS, load_marches_sectors
from lsip.organisations.models import Organisation
from lsip.sectors.models import Sector
from lsip.sectors.services import clean_definition


def url(name, area="the-marches", **kwargs):
    return reverse(f"sectors:{name}", kwargs={"area_slug": area, **kwargs})


@pytest.fixture
def own(marches):
    return Sector.objects.create(
        area=marches, name="Agri-food", kind=Sector.Kind.AREA, sic_codes=["01", "10"]
    )


def test_anyone_reads_the_sectors_with_each_codes_title_level_and_link(db, sic, client, own):
    response = client.get(url("sector-list"))
    assert response.status_code == 200
    text = response.text
    assert "Agri-food" in text
    assert "Advanced manufacturing" in text
    assert "Foundation sector" in text
    assert "Industrial Strategy growth-driving sector" in text
    assert "shared by all 39 LSIP areas" in text
    assert 'href="/classifications/sic/41/"' in text
    assert "Construction of buildings" in text
    assert "Division" in text
    assert 'href="/classifications/sic/6201/"' in text  # Creative industries' 62.01
    assert "Add a sector" not in text
    assert "Copy for" not in text


def test_an_editor_adds_a_sector_and_the_codes_are_tidied(db, sic, client, people):
    client.force_login(people["erb_editor"])
    assert "Add a sector" in client.get(url("sector-list")).text
    response = client.post(
        url("sector-create"),
        {"name": "Agri-tech", "description": "Farming", "sic_codes": "01\n0111, 28.30\n10.51/1"},
        follow=True,
    )
    sector = Sector.objects.get(area__slug="the-marches", name="Agri-tech")
    assert sector.sic_codes == ["01", "10.51/1", "28.30"]
    assert "Left out as covered by a broader code: 01.11 (in 01)" in response.text
    entry = AuditEntry.objects.get(object_id=str(sector.pk), action="create")
    assert entry.actor == people["erb_editor"]


def test_a_bad_code_is_shown_in_the_govuk_error_summary(db, sic, client, people, own):
    client.force_login(people["erb_editor"])
    response = client.post(
        url("sector-update", pk=own.pk), {"name": "Agri-food", "sic_codes": "01, 99.99"}
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "SIC 2007 has no code 99.99" in response.text
    own.refresh_from_db()
    assert own.sic_codes == ["01", "10"]
    response = client.post(url("sector-create"), {"name": "agri-FOOD", "sic_codes": "01"})
    assert "already has a sector called" in response.text


def test_an_edit_is_recorded_in_the_audit_trail(db, sic, client, people, own):
    client.force_login(people["erb_admin"])
    response = client.post(
        url("sector-update", pk=own.pk),
        {"name": "Food and farming", "description": "", "sic_codes": "01\n10\n11"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Food and farming"
    assert own.sic_codes == ["01", "10", "11"]
    entry = AuditEntry.objects.get(object_id=str(own.pk), action="update")
    assert entry.actor == people["erb_admin"]
    assert entry.changes["sic_codes"] == [["01", "10"], ["01", "10", "11"]]
    assert entry.changes["name"] == ["Agri-food", "Food and farming"]
    assert "Food and farming" in client.get(reverse("areas:audit-log", args=["the-marches"])).text


def test_national_sectors_are_not_edited_from_an_area_but_copied(db, sic, client, people):
    construction = Sector.objects.get(area=None, name="Construction")
    client.force_login(people["erb_editor"])
    assert client.get(url("sector-update", pk=construction.pk)).status_code == 404
    assert client.post(url("sector-delete", pk=construction.pk)).status_code == 404
    response = client.post(url("sector-copy", pk=construction.pk), {"name": "Building"})
    copy = Sector.objects.get(area__slug="the-marches", name="Building")
    assert response.url == url("sector-update", pk=copy.pk)
    assert copy.based_on == construction
    assert copy.sic_codes == ["41", "42", "43"]
    construction.refresh_from_db()
    assert construction.sic_codes == ["41", "42", "43"]


def test_a_sector_in_use_is_not_deleted(db, sic, client, people, own, marches):
    employer = Organisation.objects.create(area=marches, name="Oak Ltd", type="employer")
    employer.sectors.add(own)
    client.force_login(people["erb_editor"])
    assert "cannot be deleted" in client.get(url("sector-delete", pk=own.pk)).text
    client.post(url("sector-delete", pk=own.pk))
    assert Sector.objects.filter(pk=own.pk).exists()
    employer.sectors.clear()
    assert client.post(url("sector-delete", pk=own.pk)).status_code == 302
    assert not Sector.objects.filter(pk=own.pk).exists()


def test_other_areas_and_other_roles_cannot_edit(db, sic, client, people, own, west_midlands):
    theirs = Sector.objects.create(area=west_midlands, name="Brum", kind="area", sic_codes=["01"])
    client.force_login(people["other_area_admin"])
    assert client.get(url("sector-list")).status_code == 200
    assert client.get(url("sector-update", pk=own.pk)).status_code == 403
    assert client.post(url("sector-delete", pk=own.pk)).status_code == 403
    # another area's sector is not found under The Marches' address
    client.force_login(people["erb_admin"])
    assert client.get(url("sector-update", pk=theirs.pk)).status_code == 404
    client.force_login(people["board_member"])
    response = client.post(url("sector-update", pk=own.pk), {"name": "X", "sic_codes": "02"})
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.name == "Agri-food"
    client.logout()
    assert client.get(url("sector-create")).status_code == 302


def test_the_api_lists_national_and_area_sectors_with_their_codes(db, sic, client, own):
    response = client.get(reverse("api-v1:area-sector-list", args=["the-marches"]))
    assert response.status_code == 200
    sectors = {s["name"]: s for s in response.json()["results"]}
    assert len(sectors) == 11
    assert sectors["Agri-food"]["national"] is False
    assert sectors["Construction"]["kind"] == "foundation"
    assert sectors["Construction"]["sic_codes"] == ["41", "42", "43"]
    assert sectors["Construction"]["definition"][0] == {
        "code": "41",
        "level": "division",
        "title": "Construction of buildings",
    }


def test_the_marches_demo_sectors(db, sic, marches):
    made = load_marches_sectors(marches)
    assert [s.name for s in made] == list(MARCHES_SECTORS)
    again = load_marches_sectors(marches)
    assert [s.pk for s in again] == [s.pk for s in made]
    for sector in made:
        assert sector.kind == Sector.Kind.AREA
        assert "four focus sectors" in sector.description
        assert sector.sic_codes
        assert clean_definition(sector.sic_codes) == sector.sic_codes
    health = Sector.objects.get(area=marches, name="Health and social care")
    assert health.based_on == Sector.objects.get(area=None, name="Health and social care")

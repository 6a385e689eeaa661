import pytest
from django.core.exceptions import ValidationError

from lsip.areas import services
from lsip.areas.models import Area, Cycle, LocalAuthority
from lsip.organisations.models import Organisation
from lsip.refdata.install import install

DPP_AREAS = {
    "Cumbria",
    "Cheshire and Warrington",
    "Norfolk and Suffolk",
    "Greater Essex",
    "Sussex and Brighton",
    "Hampshire and the Solent",
}


def test_every_database_holds_the_39_areas_of_annex_b(db):
    assert Area.objects.count() == 39
    assert set(Area.objects.filter(is_devolution_priority=True).values_list("name", flat=True)) == (
        DPP_AREAS
    )


def test_an_area_is_devolved_exactly_when_it_has_a_strategic_authority(db):
    west_midlands = Area.objects.get(name="West Midlands")
    assert west_midlands.strategic_authority == "West Midlands Combined Authority"
    assert west_midlands.is_devolved
    marches = Area.objects.get(name="The Marches")
    assert marches.strategic_authority == ""
    assert not marches.is_devolved


def test_every_english_district_belongs_to_one_area(db):
    assert LocalAuthority.objects.count() == 296
    marches = Area.objects.get(name="The Marches")
    assert sorted(marches.local_authorities.values_list("name", flat=True)) == [
        "Herefordshire, County of",
        "Shropshire",
        "Telford and Wrekin",
    ]
    kent = Area.objects.get(name="Kent and Medway")
    assert kent.local_authorities.count() == 13
    assert kent.local_authorities.filter(county="Kent").count() == 12


def test_london_districts_carry_their_sub_regional_partnership(db):
    london = Area.objects.get(name="Greater London")
    assert london.local_authorities.count() == 33
    assert LocalAuthority.objects.get(name="Croydon").subregion == "South London Partnership"


def test_syncing_again_changes_nothing_and_keeps_what_an_admin_set(db):
    marches = Area.objects.get(name="The Marches")
    erb = Organisation.objects.create(area=marches, name="Shropshire Chamber", type="erb")
    marches.erb = erb
    marches.save()
    assert services.sync_statutory_areas() == 0
    marches.refresh_from_db()
    assert marches.erb == erb


def test_installed_reference_data_gives_every_district_its_gss_code(db, refdata_folder):
    install(source_dir=refdata_folder, keys=["lsip-lookup"])
    assert not LocalAuthority.objects.filter(gss_code="").exists()
    assert LocalAuthority.objects.get(name="Herefordshire, County of").gss_code == "E06000019"
    assert LocalAuthority.objects.get(name="Telford and Wrekin").gss_code == "E06000020"
    assert LocalAuthority.objects.get(name="Shropshire").gss_code == "E06000051"


class TestCycles:
    def test_a_cycle_lasts_three_years(self, marches):
        cycle = services.create_cycle(area=marches, start_year=2026, actor=None)
        assert (cycle.label, cycle.status) == ("2026-2029", Cycle.Status.PREPARING)

    def test_overlapping_cycles_are_refused_but_consecutive_ones_are_not(self, marches):
        first = services.create_cycle(area=marches, start_year=2022, actor=None)
        services.create_cycle(area=marches, start_year=2025, actor=None, previous=first)
        with pytest.raises(ValidationError, match="2025-2028 cycle, which overlaps"):
            services.create_cycle(area=marches, start_year=2026, actor=None)

    def test_carrying_forward_from_another_areas_cycle_is_refused(self, marches, west_midlands):
        theirs = services.create_cycle(area=west_midlands, start_year=2022, actor=None)
        with pytest.raises(ValidationError, match="same area"):
            services.create_cycle(area=marches, start_year=2025, actor=None, previous=theirs)

    def test_changing_the_length_of_a_cycle_is_refused(self, marches):
        cycle = services.create_cycle(area=marches, start_year=2026, actor=None)
        with pytest.raises(ValidationError, match="three years"):
            services.update_cycle(cycle=cycle, actor=None, end_year=2030)

"""SG 5.1: the engaged employers beside the area's business base (UK Business Counts)."""

from django.test import override_settings
from django.urls import reverse

from lsip.economy.imports import import_dataset
from lsip.engagement.breadth import NOT_LOADED, breadth, breadth_rows, ubc_industry
from lsip.refdata.install import install

UBC = "labour_market/nomis_ubc_enterprises_by_industry_size_2023_04_24.xlsx"


def rows_of(base, dimension):
    return {row.label: row for row in base.dimensions[dimension]}


def test_a_sic_code_falls_in_its_broad_industry_group():
    assert ubc_industry("43120") == "4"  # construction (F)
    assert ubc_industry("47110") == "7"  # retail, part of G
    assert ubc_industry("35110") == "2"  # utilities (D) grouped with B and E
    assert ubc_industry("96090") == "18"  # other services (S)
    assert ubc_industry("") is None


def test_engaged_employers_are_set_against_the_enterprises(
    marches, employer, engagement, refdata_folder, tmp_path
):
    install(
        source_dir=refdata_folder, keys=["lsip-lookup", "lad-2011-to-2021", "uk-lad-2021-regions"]
    )
    with override_settings(DATA_DIR=tmp_path):
        import_dataset(refdata_folder / UBC)

    base = breadth(marches).business_base
    assert base.period == "2022"
    assert base.unplaced == 0
    micro = rows_of(base, "Size band")["Micro (0 to 9 employees)"]
    assert micro.engaged == 1
    assert micro.enterprises > 1000
    assert micro.share == 1 / micro.enterprises
    assert rows_of(base, "Broad industry")["Construction (F)"].engaged == 1
    assert rows_of(base, "Broad industry")["Manufacturing (C)"].engaged == 0
    assert rows_of(base, "Local authority")["Shropshire"].engaged == 1

    gaps = [str(gap) for gap in base.gaps]
    assert not any("micro employers engaged in Construction (F) in Shropshire" in g for g in gaps)
    assert any(
        g.startswith("No micro employers engaged in Construction (F) in Telford") for g in gaps
    )
    assert base.gaps[0].enterprises >= base.gaps[-1].enterprises  # largest first

    rows = breadth_rows(breadth(marches))
    construction = next(r for r in rows if r["Value"] == "Construction (F)")
    assert construction["Measure"] == "Business base 2022: broad industry"
    assert construction["Employers"] == 1
    assert construction["Enterprises"] > 0


def test_without_business_counts_the_page_and_download_say_so(client, people, marches, engagement):
    assert breadth(marches).business_base is None
    assert {"Measure": "Business base", "Value": NOT_LOADED} in breadth_rows(breadth(marches))
    client.force_login(people["erb_editor"])
    page = reverse("engagement:breadth", kwargs={"area_slug": marches.slug})
    assert "UK Business Counts not loaded" in client.get(page).text
    assert "UK Business Counts not loaded" in client.get(page + "?format=csv").text

"""The area profile, indicators and priority-sector table, from the real files imported once
for this module (see conftest.economy)."""

import csv
import io

import openpyxl
import pytest

from lsip.areas.models import Area
from lsip.audit.models import AuditEntry
from lsip.economy import frames, indicators, priority
from lsip.economy.models import Dataset
from lsip.organisations.models import Organisation
from lsip.sectors.models import Sector

pytestmark = pytest.mark.django_db

RATE = "labour_market/nomis_aps_employment_rate_2023_04_24.xlsx"
MARCHES = ("ladu:Herefordshire, County of", "ladu:Shropshire", "ladu:Telford and Wrekin")


def nomis_rows(path, first_cells):
    """{(period, first cell): row} straight from a Nomis workbook, for an independent check."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    found, period = {}, None
    for row in sheet.iter_rows(values_only=True):
        if row and row[0] == "date":
            period = str(row[1])
        elif row and row[0] in first_cells:
            found[(period, row[0])] = row
    return found


def test_the_marches_employment_rate_is_its_districts_summed(economy, marches, refdata_folder):
    rate = indicators.profile(marches)["employment_rate"]
    ours = {r["period"]: r for r in rate.rows if r["place"] == "The Marches"}
    rows = nomis_rows(
        refdata_folder / RATE, (*MARCHES, "User Defined Geography:The Marches-LSIP - from dn81838")
    )
    for period, row in ours.items():
        population = sum(rows[(period, d)][1] for d in MARCHES)
        employed = sum(rows[(period, d)][7] for d in MARCHES)  # T01:28 In employment
        assert row["denominator"] == population
        assert row["numerator"] == employed
        assert row["value"] == pytest.approx(employed / population)
        nomis_own = rows[(period, "User Defined Geography:The Marches-LSIP - from dn81838")]
        # Nomis rounds each estimate to 100, so the sum is within rounding of its own
        assert abs(nomis_own[1] - population) <= 100 * len(MARCHES)
        assert abs(nomis_own[7] - employed) <= 100 * len(MARCHES)
    assert rate.sources == [economy[RATE.split("/")[1]].source_line]


def test_shares_and_location_quotients(economy, marches):
    industry = indicators.profile(marches)["industry"]
    area = [r for r in industry.rows if r["place"] == "The Marches"]
    manufacturing = next(r for r in area if r["breakdown"] == "sic-sections=C")
    assert manufacturing["lq"] == pytest.approx(
        manufacturing["share"] / manufacturing["england_share"]
    )
    assert manufacturing["lq"] > 1.5  # the Marches' manufacturing base
    known = [r["share"] for r in area if r["share"] is not None]
    assert sum(known) == pytest.approx(1)


def test_a_suppressed_district_is_left_out_of_the_area_sum_and_flagged(economy, marches):
    industry = indicators.profile(marches)["industry"]
    agriculture = [r for r in industry.rows if r["breakdown"] == "sic-sections=A"]
    area = next(r for r in agriculture if r["place"] == "The Marches")
    districts = [r for r in agriculture if r["place"] not in ("The Marches", "England")]
    assert len(districts) == 3
    assert any(r["value"] is None and "!" in r["flag"] for r in districts)
    assert area["value"] == sum(r["value"] for r in districts if r["value"] is not None)
    assert "!" in area["flag"]


def test_online_job_adverts_for_england_are_its_nine_regions(economy, marches, refdata_folder):
    adverts = indicators.profile(marches)["job_adverts"]
    england = {r["period"]: r["value"] for r in adverts.rows if r["place"] == "England"}
    sheet = openpyxl.load_workbook(
        refdata_folder / "job_postings/ons_online_job_adverts_referencetablesupdated.xlsx"
    )["2"]
    rows = list(sheet.iter_rows(values_only=True))
    skip = {"Northern Ireland", "Scotland", "Wales", "Unknown [note 4]"}
    regions = [r for r in rows[4:] if r and r[0] and r[0] not in skip]
    assert len(regions) == 9
    assert england["Jan 2022"] == pytest.approx(sum(r[6] for r in regions))


def test_every_area_at_once(economy):
    rates = indicators.every_area()["employment_rate"]
    latest = {r["place"] for r in rates.rows if r["period"] == rates.period}
    assert len(latest) == 40  # 39 areas and England
    assert all(r["value"] for r in rates.rows if r["period"] == rates.period)


def test_pages_read_each_period_from_the_newest_edition(economy, marches, tmp_path, refdata_folder):
    from lsip.economy.imports import import_dataset

    source = refdata_folder / "labour_market/nomis_ubc_enterprises_by_size_2023_04_24.xlsx"
    workbook = openpyxl.load_workbook(source)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        text = str(row[0].value or "")
        if "[from Nomis on 24 April 2023]" in text:
            row[0].value = text.replace("24 April 2023", "1 May 2024")
        if row[0].value == "ladu:Shropshire":
            row[2].value = 99999  # a revised micro count
    workbook.save(tmp_path / "revised.xlsx")
    newer = import_dataset(tmp_path / "revised.xlsx")
    sizes = frames.load("ubc-enterprises-by-size", geographies=["E06000051"])
    assert set(sizes.data["value"].filter(sizes.data["breakdown"] == "size=micro").to_list()) == {
        99999
    }
    assert sizes.sources() == [newer.source_line]
    assert Dataset.objects.filter(family="ubc-enterprises-by-size").count() == 2


def test_construction_employment_is_section_f_exactly(economy, marches):
    construction = Sector.objects.get(area=None, name="Construction")
    result = priority.table(marches, sectors=[construction])
    industry = indicators.profile(marches)["industry"]
    section_f = next(
        r
        for r in industry.rows
        if r["place"] == "The Marches" and r["breakdown"] == "sic-sections=F"
    )
    assert result.rows[0].values["employment"] == pytest.approx(section_f["value"])


def test_employers_reporting_shortages_count_by_sector(economy, marches):
    from datetime import date

    from lsip.engagement.models import Engagement, SkillsNeed

    builder = Organisation.objects.create(
        area=marches, name="Ludlow Builders", type=Organisation.Type.EMPLOYER, sic_code="41201"
    )
    engagement = Engagement.objects.create(area=marches, type="interview", date=date(2025, 5, 1))
    engagement.organisations.add(builder)
    SkillsNeed.objects.create(
        area=marches,
        engagement=engagement,
        organisation=builder,
        words="Bricklayers",
        need_type="shortage",
    )
    sectors = list(Sector.objects.filter(area=None, name__in=["Construction", "Life sciences"]))
    counts = priority.employers_reporting_shortages(marches, sectors)
    national = Sector.objects.get(area=None, name="Construction")
    assert counts == {national.pk: 1}
    # filed under the area's own sector, the employer still counts wherever its SIC falls
    own = Sector.objects.create(area=marches, name="Building", kind="area", sic_codes=["43"])
    builder.sectors.add(own)
    counts = priority.employers_reporting_shortages(marches, [*sectors, own])
    assert counts == {national.pk: 1, own.pk: 1}


def row(name, **values):
    return priority.SectorRow(Sector(name=name), values=values)


def test_scores_ranks_and_sensitivity():
    rows = [
        row("A", employment=100, lq=1.2),
        row("B", employment=60, lq=1.5),
        row("C", employment=0, lq=0.5),
    ]
    ranked = priority.score(rows, {"employment": 1, "lq": 1})
    assert [(r.sector.name, r.rank) for r in ranked] == [("A", 1), ("B", 2), ("C", 3)]
    assert ranked[0].score == pytest.approx((1 + 0.7) / 2)  # lq scaled: (1.2-0.5)/(1.5-0.5)
    result = priority.Table(None, ranked, {"employment": 1.0, "lq": 1.0}, {}, [])
    changes = priority.sensitivity(result)
    moved = {(c.criterion.key, c.factor, c.sector.name, c.before, c.after) for c in changes}
    # halving employment's weight: A (0.5 + 0.7) / 1.5 = 0.8 < B (0.3 + 1) / 1.5 = 0.87
    assert ("employment", 0.5, "B", 2, 1) in moved
    assert ("employment", 0.5, "A", 1, 2) in moved
    # raising the quotient's weight by half: A (1 + 1.05) / 2.5 = 0.82 < B (0.6 + 1.5) / 2.5
    assert ("lq", 1.5, "B", 2, 1) in moved
    assert not [c for c in changes if c.criterion.key == "employment" and c.factor == 1.5]


def test_a_criterion_without_data_is_left_out_and_said(economy, marches):
    result = priority.table(marches)
    assert "demand" not in [c.key for c in result.criteria]
    assert "Without data, and so left out: job-advert demand" in priority.method(result)


def test_profile_page_shows_key_figures_map_and_sources(economy, marches, client, college):
    page = client.get("/areas/the-marches/economy/?map=nvq4")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Employment rate, aged 16-64" in text
    assert "Source: ONS (via Nomis), APS: economic activity of people aged 16-64 (T01)" in text
    assert '<option value="nvq4" selected>' in text
    assert "Telford College" in text  # providers from the directory
    assert text.count('class="lsip-chart"') == 7  # six charts and the map


def test_priority_page_saves_weights_with_an_audit_entry_and_exports(
    economy, marches, client, people
):
    client.force_login(people["erb_editor"])
    form = {c.key: "0" for c in priority.CRITERIA} | {"employment": "2", "lq": "1"}
    saved = client.post("/areas/the-marches/economy/priority-sectors/", form)
    assert saved.status_code == 302
    assert AuditEntry.objects.filter(
        model__icontains="priority", actor=people["erb_editor"]
    ).exists()
    page = client.get("/areas/the-marches/economy/priority-sectors/").content.decode()
    assert "employment (weight 2), location quotient (weight 1)" in page
    export = client.get("/areas/the-marches/economy/priority-sectors/?format=csv")
    table = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert [int(r["Rank"]) for r in table] == sorted(int(r["Rank"]) for r in table)
    assert set(table[0]) >= {
        "Sector",
        "Score",
        "Employment",
        "Location quotient (weight)",
        "Method",
    }
    client.force_login(people["board_member"])
    assert client.post("/areas/the-marches/economy/priority-sectors/", form).status_code == 403


def test_import_page_starts_a_job_that_lists_every_problem_and_imports_nothing(
    economy, client, people, tmp_path, refdata_folder, run_jobs
):
    client.force_login(people["erb_editor"])
    before = Dataset.objects.count()
    source = refdata_folder / "labour_market/nomis_ubc_enterprises_by_size_2023_04_24.xlsx"
    with source.open("rb") as handle:
        page = client.post(
            "/areas/the-marches/economy/data/import/", {"file": handle, "kind": "dataset-import"}
        )
    assert page.status_code == 302
    assert "/jobs/" in page.url
    run_jobs()
    text = client.get(page.url).content.decode()
    assert "nomis_ubc_enterprises_by_size_2023_04_24.xlsx was not imported and nothing was " in text
    assert "This file was imported on" in text
    assert Dataset.objects.count() == before


def test_api_gives_the_indicators_and_the_table(economy, client, people):
    indicators_json = client.get("/api/v1/areas/the-marches/indicators/").json()
    assert {i["key"] for i in indicators_json} >= {"industry", "employment_rate", "job_adverts"}
    client.force_login(people["board_member"])
    table = client.get("/api/v1/areas/the-marches/priority-sectors/").json()
    assert table["rows"][0]["rank"] == 1
    assert table["method"].startswith("Sectors are compared on")


def test_every_area_compared_on_one_page_and_as_csv(economy, client):
    page = client.get("/economy/").content.decode()
    assert page.count('<th scope="row" class="govuk-table__header">') == 40
    assert "The Marches" in page
    export = client.get("/economy/?format=csv")
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert len(rows) == 40
    assert rows[-1]["Area"] == "England"
    marches = next(r for r in rows if r["Area"] == "The Marches")
    rate = indicators.profile(Area.objects.get(slug="the-marches"))["employment_rate"]
    latest = next(
        r for r in rate.rows if r["place"] == "The Marches" and r["period"] == rate.period
    )
    assert float(marches[f"Employment rate, aged 16-64 ({rate.period})"]) == pytest.approx(
        latest["value"]
    )

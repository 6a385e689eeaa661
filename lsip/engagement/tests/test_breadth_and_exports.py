"""Breadth of engagement (SG 5.1) and the downloads for Skills England."""

import csv
import datetime
import io
import json

import openpyxl
from django.urls import reverse

from lsip.areas.models import Cycle, LocalAuthority
from lsip.engagement import breadth, services
from lsip.organisations.models import Contact, Organisation
from lsip.sectors.models import Sector


def url(name, area):
    return reverse(f"engagement:{name}", kwargs={"area_slug": area.slug})


def test_breadth_counts_engaged_employers_only(marches, employer, engagement, college):
    Organisation.objects.create(area=marches, name="Never Engaged", type="employer")
    services.record_engagement(  # a provider is engaged, but is not an employer
        area=marches,
        type="survey",
        date=datetime.date(2025, 1, 1),
        organisations=[college],
        actor=None,
    )
    services.record_engagement(  # engaged twice: counted once
        area=marches,
        type="survey",
        date=datetime.date(2025, 2, 1),
        organisations=[employer],
        actor=None,
    )
    result = breadth.breadth(marches)
    assert result.total == 1
    dims = {k: dict(v) for k, v in result.dimensions.items()}
    assert dims["Size band"]["Micro (0 to 9 employees)"] == 1
    assert dims["Ownership"]["Private sector"] == 1
    assert dims["Sector"]["Construction (foundation sector)"] == 1
    assert dims["Local authority"]["Shropshire"] == 1
    assert dims["ERB membership"] == {"Members": 0, "Not members": 1}
    assert dims["Engagement type"]["One-to-one interview"] == 1
    assert dims["Engagement type"]["Survey response"] == 1


def test_breadth_lists_the_gaps_and_fills_them_as_employers_are_engaged(
    marches, employer, engagement
):
    gaps = {str(g) for g in breadth.breadth(marches).gaps}
    assert "No micro employers in Shropshire for Construction" not in gaps
    assert "No small employers in Shropshire for Construction" in gaps
    assert "No micro employers in Telford and Wrekin for Health and social care" in gaps
    assert not any("Digital and technologies" in g for g in gaps)  # growth sectors: not listed
    own = Sector.objects.create(area=marches, name="Agri-food", kind="area", sic_codes=["01"])
    farm = Organisation.objects.create(
        area=marches,
        name="Ludlow Farms",
        type="employer",
        size_band="small",
        sic_code="01410",
        local_authority=LocalAuthority.objects.get(name="Shropshire"),
    )
    services.record_engagement(
        area=marches,
        type="survey",
        date=datetime.date(2025, 1, 1),
        organisations=[farm],
        actor=None,
    )
    result = breadth.breadth(marches)
    gaps = {str(g) for g in result.gaps}
    assert "No micro employers in Shropshire for Agri-food" in gaps
    assert "No small employers in Shropshire for Agri-food" not in gaps  # by its SIC code
    assert dict(result.dimensions["Sector"])[f"{own.name} (the area's own sector)"] == 1


def test_breadth_in_one_cycle(marches, employer, engagement):
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    assert breadth.breadth(marches, cycle).total == 0
    services.update_engagement(engagement=engagement, actor=None, cycle=cycle)
    assert breadth.breadth(marches, cycle).total == 1


def test_the_breadth_page_and_its_downloads(client, people, marches, employer, engagement):
    client.force_login(people["skills_england"])
    page = client.get(url("breadth", marches))
    assert "No small employers in Shropshire for Construction" in page.text
    assert "1</strong> employer engaged" in page.text
    download = client.get(url("breadth", marches), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert {
        "Measure": "Engaged employers",
        "Value": "All",
        "Employers": "1",
        "Enterprises": "",
        "Share engaged": "",
    } in rows
    xlsx = client.get(url("breadth", marches), {"format": "xlsx"})
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).active["A1"].value == "Measure"
    assert client.get(url("breadth", marches), {"cycle": "not-a-cycle"}).status_code == 404


def test_the_engagement_record_has_one_row_per_organisation_and_no_contacts(
    client, people, marches, employer, engagement, college
):
    Contact.objects.create(organisation=employer, name="Jo Bloggs", email="jo@example.org")
    services.record_engagement(
        area=marches,
        type="survey",
        date=datetime.date(2026, 2, 1),
        organisations=[employer, college],
        actor=None,
    )
    client.force_login(people["skills_england"])
    response = client.get(url("record-export", marches), {"format": "csv"})
    assert response["Content-Disposition"].endswith('employer-engagement-record.csv"')
    text = response.content.decode("utf-8-sig")
    assert "Jo Bloggs" not in text
    assert "jo@example.org" not in text
    rows = {r["Name"]: r for r in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {"Paveaways", "Telford College"}
    row = rows["Paveaways"]
    assert row["Companies House number"] == "01234567"
    assert row["Size band"] == "Micro (0 to 9 employees)"
    assert row["SIC 2007"] == "43120"
    assert row["Local authority"] == "Shropshire"
    assert row["ERB member"] == "No"
    assert row["Sectors"] == "Construction"
    assert row["Engagement types"] == "One-to-one interview; Survey response"
    assert (row["First engagement"], row["Last engagement"]) == ("2025-11-03", "2026-02-01")
    assert row["Engagements"] == "2"
    xlsx = client.get(url("record-export", marches), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:3] == ["Name", "Companies House number", "Type"]
    assert sheet.max_row == 3


def test_the_skills_needs_evidence_withholds_names_without_consent(
    client, people, marches, employer, engagement, college
):
    services.add_skills_need(
        engagement=engagement,
        organisation=employer,
        words="Groundworker",
        need_type="shortage",
        actor=None,
        level="2",
        number=3,
        themes=["net_zero"],
    )
    named = services.record_engagement(
        area=marches,
        type="survey",
        date=datetime.date(2026, 1, 5),
        organisations=[college],
        actor=None,
        consent_to_be_named=True,
    )
    services.add_skills_need(
        engagement=named,
        organisation=college,
        words="Assessors",
        need_type="provision",
        actor=None,
    )
    client.force_login(people["board_member"])
    data = json.loads(client.get(url("needs-export", marches), {"format": "json"}).content)
    by_words = {row["Their words"]: row for row in data}
    ground = by_words["Groundworker"]
    assert ground["Organisation"] == "Withheld"
    assert ground["SIC 2007"] == "43120"
    assert ground["Size band"] == "Micro (0 to 9 employees)"
    assert ground["Local authority"] == "Shropshire"
    assert ground["Level"] == "Level 2"
    assert ground["Number"] == 3
    assert ground["Themes"] == "Net zero and green"
    assert ground["Engagement type"] == "One-to-one interview"
    assert ground["Engagement date"] == "2025-11-03"
    assert ground["Confirmed by a person"] == "No"
    assert by_words["Assessors"]["Organisation"] == "Telford College"
    assert "Paveaways" not in json.dumps(data)
    text = client.get(url("needs-export", marches), {"format": "csv"}).content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Their words,SOC 2020 code,SOC 2020 title")
    assert "Paveaways" not in text
    xlsx = client.get(url("needs-export", marches), {"format": "xlsx"})
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.max_row == 3
    assert client.get(url("needs-export", marches), {"format": "pdf"}).status_code == 404

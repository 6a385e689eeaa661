"""Annex B (SG Annex A) downloads as CSV and XLSX with the page's columns, in the plan's
order; a cell a spreadsheet would run as a formula is written as text."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.plans import services
from lsip.plans.models import Action, Activity, Priority

FORMULA = '=HYPERLINK("http://example.com","Click")'


@pytest.fixture
def plan(marches, people, college):
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    admin = people["erb_admin"]
    plan = services.create_plan(cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=admin)
    for position, title in enumerate(["Care", "Engineering"]):
        priority = services.save(Priority(plan=plan, title=title, position=position), actor=admin)
        action = services.save(
            Action(priority=priority, title=f"{title} academy", aims=["offer"]), actor=admin
        )
        services.save(
            Activity(
                action=action,
                title=FORMULA if title == "Care" else "Bootcamp",
                start=datetime.date(2026, 9, 1),
                end=datetime.date(2027, 7, 31),
                milestones="-5 places if funding is late",
                percent_complete=20,
            ),
            actor=admin,
            links={"leads": [college]},
        )
    return plan


def download(client, plan, fmt):
    page = reverse("plans:activity-table", kwargs={"area_slug": "the-marches", "pk": plan.pk})
    return client.get(page, {"format": fmt})


def test_the_csv_has_the_tables_columns_in_the_plans_order(client, people, plan):
    client.force_login(people["board_member"])
    response = download(client, plan, "csv")
    assert response.status_code == 200
    assert "the-marches-2026-2029-annex-b.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["Priority"] for r in rows] == ["Care", "Engineering"]
    first = rows[0]
    assert first["Lead organisations"] == "Telford College"
    assert (first["Start"], first["End"]) == ("2026-09-01", "2027-07-31")
    assert (first["Status"], first["Percent complete"]) == ("Planned", "20")


def test_a_formula_is_neutralised_in_csv_and_xlsx(client, people, plan):
    client.force_login(people["board_member"])
    rows = list(
        csv.DictReader(io.StringIO(download(client, plan, "csv").content.decode("utf-8-sig")))
    )
    assert rows[0]["Activity"] == "'" + FORMULA
    assert rows[0]["Milestones"] == "'-5 places if funding is late"
    assert rows[1]["Activity"] == "Bootcamp"
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, plan, "xlsx").content)).active
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Activity") + 1)
    assert cell.value == "'" + FORMULA
    assert cell.data_type == "s"  # text, not a formula


def test_another_areas_admin_cannot_download(client, people, plan):
    client.force_login(people["other_area_admin"])
    assert download(client, plan, "csv").status_code == 403


def test_a_negative_number_written_as_text_stays_a_number():
    from lsip.core.exports import as_text

    assert as_text("-3.5") == "-3.5"
    assert as_text(-3) == -3
    assert as_text("@SUM(A1)") == "'@SUM(A1)"

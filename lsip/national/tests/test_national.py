"""The national view for Skills England: who may see it, the map, the aggregated tables and
their downloads, and two to six areas side by side."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from conftest import PASSWORD
from lsip.areas.models import Cycle, LocalAuthority
from lsip.classification.models import SocGroup
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.geography.models import Boundary
from lsip.national import aggregates
from lsip.organisations.models import Organisation
from lsip.plans import services
from lsip.plans.models import Action, Activity, Aim, OccupationEntry, Priority
from lsip.sectors.models import Sector

URL = "/england/"


def square(x, y):
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + 0.5, y], [x + 0.5, y + 0.5], [x, y + 0.5], [x, y]]],
    }


@pytest.fixture
def evidence(marches, west_midlands, people):
    """Two areas with districts on the map, a plan each, and employers' skills needs."""
    for i, la in enumerate(LocalAuthority.objects.filter(area__in=[marches, west_midlands])):
        la.gss_code = f"E0{i:07d}"
        la.save()
        Boundary.objects.create(
            kind=Boundary.Kind.LOCAL_AUTHORITY,
            code=la.gss_code,
            name=la.name,
            geometry=square(-3 + (i % 5) * 0.5, 52 + (i // 5) * 0.5),
            source="test",
        )
    SocGroup.objects.create(code="5241", level="unit", title="Electricians")
    SocGroup.objects.create(code="6131", level="unit", title="=Nursing auxiliaries")
    editor = people["erb_editor"]
    construction = Sector.objects.get(name="Construction", area=None)
    for area, codes in ((marches, ["5241", "2134"]), (west_midlands, ["5241"])):
        cycle = Cycle.objects.create(area=area, start_year=2026, end_year=2029)
        plan = services.create_plan(cycle=cycle, title=f"{area.name} LSIP", actor=editor)
        priority = services.save(
            Priority(plan=plan, title="Green construction", soc_codes=codes, sic_codes=["F"]),
            actor=editor,
        )
        priority.sectors.add(construction)
    services.save(
        OccupationEntry(plan=plan, name="Care", soc_codes=["6131"]), actor=people["erb_editor"]
    )
    employer = Organisation.objects.create(area=marches, name="Paveaways", type="employer")
    engagement = Engagement.objects.create(
        area=marches, type="interview", date=datetime.date(2026, 1, 5)
    )
    for words, soc in [("spark", "5241"), ("carer", "6131"), ("carer", "6131"), ("?", "")]:
        SkillsNeed.objects.create(
            area=marches,
            engagement=engagement,
            organisation=employer,
            words=words,
            soc_code=soc,
            need_type="shortage",
        )
    return marches


def signed_in(client, name):
    client.login(username=f"{name}@example.org", password=PASSWORD)
    return client


def test_only_those_who_read_every_area_see_the_national_view(client, people):
    assert client.get(URL).status_code == 302  # to sign in
    assert signed_in(client, "erb_admin").get(URL).status_code == 403
    assert signed_in(client, "skills_england").get(URL).status_code == 200


def test_the_map_shades_each_area_and_the_table_gives_every_figure(client, evidence):
    page = signed_in(client, "skills_england").get(URL, {"measure": "needs"})
    html = page.content.decode()
    assert "<title>The Marches: 4</title>" in html
    assert "<title>West Midlands: 0</title>" in html
    assert 'aria-describedby="areas-table"' in html
    rows = {r.area.slug: label for r, label in page.context["rows"]}
    assert rows["the-marches"] == "4"
    assert len(rows) == 39
    coded = signed_in(client, "skills_england").get(URL, {"measure": "coded_share"})
    assert dict((r.area.slug, lab) for r, lab in coded.context["rows"])["the-marches"] == "75%"


def test_priorities_and_evidence_are_aggregated_by_code(client, evidence):
    context = signed_in(client, "skills_england").get(URL).context
    by_code = {r.code: r for r in context["soc_units"]}
    assert by_code["5241"].areas_prioritising == 2
    assert by_code["5241"].needs == 1
    assert by_code["5241"].title == "Electricians"
    assert by_code["2134"].areas_prioritising == 1
    minor = {r.code: r for r in context["soc_minor"]}
    assert minor["524"].areas_prioritising == 2
    # Care is in West Midlands' Annex A table, named twice by Marches employers, prioritised nowhere
    (named,) = context["named_not_prioritised"]
    assert (named.code, named.needs, named.areas_in_plan) == ("6131", 2, 1)
    divisions = {r.code: r.areas_prioritising for r in context["sic_divisions"]}
    assert divisions == {}  # SIC 2007 is not installed here: a section has no divisions yet
    sectors = {r.title: r.areas_prioritising for r in context["sectors"]}
    assert sectors["Construction"] == 2


def test_every_table_downloads_as_excel_safe_csv_and_xlsx(client, evidence):
    signed_in(client, "skills_england")
    from lsip.national.tables import TABLES

    for key in TABLES:
        response = client.get(URL, {"table": key, "format": "csv"})
        assert response.status_code == 200, key
        assert response["Content-Type"].startswith("text/csv")
    body = client.get(URL, {"table": "soc-unit", "format": "csv"}).content.decode("utf-8-sig")
    titles = {row["SOC 2020 unit group"]: row["Title"] for row in csv.DictReader(io.StringIO(body))}
    assert titles["6131"] == "'=Nursing auxiliaries"
    xlsx = client.get(URL, {"table": "soc-unit", "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    cells = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=Nursing auxiliaries" in cells
    assert client.get(URL, {"table": "nope", "format": "csv"}).status_code == 404


def test_two_to_six_areas_side_by_side(client, evidence, people):
    compare = reverse("england:compare")
    signed_in(client, "skills_england")
    page = client.get(compare, {"areas": ["the-marches", "west-midlands"]})
    records = {r["label"]: r["cells"] for r in page.context["records"]}
    assert records["Skills needs recorded"] == ["4", "0"]
    assert records["Priorities in the plan"] == ["1", "1"]
    assert "Green construction" in page.content.decode()
    one = client.get(compare, {"areas": ["the-marches"]})
    assert one.context["error"] == "Choose from 2 to 6 areas you can read"
    body = client.get(compare, {"areas": ["the-marches", "west-midlands"], "format": "csv"})
    assert body.content.decode("utf-8-sig").splitlines()[0] == "Measure,The Marches,West Midlands"
    # someone of one area cannot put another area beside their own
    signed_in(client, "erb_admin")
    page = client.get(compare, {"areas": ["the-marches", "west-midlands"]})
    assert page.context["error"]
    assert "rows" not in page.context


def test_each_area_shows_its_lifecycle_step_readiness_and_delivery_rag(client, evidence):
    page = signed_in(client, "skills_england").get(URL)
    standing = {r.area.slug: (r.step, r.readiness, r.rag) for r, _label in page.context["rows"]}
    # a plan being developed, with no Annex B activity yet: readiness fails, no RAG colour
    assert standing["the-marches"] == ("Developing", "Not ready", "No activities")
    assert standing["cumbria"] == ("", "", "")  # no cycle yet: "–" on the page
    html = page.content.decode()
    assert '<td class="govuk-table__cell">Not ready</td>' in html


def test_an_edit_in_one_area_shows_at_once_and_only_that_area_is_worked_out_again(
    client, evidence, west_midlands, people
):
    """Each area's part of the national figures is kept under that area's change stamp
    (decision 0081): an edit in one area is on the next view, and no other area's part is
    worked out again."""
    marches = evidence
    first = aggregates.national_figures()
    assert len(first.computed) == 40  # the 39 areas and the open data's postings
    assert aggregates.national_figures().computed == set()  # nothing changed: all kept
    # West Midlands' employers name electricians twice
    employer = Organisation.objects.create(area=west_midlands, name="Sparks", type="employer")
    engagement = Engagement.objects.create(
        area=west_midlands, type="survey", date=datetime.date(2026, 2, 1)
    )
    for _ in range(2):
        SkillsNeed.objects.create(
            area=west_midlands,
            engagement=engagement,
            organisation=employer,
            words="spark",
            soc_code="5241",
            need_type="shortage",
        )
    after = aggregates.national_figures()
    assert after.computed == {west_midlands.pk}  # The Marches' part is not worked out again
    assert after.parts[marches.pk] == first.parts[marches.pk]
    page = signed_in(client, "skills_england").get(URL, {"measure": "needs"})
    rows = {r.area.slug: label for r, label in page.context["rows"]}
    assert rows["west-midlands"] == "2"
    electricians = {r.code: r for r in page.context["soc_units"]}["5241"]
    assert (electricians.needs, electricians.areas_with_needs) == (3, 2)
    body = client.get(URL, {"table": "areas", "format": "csv"}).content.decode("utf-8-sig")
    needs = {r["Area"]: r["Skills needs recorded"] for r in csv.DictReader(io.StringIO(body))}
    assert needs["West Midlands"] == "2"


def test_a_change_to_a_plan_changes_its_rag_at_once(client, evidence, people):
    """The delivery RAG and readiness are part of the area's figures: an activity added to
    The Marches' plan is on the very next view, not minutes later."""
    rows = {r.area.slug: r for r in aggregates.area_rows()}
    assert rows["the-marches"].rag == "No activities"
    priority = Priority.objects.get(plan_id=rows["the-marches"].plan_id)
    editor = people["erb_editor"]
    action = services.save(
        Action(priority=priority, title="Retrofit skills", aims=[Aim.OFFER]), actor=editor
    )
    services.save(
        Activity(
            action=action,
            title="Retrofit course",
            start=datetime.date(2026, 9, 1),
            end=datetime.date(2029, 7, 31),
        ),
        actor=editor,
        links={"leads": [Organisation.objects.filter(area=evidence).first()]},
    )
    national = aggregates.national_figures()
    assert national.computed == {evidence.pk}
    assert national.parts[evidence.pk].rag != "No activities"
    assert national.parts[evidence.pk].values["activities"] == 1

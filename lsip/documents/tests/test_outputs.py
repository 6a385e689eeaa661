"""The Marches demo plan built as PDF, DOCX and HTML and read back: the sections in the order
of SG Annex A, every occupation and activity in Annexes A and B, figures equal to the data,
Word headings and tables, PDF bookmarks and page numbers. Each output is built once."""

import io
import re

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from lsip.demo import marches
from lsip.documents import render, services
from lsip.engagement.breadth import breadth
from lsip.plans.models import Activity, Plan

pytestmark = pytest.mark.django_db

#: SG Annex A, Table 1 and the annexes, in order, as the headings read.
ORDER = [
    "Introduction and executive summary",
    "Strategic and economic context",
    "1. Local skills needs",
    "2. Agreed changes and actions",
    "Annex A: Occupations and industries",
    "Annex B: Activities",
    "Annex C: Background and method",
]


#: The reference files the demo's document needs: districts and boundaries (the map), SOC 2020
#: and SIC 2007 titles (Annex A).
REFDATA = [
    "lsip-lookup",
    "lad-to-combined-authority",
    "lad-2011-to-2021",
    "lad-boundaries",
    "uk-lad-2021-regions",
    "sic2007-structure",
    "soc2020-volume1",
]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory, refdata_folder_module):
    """The demo plan with its labour-market data (so the map and profile charts are drawn), its
    document and the three files, made once for the module (the PDF through `build_file`, as
    the page's job and the CLI make it)."""
    from django.db import transaction
    from django.test import override_settings

    from lsip.demo import marches_economy
    from lsip.refdata.install import install

    data_dir = tmp_path_factory.mktemp("data")
    with django_db_blocker.unblock(), override_settings(DATA_DIR=data_dir), transaction.atomic():
        install(source_dir=refdata_folder_module, keys=REFDATA)
        area = marches.load()
        assert marches_economy.load(refdata_folder_module, echo=lambda _: None) > 0
        plan = Plan.objects.get(area=area)
        doc = services.build_document(plan)
        with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
            build = services.build_file(plan, "pdf")
            content = services.build_path(build).read_bytes()
        pdf = render.Rendered(content, build.pages, build.main_body_pages)
        word = render.docx(doc)
        html = render.html(doc)
        facts = {
            "occupations": [e.name for e in plan.occupations.all()],
            "activities": list(
                Activity.objects.filter(action__priority__plan=plan).values_list("title", flat=True)
            ),
            "engaged": breadth(area).total,
            "priorities": [p.title for p in plan.priorities.all()],
        }
        yield {"doc": doc, "pdf": pdf, "docx": word, "html": html, "facts": facts}
        transaction.set_rollback(True)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def pdf_text(built):
    reader = PdfReader(io.BytesIO(built["pdf"].content))
    return reader, [_flat(page.extract_text()) for page in reader.pages]


@pytest.fixture(scope="module")
def word(built):
    return WordDocument(io.BytesIO(built["docx"].content))


def test_the_pdf_has_the_sections_in_annex_a_order_after_its_contents(pdf_text):
    _, pages = pdf_text
    body = " ".join(pages[2:])  # after the cover and the contents page
    places = [body.find(heading) for heading in ORDER]
    assert -1 not in places, dict(zip(ORDER, places, strict=True))
    assert places == sorted(places)
    assert "Contents" in pages[1]
    assert all(heading.split(". ")[-1] in pages[1] for heading in ORDER)


def test_the_pdf_has_bookmarks_page_numbers_and_a_main_body_count(built, pdf_text):
    reader, pages = pdf_text
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "Contents"  # each top section is a bookmark of its own
    assert "1. Local skills needs" in titles
    assert "Annex B: Activities" in titles
    assert f"Page 3 of {len(pages)}" in pages[2]
    assert built["pdf"].pages == len(pages)
    assert 0 < built["pdf"].main_body_pages < len(pages)
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF


def test_annex_a_and_b_in_the_pdf_hold_every_occupation_and_activity(built, pdf_text):
    _, pages = pdf_text
    text = re.sub(r"-\s+", "-", " ".join(pages))  # a name broken after its hyphen reads whole
    annex_a = text[text.find("Annex A: Occupations and industries", 3000) :]
    for name in built["facts"]["occupations"]:
        assert _flat(name) in annex_a, name
    annex_b = text[text.find("Annex B: Activities", 3000) :]
    for title in built["facts"]["activities"]:
        assert _flat(title) in annex_b, title


def test_a_figure_in_the_document_equals_the_data(built, pdf_text, word):
    engaged = built["facts"]["engaged"]
    assert engaged > 0
    sentence = f"{engaged:,} employers were engaged in developing the plan."
    assert sentence in " ".join(pdf_text[1])
    assert sentence in [p.text for p in word.paragraphs]


def test_the_word_file_has_word_headings_in_order_and_real_tables(built, word):
    top = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert top[0] == "Contents"
    assert top[1:] == ORDER
    second = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert any(built["facts"]["priorities"][0] in h for h in second)
    annex_a = next(t for t in word.tables if t.rows[0].cells[0].text == "Occupation or role")
    names = [row.cells[0].text for row in annex_a.rows[1:]]
    assert names == built["facts"]["occupations"]
    annex_b = next(t for t in word.tables if t.rows[0].cells[0].text == "Activity")
    text = " ".join(row.cells[0].text for row in annex_b.rows[1:])
    assert all(title in text for title in built["facts"]["activities"])
    header = annex_b.rows[0]._tr.trPr.xml
    assert "tblHeader" in header  # the header row repeats on every page
    widths = [cell.width for cell in annex_a.rows[1].cells]
    assert round(widths[0] / sum(widths) * 100) == 17  # the model's share of the width


def test_the_html_file_holds_the_same_sections_and_no_unsafe_markup(built):
    page = built["html"].content.decode()
    places = [page.find(f">{h.split(' ', 1)[-1] if h[0].isdigit() else h}") for h in ORDER[:2]]
    assert -1 not in places
    assert "<script" not in page
    for title in built["facts"]["activities"]:
        assert title.replace("&", "&amp;").replace("'", "&#x27;") in page, title


# Publication and the public pages (the demo publishes its plan) ------------------------------


@pytest.fixture
def plan(built, db):
    return Plan.objects.get(area__slug="the-marches")


def _user(name, role, area):
    from lsip.accounts.models import RoleAssignment, User

    user = User.objects.create_user(username=f"{name}@docs12.example", password="x" * 12)
    RoleAssignment.objects.create(user=user, role=role, area=area)
    return user


def test_the_public_index_lists_every_area_and_the_published_plan(plan, client):
    page = client.get("/public/").content.decode()
    assert page.count('href="/public/') == 39
    assert "1 of 39 areas have published" in page


def test_the_public_area_page_shows_the_plan_board_and_register_and_never_contacts(plan, client):
    from lsip.governance.models import Person

    page = client.get("/public/the-marches/").content.decode()
    assert plan.title in page
    assert "as PDF" in page
    assert 'id="register"' in page
    members = Person.objects.filter(board__area=plan.area, kind=Person.Kind.MEMBER)
    assert members.exists()
    for person in members:
        assert person.name.replace("&", "&amp;").replace("'", "&#x27;") in page
        if person.email:
            assert person.email not in page


def test_what_is_published_stays_as_published_after_the_plan_changes(plan, client):
    from lsip.documents.models import Publication

    published = Publication.objects.get(plan=plan)
    services.save_narrative(
        plan,
        "plan",
        "introduction",
        text="A later draft, never published.",
        complete=False,
        actor=None,
    )
    page = client.get(f"/public/the-marches/{published.pk}/").content.decode()
    assert "employers in The Marches" in page
    assert "A later draft" not in page
    word = client.get(f"/public/the-marches/{published.pk}/download.docx")
    assert word.status_code == 200
    text = [p.text for p in WordDocument(io.BytesIO(b"".join(word.streaming_content))).paragraphs]
    assert "Annex A: Occupations and industries" in text


def test_only_an_erb_admin_publishes_and_a_blocked_plan_is_refused(plan):
    from django.core.exceptions import PermissionDenied

    from lsip.accounts.roles import Role
    from lsip.documents.publication import publish_plan

    editor = _user("editor", Role.ERB_EDITOR, plan.area)
    with pytest.raises(PermissionDenied):
        publish_plan(plan, editor)
    admin = _user("admin", Role.ERB_ADMIN, plan.area)
    second = publish_plan(plan, admin)
    assert second.snapshot.plan_id == plan.pk
    assert second.published_by == admin


def _board_decision(plan, outcome="passed"):
    import datetime

    from lsip.governance.models import Board, Decision

    return Decision.objects.create(
        board=Board.objects.filter(area=plan.area).first(),
        method="meeting",
        question="Sign off the progress report",
        decided_on=datetime.date(2027, 1, 4),
        outcome=outcome,
    )


def test_a_progress_report_is_never_public_before_its_date(plan, client):
    """Stage 2 guidance 3.3: final, signed off by the board, and never read by the public
    before the publication date, even when that date moves after publishing (decision 0076)."""
    import datetime

    from django.core.exceptions import ValidationError

    from lsip.delivery.models import ProgressReport
    from lsip.delivery.report import set_publication_date, sign_off
    from lsip.documents.publication import public, publish_progress

    report = services.progress_report(plan, 2026)
    with pytest.raises(ValidationError, match="final"):
        publish_progress(report, None)
    report.status = ProgressReport.Status.FINAL
    report.save()
    with pytest.raises(ValidationError, match="board decision that signed it off"):
        publish_progress(report, None)
    sign_off(
        report,
        decision=_board_decision(plan),
        publication_date=datetime.date(2027, 6, 30),
        actor=None,
    )
    item = publish_progress(report, None, today=datetime.date(2027, 1, 5))
    assert item.available_from == datetime.date(2027, 6, 30)
    assert item not in public(plan.area, today=datetime.date(2027, 6, 29))
    assert item in public(plan.area, today=datetime.date(2027, 6, 30))
    assert client.get(f"/public/the-marches/{item.pk}/").status_code == 404
    set_publication_date(report, datetime.date(2027, 7, 15), actor=None)
    item.refresh_from_db()
    assert item.available_from == datetime.date(2027, 7, 15)
    assert item not in public(plan.area, today=datetime.date(2027, 7, 14))
    assert item in public(plan.area, today=datetime.date(2027, 7, 15))
    # the decision corrected on the board's pages: no longer signed off, no longer public
    type(report.decision).objects.filter(pk=report.decision_id).update(outcome="failed")
    assert item not in public(plan.area, today=datetime.date(2027, 7, 15))


def test_the_cli_the_document_and_the_api_say_the_same_state_by_the_one_rule(
    plan, client, tmp_path
):
    """Decision 0076: signed off and its date come is published everywhere; before the date
    the CLI says so, the document says "not published before" and the API lists nothing."""
    import datetime

    from click.testing import CliRunner
    from django.utils import timezone

    from lsip.cli import main
    from lsip.delivery.models import ProgressReport
    from lsip.delivery.report import set_publication_date, sign_off
    from lsip.documents import progress_document
    from lsip.documents.publication import publish_progress

    today = timezone.localdate()
    report = services.progress_report(plan, 2027)
    report.status = ProgressReport.Status.FINAL
    report.save()
    later = today + datetime.timedelta(days=10)
    sign_off(report, decision=_board_decision(plan), publication_date=later, actor=None)
    publish_progress(report, None)

    def cli():
        out = tmp_path / "progress.html"
        done = CliRunner().invoke(
            main, ["report", "progress", "--area", "the-marches", "--year", "2027", "-o", out]
        )
        assert done.exit_code == 0, done.output
        return done.output

    def listed():
        found = client.get("/api/v1/areas/the-marches/publications/").json()
        rows = found["results"] if isinstance(found, dict) else found
        return [row["year"] for row in rows if row["kind"] == "progress"]

    def said():
        doc = progress_document.build(report)
        sign = next(s for s in doc.sections if s.id == "sign-off")
        return " ".join(b.get("text", "") for b in sign.blocks)

    assert "The 2027 report: signed off, not yet published" in cli()
    assert "not published before" in said()
    assert listed() == []
    set_publication_date(report, today, actor=None)
    assert "The 2027 report: published" in cli()
    assert "It is published from" in said()
    assert listed() == [2027]


def test_narrative_is_sanitised_on_the_document_page(plan, client):
    from lsip.accounts.roles import Role

    services.save_narrative(
        plan,
        "plan",
        "equality",
        text="Fair **access**<script>alert(1)</script>",
        complete=True,
        actor=None,
    )
    client.force_login(_user("reader", Role.BOARD_MEMBER, plan.area))
    page = client.get("/areas/the-marches/documents/plan/").content.decode()
    assert "Fair <strong>access</strong>" in page
    assert "alert(1)" not in page
    assert client.get("/areas/the-marches/documents/sections/plan/equality/").status_code == 403


def test_the_cli_writes_the_format_of_the_suffix_and_leaves_nothing_on_failure(plan, tmp_path):
    from click.testing import CliRunner

    from lsip.cli import main

    runner = CliRunner()
    wrong = runner.invoke(
        main, ["report", "plan", "--area", "the-marches", "-o", str(tmp_path / "plan.txt")]
    )
    assert wrong.exit_code != 0
    assert ".pdf, .docx or .html" in wrong.output
    missing = runner.invoke(
        main, ["report", "plan", "--area", "nowhere", "-o", str(tmp_path / "x.docx")]
    )
    assert "no such area" in missing.output
    assert list(tmp_path.iterdir()) == []
    done = runner.invoke(
        main, ["report", "plan", "--area", "the-marches", "-o", str(tmp_path / "plan.docx")]
    )
    assert done.exit_code == 0, done.output
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]
    blocked = tmp_path / "plan.docx" / "inside.pdf"  # its folder is a file: writing fails
    failed = runner.invoke(main, ["report", "plan", "--area", "the-marches", "-o", str(blocked)])
    assert failed.exit_code != 0
    assert f"{blocked}: not written" in failed.output
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]
    heads = [
        p.text
        for p in WordDocument(tmp_path / "plan.docx").paragraphs
        if p.style.name == "Heading 1"
    ]
    assert heads[1:] == ORDER


def test_main_body_pages_is_read_from_the_latest_pdf_build(plan, built):
    assert services.main_body_pages(plan) == built["pdf"].main_body_pages
    assert services.main_body_pages(plan) <= 30  # SG Annex A


def test_a_build_from_the_page_runs_as_a_job_and_is_downloaded(plan, client, run_jobs):
    from lsip.accounts.roles import Role
    from lsip.documents.models import Build

    client.force_login(_user("builder", Role.ERB_EDITOR, plan.area))
    response = client.post("/areas/the-marches/documents/build/", {"format": "docx"})
    assert response.status_code == 302
    assert "/jobs/" in response["Location"]
    assert run_jobs() == 1
    build = Build.objects.filter(plan=plan, format="docx").get()
    download = client.get(f"/areas/the-marches/documents/builds/{build.pk}/")
    word = WordDocument(io.BytesIO(b"".join(download.streaming_content)))
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"][1:] == ORDER


def test_a_progress_report_is_marked_final_only_within_its_page_limit(plan, monkeypatch):
    from django.core.exceptions import ValidationError

    from lsip.delivery.models import ProgressReport
    from lsip.documents import progress_document

    report = services.progress_report(plan, 2027)
    monkeypatch.setattr(progress_document, "PAGE_LIMIT", 1)
    with pytest.raises(ValidationError, match="must be no longer than 1 pages"):
        services.mark_final(report, actor=None)
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.DRAFT
    monkeypatch.undo()
    build = services.mark_final(report, actor=None)
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.FINAL
    assert build.pages <= 20
    text = " ".join(p.extract_text() for p in PdfReader(services.build_path(build)).pages)
    activities = built_activities(plan)
    assert f"This report covers the {len(activities)} activities" in _flat(text)


def built_activities(plan):
    return list(Activity.objects.filter(action__priority__plan=plan))


def test_the_api_lists_what_is_published_with_its_downloads(plan, client):
    found = client.get("/api/v1/areas/the-marches/publications/").json()
    rows = found["results"] if isinstance(found, dict) else found
    (item,) = [row for row in rows if row["kind"] == "plan"]
    assert item["title"] == plan.title
    assert item["cycle"] == "2026-2029"
    assert item["links"]["pdf"].endswith("/download.pdf")
    assert client.get(item["links"]["html"]).status_code == 200


def test_the_publish_page_waits_for_approval_then_publishes_new_versions(plan, client):
    from lsip.accounts.roles import Role
    from lsip.areas.models import Cycle
    from lsip.documents.models import Publication

    client.force_login(_user("publisher", Role.ERB_ADMIN, plan.area))
    before = Publication.objects.filter(plan=plan).count()
    refused = client.post("/areas/the-marches/documents/publish/")
    assert refused.status_code == 200
    assert "The plan cannot be published yet" in refused.content.decode()
    assert Publication.objects.filter(plan=plan).count() == before
    Cycle.objects.filter(pk=plan.cycle_id).update(status=Cycle.Status.PUBLISHED)
    done = client.post("/areas/the-marches/documents/publish/")
    assert done["Location"] == "/public/the-marches/"
    assert Publication.objects.filter(plan=plan).count() == before + 1


# What the printed page shows (found by looking at the demo plan's pages) --------------------


def test_a_colour_legend_is_drawn_in_units_weasyprint_paints():
    """Vega fills a colour legend with a gradient in the rectangle's own units, which WeasyPrint
    leaves blank: the chart's SVG gives it in user units, as wide as the legend."""
    from lsip.documents import charts

    spec = {
        "data": {"values": [{"x": "a", "v": 1}, {"x": "b", "v": 9}]},
        "mark": "rect",
        "encoding": {
            "x": {"field": "x", "type": "nominal"},
            "color": {"field": "v", "type": "quantitative"},
        },
    }
    svg = charts.svg(spec)
    gradients = re.findall(r"<linearGradient [^>]*>", svg)
    assert gradients
    assert all('gradientUnits="userSpaceOnUse"' in g for g in gradients)
    box = re.search(r'd="M0,0h([\d.]+)v([\d.]+)h-[\d.]+Z" fill="url\(#', svg)
    width, height = float(box[1]), float(box[2])
    ends = {k: float(v) for k, v in re.findall(r'\b([xy][12])="([\d.]+)"', gradients[0])}
    assert {ends["x1"], ends["x2"]} <= {0, width}
    assert {ends["y1"], ends["y2"]} <= {0, height}
    assert max(ends.values()) in (width, height)  # runs the whole length of the legend


def test_the_map_is_printed_with_each_district_and_its_rate(built, pdf_text):
    from lsip.areas.models import Area
    from lsip.economy import profile

    built_profile = profile.build(Area.objects.get(slug="the-marches"))
    districts = [f["properties"] for f in built_profile["map"]["data"]["values"]]
    assert districts
    text = " ".join(pdf_text[1])
    table = text[text.find("Employment rate by district, aged 16-64") :]
    for district in districts:
        assert f"{district['name']} {district['label']}" in table


def test_an_awaited_declaration_is_never_printed_as_none_declared(built, pdf_text):
    from lsip.governance.models import RegisterEntry

    awaited = RegisterEntry.objects.filter(
        person__board__area__slug="the-marches", status=RegisterEntry.Status.AWAITED
    ).select_related("person")
    text = " ".join(pdf_text[1])
    register = text[text.rfind("Register of interests") :]
    for entry in awaited:
        if entry.person.left_on is None and not entry.interests.exists():
            assert f"{entry.person.name} Awaited Declaration not yet received" in register


def test_number_columns_are_set_right_and_tables_keep_their_column_widths(built):
    page = built["html"].content.decode()
    engaged = page[page.find("Employers engaged by size band") :]
    assert 'class="govuk-table__cell govuk-table__cell--numeric"' in engaged[:3000]
    assert '<col class="doc-w-17">' in page  # Annex A's first column
    assert ".doc-table col.doc-w-17 { width: 17%; }" in page


def test_the_progress_report_carries_what_the_delivery_pages_record(plan):
    """Stage 2 guidance 3.3: the latest value of each metric, the ERB's passages written on the
    delivery pages, employers' feedback and the new intelligence with the replacement advice,
    read back from the Word file."""
    from django.utils import timezone

    from lsip.delivery.metrics import summaries
    from lsip.delivery.models import ReviewEvidence
    from lsip.delivery.report import report_date
    from lsip.documents import progress_document

    year = 2027
    report = services.progress_report(plan, year)
    doc = progress_document.build(report)
    word = WordDocument(io.BytesIO(render.docx(doc).content))
    paragraphs = [p.text for p in word.paragraphs]
    tables = {t.rows[0].cells[0].text: t for t in word.tables}

    assert report.impact  # the passage written on the delivery pages, on the same record
    assert report.impact in paragraphs
    until = report_date(plan, year, timezone.localdate())
    outcomes = tables["Outcome"]
    shown = {row.cells[0].text: row.cells[4].text for row in outcomes.rows[1:]}
    reported = 0
    for summary in summaries(plan):
        values = [v for v in summary.values if v.on <= until]
        if values:
            reported += 1
            latest = values[-1]
            assert shown[summary.outcome.name].startswith(f"{latest.value:,.0f} ("), summary
        else:
            assert shown[summary.outcome.name] == "None yet"
    assert reported  # the demo reports some values
    assert "Employers' feedback: are the changes working?" in paragraphs
    found = " ".join(row.cells[0].text for row in tables["Intelligence"].rows[1:])
    for item in ReviewEvidence.objects.filter(plan=plan, recorded_on__lte=until):
        assert item.title in found
    assert "A replacement LSIP may be required: discuss with Skills England." in paragraphs


def test_the_areas_logo_and_colours_are_set_on_its_branding_page_and_used(plan, client, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings
    from PIL import Image

    from lsip.accounts.roles import Role

    logo = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 60)).save(logo, format="PNG")
    client.force_login(_user("brander", Role.ERB_ADMIN, plan.area))
    with override_settings(MEDIA_ROOT=tmp_path):
        response = client.post(
            "/areas/the-marches/documents/branding/",
            {
                "organisation_name": "Marches Chamber",
                "colour": "#4c2c92",
                "accent": "#f47738",
                "logo": SimpleUploadedFile("logo.png", logo.getvalue(), "image/png"),
            },
        )
        assert response.status_code == 302
        doc = services.build_document(plan)
        page = render.html(doc).content.decode()
        pdf = PdfReader(io.BytesIO(render.pdf(doc).content))
    assert "--brand: #4c2c92; --accent: #f47738;" in page
    assert 'class="doc-cover__logo" src="data:image/png;base64,' in page
    assert "Marches Chamber" in pdf.pages[0].extract_text()
    assert len(pdf.pages[0].images) == 1  # the logo on the cover


def test_a_narrative_preview_is_sanitised_and_saves_nothing(plan, client):
    from lsip.accounts.roles import Role

    client.force_login(_user("writer", Role.ERB_EDITOR, plan.area))
    before = services.narratives(plan, "plan").get("equality")
    response = client.post(
        "/areas/the-marches/documents/sections/plan/equality/",
        {"text": "# Fair\n\n**Open** to all <script>alert(1)</script>", "preview": "1"},
    )
    page = response.content.decode()
    preview = page[page.find('id="preview"') :]
    preview = preview[: preview.find("</div>")]
    assert "<strong>Open</strong>" in preview
    assert "alert(1)" not in preview  # the script and its text are taken out
    assert "<script>alert" not in page
    after = services.narratives(plan, "plan").get("equality")
    assert (after.text if after else None) == (before.text if before else None)


def test_publishing_again_keeps_the_earlier_version_on_the_public_page(plan, client):
    from lsip.accounts.roles import Role
    from lsip.documents.models import Publication
    from lsip.documents.publication import publish_plan

    first = Publication.objects.filter(plan=plan, kind=Publication.Kind.PLAN).earliest("pk")
    publish_plan(plan, _user("again", Role.ERB_ADMIN, plan.area))
    page = client.get("/public/the-marches/").content.decode()
    assert "Earlier versions" in page
    assert f"/public/the-marches/{first.pk}/" in page[page.find("Earlier versions") :]


def test_each_section_shows_whether_it_is_empty_drafted_or_complete(plan, client):
    from lsip.accounts.roles import Role

    client.force_login(_user("stater", Role.ERB_EDITOR, plan.area))

    def state_of(title):
        page = client.get("/areas/the-marches/documents/").content.decode()
        row = page[page.find(f'<th scope="row" class="govuk-table__header">{title}</th>') :]
        return re.search(r'govuk-tag[^"]*">(\w+)<', row)[1]

    for text, complete, state in (
        ("", False, "Empty"),
        ("A first draft.", False, "Drafted"),
        ("The words as agreed.", True, "Complete"),
    ):
        services.save_narrative(plan, "plan", "equality", text=text, complete=complete, actor=None)
        assert state_of("Equality of opportunity") == state


def test_the_annex_b_header_row_is_repeated_on_each_of_its_pages(built, pdf_text):
    _, pages = pdf_text
    start = next(n for n, p in enumerate(pages) if "Annex B: Activities The activities" in p)
    end = next(n for n, p in enumerate(pages) if "Annex C: Background and method C1." in p)
    assert end - start >= 2  # the table runs over more than one page
    for page in pages[start:end]:
        assert "Activity Lead organisations Supporting partners" in page


def test_a_progress_reports_passages_are_written_once_on_the_report(plan, client):
    """Decision 0077: what was achieved, its impact and what is still to achieve are the
    report's own passages. The document shows them, its sections table sends the ERB to the
    report's delivery page to write them, and the documents editor keeps no copy."""
    from django.core.exceptions import ValidationError

    from lsip.accounts.roles import Role
    from lsip.audit.context import save_as

    report = services.progress_report(plan, 2027)
    report.impact = "Ten employers took on **bootcamp** graduates."
    save_as(None, report)
    client.force_login(_user("passages", Role.ERB_EDITOR, plan.area))
    page = client.get("/areas/the-marches/documents/progress/2027/").content.decode()
    assert "Ten employers took on <strong>bootcamp</strong> graduates." in page
    delivery_page = "/areas/the-marches/delivery/reports/2027/#narrative"
    row = page[page.find('id="impact"') :]
    assert row[: row.find("</tr>")].count(delivery_page) == 1
    assert "Drafted" in row[: row.find("</tr>")]
    editor = client.get("/areas/the-marches/documents/sections/progress-2027/impact/")
    assert editor.status_code == 302
    assert editor["Location"] == delivery_page
    with pytest.raises(ValidationError, match="the progress report's own passage"):
        services.save_narrative(
            plan, "progress-2027", "impact", text="A copy", complete=False, actor=None
        )
    # the introduction is still the document's own section
    intro = client.get("/areas/the-marches/documents/sections/progress-2027/introduction/")
    assert intro.status_code == 200


def test_the_publication_date_is_shown_where_it_is_set_and_saved_in_three_boxes(plan, client):
    """Both pages that set the date (the document's and the sign-off on the delivery page)
    show the date the report holds, in the GOV.UK day, month and year boxes."""
    import datetime

    from lsip.accounts.roles import Role

    report = services.progress_report(plan, 2027)
    client.force_login(_user("dater", Role.ERB_ADMIN, plan.area))
    saved = client.post(
        "/areas/the-marches/documents/progress/2027/act/",
        {
            "action": "date",
            "publication_date_day": "15",
            "publication_date_month": "7",
            "publication_date_year": "2027",
        },
    )
    assert saved.status_code == 302
    report.refresh_from_db()
    assert report.publication_date == datetime.date(2027, 7, 15)
    for page in ("documents/progress/2027/", "delivery/reports/2027/"):
        text = client.get(f"/areas/the-marches/{page}").content.decode()
        boxes = dict(re.findall(r'name="publication_date_(\w+)"[^>]*value="(\d+)"', text))
        assert boxes == {"day": "15", "month": "7", "year": "2027"}, page

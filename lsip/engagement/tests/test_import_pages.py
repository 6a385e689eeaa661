"""The import pages: upload, map, preview, confirm doubtful matches, apply (SG 5.1)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lsip.engagement.models import Engagement, ImportBatch
from lsip.jobs.models import Job
from lsip.organisations.models import Organisation

CSV = (
    "LSIP employer survey 2025\n"
    "\n"
    "Company name,Date,Location,Hard to fill role,Type of need,Email\n"
    "Paveaways Groundworks,31/03/2025,Shropshire,Groundworker,Shortage,a@paveaways.example\n"
    "Ludlow Foods,1 Apr 2025,Shropshire,,,\n"
)


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


def url(name, **kwargs):
    return reverse(f"imports:{name}", kwargs={"area_slug": "the-marches", **kwargs})


def upload(client, content=CSV, name="survey.csv"):
    file = SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)
    return client.post(url("import-upload"), {"file": file})


def map_post(client, token, **overrides):
    data = {
        "col_employer_name": "Company name",
        "col_date": "Date",
        "col_local_authority": "Location",
        "col_occupation": "Hard to fill role",
        "col_need_type": "Type of need",
        "col_contact_email": "Email",
        "default_type": "survey",
        "date_order": "auto",
        **overrides,
    }
    return client.post(url("import-map", token=token), data)


def test_upload_map_preview_confirm_and_apply(editor, marches, people, run_jobs):
    shropshire = marches.local_authorities.get(name="Shropshire")
    existing = Organisation.objects.create(
        area=marches, name="Paveaways Ltd", type="employer", local_authority=shropshire
    )
    response = upload(editor)
    assert response.status_code == 302
    token = re.search(r"/imports/([0-9a-f]{32})/map/", response.url).group(1)
    mapping_page = editor.get(response.url)
    assert "row 3" in mapping_page.text
    assert '<option value="Company name" selected>' in mapping_page.text  # guessed
    response = map_post(editor, token)
    assert response.status_code == 302
    preview = editor.get(response.url)
    assert preview.status_code == 200
    assert "Are these the same employer?" in preview.text
    assert "Paveaways Groundworks" in preview.text
    assert "Survey response" in preview.text  # labels, not codes
    assert "Recruitment shortage" in preview.text
    assert preview.context["report"].rows_read == 2
    pair = preview.context["report"].doubtful[0].pair
    assert Engagement.objects.count() == 0  # a preview changes nothing
    response = editor.post(url("import-apply", token=token), {"accept": [pair]})
    assert response.status_code == 302
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert "Queued" in editor.get(response.url).text
    assert Engagement.objects.count() == 0  # the page only asked for the job
    assert run_jobs() == 1
    job_page = editor.get(response.url)
    assert "Imported 2 engagements, 1 skills needs and 1 new employers" in job_page.text
    batch = ImportBatch.objects.get()
    assert (batch.engagements_created, batch.organisations_created) == (2, 1)
    assert batch.imported_by == people["erb_editor"]
    assert existing.engagements.count() == 1
    listing = editor.get(url("import-list"))
    assert "survey.csv" in listing.text
    jobs = editor.get(reverse("jobs:job-list", kwargs={"area_slug": "the-marches"}))
    assert "Import of survey.csv" in jobs.text
    assert "Imported 2 engagements" in jobs.text


def test_the_preview_lists_every_error_and_apply_changes_nothing(editor, marches, run_jobs):
    bad = CSV + ",31/03/2025,Shropshire,,,\nAcme,someday,Narnia,,,\n"
    token = re.search(r"([0-9a-f]{32})", upload(editor, bad).url).group(1)
    map_post(editor, token)
    preview = editor.get(url("import-preview", token=token))
    errors = [(e.row, e.field) for e in preview.context["report"].errors]
    assert errors == [(6, "employer_name"), (7, "local_authority"), (7, "date")]
    assert "3 rows cannot be imported" not in preview.text
    assert "2 rows cannot be imported, so nothing will be" in preview.text
    assert "Narnia" in preview.text
    response = editor.post(url("import-apply", token=token))
    run_jobs()
    job_page = editor.get(response.url)
    assert job_page.context["job"].state == Job.State.FAILED
    assert "2 rows with errors; nothing was imported" in job_page.text
    assert [(p["row"], p["field"]) for p in job_page.context["problems"]] == [
        (6, "Employer name"),
        (7, "Local authority"),
        (7, "Date"),
    ]
    assert "Narnia" in job_page.text
    assert Engagement.objects.count() == 0


def test_the_header_row_can_be_chosen_on_the_mapping_page(editor):
    token = re.search(r"([0-9a-f]{32})", upload(editor).url).group(1)
    page = editor.get(url("import-map", token=token) + "?header_row=1")
    assert page.context["form"].fields["col_date"].choices == [
        ("", "Not in this file"),
        ("LSIP employer survey 2025", "LSIP employer survey 2025"),
    ]
    page = editor.get(url("import-map", token=token) + "?header_row=2")
    assert "row 2 is empty" in page.text


def test_a_mapping_without_required_fields_is_refused_on_the_page(editor):
    token = re.search(r"([0-9a-f]{32})", upload(editor).url).group(1)
    response = map_post(editor, token, col_date="", default_type="")
    assert response.status_code == 200
    assert "Map a column to: Date, Engagement type (or a default type)" in response.text


def test_a_file_that_is_not_a_spreadsheet_is_refused_at_upload(editor, settings):
    response = upload(editor, b"%PDF-1.4\n\x00\x01\x02binary", name="report.csv")
    assert response.status_code == 200
    assert "a binary file, not a CSV or XLSX spreadsheet" in response.text
    settings.LSIP_IMPORT_MAX_MB = 0.0001
    response = upload(editor)
    assert "The file must be smaller than 0.0001 MB" in response.text
    settings.LSIP_IMPORT_MAX_MB = 0.01
    response = upload(editor, "x" * 200_000)
    assert response.status_code == 413  # refused on its length, before Django reads it
    assert "The file must be smaller than 0.01 MB" in response.text


def test_another_areas_upload_is_not_found(client, people, marches, west_midlands):
    client.force_login(people["other_area_admin"])
    client.post(
        reverse("imports:import-upload", kwargs={"area_slug": "west-midlands"}),
        {"file": SimpleUploadedFile("s.csv", CSV.encode())},
    )
    client.force_login(people["erb_admin"])
    from lsip.engagement.imports.uploads import imports_dir

    (token,) = [p.name for p in imports_dir(west_midlands).iterdir()]
    assert client.get(url("import-map", token=token)).status_code == 404
    assert client.get(url("import-preview", token=token)).status_code == 404


def test_a_file_imported_before_offers_nothing_to_import(editor, marches, run_jobs):
    def preview_of_a_fresh_upload():
        token = re.search(r"/imports/([0-9a-f]{32})/map/", upload(editor).url).group(1)
        return token, editor.get(map_post(editor, token).url)

    token, _ = preview_of_a_fresh_upload()
    editor.post(url("import-apply", token=token))
    run_jobs()
    _, again = preview_of_a_fresh_upload()
    assert "there is nothing new to import" in again.text
    assert "Import 0 engagements" not in again.text
    assert ImportBatch.objects.count() == 1


def test_the_imported_row_is_shown_to_erb_staff_only(client, people, marches, tmp_path):
    """Every column of the row is evidence; it may hold contact details (UK GDPR), so only
    those who may see personal data see it."""
    from lsip.engagement.imports.apply import apply_import

    path = tmp_path / "survey.csv"
    path.write_text(CSV)
    apply_import(
        area=marches,
        path=path,
        mapping={
            "columns": {"employer_name": "Company name", "date": "Date"},
            "defaults": {"type": "survey"},
            "header_row": 3,
        },
        actor=None,
    )
    engagement = Engagement.objects.get(organisations__name="Paveaways Groundworks")
    detail = reverse(
        "engagement:engagement-detail", kwargs={"area_slug": "the-marches", "pk": engagement.pk}
    )
    client.force_login(people["erb_editor"])
    shown = client.get(detail).content.decode()
    assert "The row as imported from survey.csv" in shown
    assert "a@paveaways.example" in shown  # an unmapped column, kept
    client.force_login(people["board_member"])
    assert "a@paveaways.example" not in client.get(detail).content.decode()

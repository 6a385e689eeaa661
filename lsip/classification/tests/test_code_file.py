"""A spreadsheet uploaded on the coding page is coded in the background and comes back with a
code on every row, through the same service as `lsip code soc FILE`."""

import csv
import io

import pytest

from lsip.jobs.models import Job


@pytest.fixture
def coder_installed(db, refdata_folder):
    from lsip.refdata.install import install

    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])


def upload(client, content: bytes, column="Job title", name="vacancies.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/areas/the-marches/coding/file/",
        {"kind": "soc", "file": SimpleUploadedFile(name, content), "column": column},
    )


def test_an_uploaded_file_is_coded_by_a_job_and_downloaded(
    coder_installed, client, people, run_jobs
):
    client.force_login(people["erb_editor"])
    page = upload(client, b"Job title,Ref\nGroundworker,A1\nSenior care assistant,A2\n")
    job = Job.objects.get()
    assert page.url == job.get_absolute_url()
    run_jobs()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert job.summary.startswith("Coded 2 rows of vacancies.csv")
    download = client.get(f"{job.get_absolute_url()}file/")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig")))
    )
    assert [(r["Job title"], r["Ref"], r["soc_code"]) for r in rows] == [
        ("Groundworker", "A1", "9121"),
        ("Senior care assistant", "A2", "6136"),
    ]


def test_a_missing_column_fails_the_job_with_the_reason(coder_installed, client, people, run_jobs):
    client.force_login(people["erb_editor"])
    upload(client, b"Title\nWelder\n")
    run_jobs()
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    assert "Job title" in job.error
    shown = client.get(job.get_absolute_url()).content.decode()
    assert "could not be coded" in shown
    assert "Retry the job" in shown  # shown to the person who started it


def test_the_page_offers_soc_or_sic_as_gov_uk_radios(client, people):
    client.force_login(people["erb_editor"])
    page = client.get("/areas/the-marches/coding/file/").content.decode()
    assert page.count('class="govuk-radios__input"') == 2
    assert 'value="soc" checked' in page
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What to code' in page

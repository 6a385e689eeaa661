"""A Skills England download too large to build while the page waits is built by a job; the
person who asked, whatever their role in the area, follows it and downloads the file there."""

import csv
import io
from datetime import date

from django.urls import reverse

from lsip.engagement.models import Engagement
from lsip.jobs.models import Job
from lsip.organisations.models import Organisation


def engaged(area, names):
    for name in names:
        organisation = Organisation.objects.create(area=area, name=name, type="employer")
        engagement = Engagement.objects.create(area=area, type="survey", date=date(2026, 2, 1))
        engagement.organisations.add(organisation)


def test_a_large_record_is_built_by_a_job_its_reader_follows(
    client, people, marches, settings, run_jobs
):
    settings.LSIP_DOWNLOAD_IN_PAGE_ROWS = 2
    engaged(marches, ["Acme Ltd", '=HYPERLINK("x")', "Brill Ltd"])
    client.force_login(people["board_member"])
    url = reverse("engagement:record-export", kwargs={"area_slug": "the-marches"})
    asked = client.get(url, {"format": "csv"})
    job = Job.objects.get()
    assert asked.url == job.get_absolute_url()
    assert job.started_by == people["board_member"]
    run_jobs()
    page = client.get(asked.url).content.decode()
    assert "3 rows in the-marches-employer-engagement-record.csv" in page
    file_url = reverse("jobs:job-file", kwargs={"area_slug": "the-marches", "pk": job.pk})
    body = b"".join(client.get(file_url).streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    names = sorted(row[next(iter(row))] for row in rows)
    assert '\'=HYPERLINK("x")' in names  # safe to open in Excel
    assert len(names) == 3
    client.force_login(people["partner"])  # another reader does not see someone else's job
    assert client.get(asked.url).status_code == 404


def test_a_small_record_is_downloaded_at_once(client, people, marches, settings):
    settings.LSIP_DOWNLOAD_IN_PAGE_ROWS = 5
    engaged(marches, ["Acme Ltd"])
    client.force_login(people["board_member"])
    url = reverse("engagement:record-export", kwargs={"area_slug": "the-marches"})
    response = client.get(url, {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert not Job.objects.exists()

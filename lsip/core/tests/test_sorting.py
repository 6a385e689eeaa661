"""Lists sort by a column without JavaScript, say so with aria-sort, and keep their filters."""

import re
from datetime import date

import pytest
from django.urls import reverse

from lsip.engagement.models import Engagement, SkillsNeed


def heading(page: str, label: str):
    found = re.search(rf'<th [^>]*aria-sort="(\w+)"><a [^>]*href="\?([^"]*)">{label}', page)
    return found.groups() if found else None


@pytest.fixture
def engagements(marches, college):
    made = []
    for day, needs in ((3, 0), (1, 2), (2, 1)):
        engagement = Engagement.objects.create(
            area=marches, type="interview", date=date(2026, 1, day)
        )
        engagement.organisations.add(college)
        for n in range(needs):
            SkillsNeed.objects.create(
                area=marches,
                engagement=engagement,
                organisation=college,
                words=f"Welder {n}",
                need_type="provision",
            )
        made.append(engagement)
    return made


def test_the_engagement_list_sorts_by_date_and_by_skills_needs(client, people, engagements):
    client.force_login(people["erb_editor"])
    url = reverse("engagement:engagement-list", kwargs={"area_slug": "the-marches"})

    def days(page):
        return [int(d) for d in re.findall(r"One-to-one interview on (\d+) Jan 2026", page)]

    page = client.get(url).content.decode()
    assert days(page) == [3, 2, 1]  # newest first
    assert heading(page, "Engagement") == ("none", "sort=date")
    assert '<th scope="col" class="govuk-table__header">Organisations</th>' in page
    oldest_first = client.get(url, {"sort": "date"}).content.decode()
    assert days(oldest_first) == [1, 2, 3]
    assert heading(oldest_first, "Engagement") == ("ascending", "sort=-date")
    most_needs = client.get(url, {"sort": "-needs", "type": "interview"}).content.decode()
    assert days(most_needs) == [1, 2, 3]
    assert heading(most_needs, "Skills needs") == ("descending", "sort=needs&amp;type=interview")


def test_the_jobs_list_sorts_by_state(client, people, marches):
    from django.utils import timezone

    from lsip.jobs.models import Job

    for title, state in (("B", "failed"), ("A", "done"), ("C", "queued")):
        Job.objects.create(
            area=marches, kind="clean-uploads", title=title, state=state, queued_at=timezone.now()
        )
    client.force_login(people["erb_editor"])
    url = reverse("jobs:job-list", kwargs={"area_slug": "the-marches"})
    page = client.get(url, {"sort": "state"}).content.decode()
    assert re.findall(r'class="govuk-link" href="/areas/[^"]+">([ABC])</a>', page) == [
        "A",
        "B",
        "C",
    ]
    assert heading(page, "State") == ("ascending", "sort=-state")

"""The busiest pages ask the database the same number of questions however many records an
area holds (issue 17, item 9): no query a row. Each page is counted with a few records and
with ten times as many; the counts must be equal, and under a ceiling."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Contact, Organisation
from lsip.sectors.services import sectors_for

PAGES = {
    "area page": "/areas/the-marches/",
    "employer list": "/areas/the-marches/organisations/?type=employer",
    "employer list, filtered": "/areas/the-marches/organisations/?type=employer&size_band=small",
    "engagement list": "/areas/the-marches/engagement/",
    "engagement list by skills needs": "/areas/the-marches/engagement/?sort=-needs",
    "breadth of engagement": "/areas/the-marches/engagement/breadth/",
}
CEILING = 40


def add_records(area, count: int, start: int) -> None:
    districts = list(area.local_authorities.all())
    sectors = list(sectors_for(area))
    employers = Organisation.objects.bulk_create(
        Organisation(
            area=area,
            name=f"Employer {start + n}",
            type="employer",
            size_band="small",
            local_authority=districts[n % len(districts)],
            sic_code="43120",
        )
        for n in range(count)
    )
    Organisation.sectors.through.objects.bulk_create(
        Organisation.sectors.through(organisation_id=o.pk, sector_id=sectors[n % len(sectors)].pk)
        for n, o in enumerate(employers)
    )
    Contact.objects.bulk_create(
        Contact(organisation=o, name=f"Person {n}", email=f"p{start + n}@example.org")
        for n, o in enumerate(employers)
    )
    engagements = Engagement.objects.bulk_create(
        Engagement(area=area, type="interview", date=datetime.date(2025, 3, 1 + n % 28))
        for n in range(count)
    )
    Engagement.organisations.through.objects.bulk_create(
        Engagement.organisations.through(engagement_id=e.pk, organisation_id=o.pk)
        for e, o in zip(engagements, employers, strict=True)
    )
    SkillsNeed.objects.bulk_create(
        SkillsNeed(
            area=area,
            engagement=e,
            organisation=o,
            words="Welder",
            soc_code="5215",
            need_type="shortage",
        )
        for e, o in zip(engagements, employers, strict=True)
    )


def queries(client, url) -> int:
    cache.clear()  # the area-wide figures kept between requests are counted too
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("person", ["erb_admin", "erb_editor"])
def test_the_busiest_pages_ask_the_same_questions_for_3_records_as_for_30(
    client, marches, people, person
):
    client.force_login(people[person])
    add_records(marches, 3, 0)
    for url in PAGES.values():
        queries(client, url)  # the first answer fills what is cached
    few = {page: queries(client, url) for page, url in PAGES.items()}
    add_records(marches, 27, 3)
    many = {page: queries(client, url) for page, url in PAGES.items()}
    assert many == few
    assert max(many.values()) <= CEILING, many

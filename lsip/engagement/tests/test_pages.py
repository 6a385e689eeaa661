"""The engagement pages: list and filters, recording, detail and skills needs."""

import datetime

from django.urls import reverse

from lsip.engagement import services
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Organisation
from lsip.refdata.install import install


def url(name, area, **kwargs):
    return reverse(f"engagement:{name}", kwargs={"area_slug": area.slug, **kwargs})


def test_an_engagement_is_recorded_with_several_organisations(
    client, people, marches, employer, college
):
    client.force_login(people["erb_editor"])
    bad = client.post(url("engagement-create", marches), {"type": "", "date_day": "31"})
    assert "There is a problem" in bad.text
    assert "Select the type of engagement" in bad.text
    assert "Select at least one organisation" in bad.text
    response = client.post(
        url("engagement-create", marches),
        {
            "type": "focus_group",
            "date_day": "4",
            "date_month": "12",
            "date_year": "2025",
            "erb_staff": "Rosie Beswick",
            "organisations": [employer.pk, college.pk],
            "consent_to_be_named": "on",
            "notes": "Construction roundtable",
        },
    )
    engagement = Engagement.objects.get(type="focus_group")
    assert response.status_code == 302
    assert response.url == url("engagement-detail", marches, pk=engagement.pk)
    assert set(engagement.organisations.all()) == {employer, college}
    assert engagement.consent_to_be_named is True
    assert engagement.date == datetime.date(2025, 12, 4)
    page = client.get(response.url).text
    assert "Paveaways" in page
    assert "Telford College" in page
    edit = client.post(
        url("engagement-update", marches, pk=engagement.pk),
        {
            "type": "event",
            "date_day": "4",
            "date_month": "12",
            "date_year": "2025",
            "organisations": [employer.pk],
        },
    )
    assert edit.status_code == 302
    engagement.refresh_from_db()
    assert engagement.type == "event"
    assert list(engagement.organisations.all()) == [employer]


def test_the_list_filters_by_type_dates_and_organisation(
    client, people, marches, employer, engagement, college
):
    services.record_engagement(
        area=marches,
        type="survey",
        date=datetime.date(2024, 5, 1),
        organisations=[college],
        actor=None,
    )
    client.force_login(people["board_member"])
    listing = url("engagement-list", marches)

    def count(**params):
        return client.get(listing, params).context["page"].paginator.count

    assert count() == 2
    assert count(type="survey") == 1
    assert count(date_from_day="1", date_from_month="1", date_from_year="2025") == 1
    assert count(date_to_day="1", date_to_month="1", date_to_year="2025") == 1
    assert count(organisation="pavea") == 1
    assert count(organisation=str(college.pk)) == 1
    assert "Paveaways" in client.get(listing).text


def test_a_skills_need_is_added_coded_and_shown_with_its_review_state(
    client, people, marches, employer, engagement, refdata_folder
):
    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])
    client.force_login(people["erb_editor"])
    add = url("need-create", marches, pk=engagement.pk)
    form = client.get(add).text
    assert 'name="themes"' in form
    assert 'class="govuk-checkboxes__input"' in form
    bad = client.post(add, {"organisation": employer.pk, "words": "", "need_type": ""})
    assert "Enter the occupation or skill in their words" in bad.text
    response = client.post(
        add,
        {
            "organisation": employer.pk,
            "words": "Site manager",
            "need_type": "shortage",
            "level": "4",
            "number": "2",
            "timescale": "now",
            "themes": ["digital", "leadership"],
            "detail": "Two sites opening next year",
        },
    )
    assert response.status_code == 302
    need = SkillsNeed.objects.get(words="Site manager")
    assert need.themes == ["digital", "leadership"]
    assert need.level == "4"
    assert need.number == 2
    page = client.get(url("engagement-detail", marches, pk=engagement.pk)).text
    assert "Site manager" in page
    assert "Not confirmed" in page
    assert reverse("coding:review-queue", kwargs={"area_slug": marches.slug}) in page
    assert "Digital, Leadership and management" in page
    # The words change: the need is coded again.
    change = url("need-update", marches, pk=engagement.pk, need_pk=need.pk)
    response = client.post(
        change,
        {"organisation": employer.pk, "words": "groundworkers x3", "need_type": "shortage"},
    )
    assert response.status_code == 302, response.text[:3000]
    need.refresh_from_db()
    assert need.soc_code == "9121"
    page = client.get(url("engagement-detail", marches, pk=engagement.pk)).text
    assert "9121" in page
    org_page = client.get(employer.get_absolute_url()).text
    assert "groundworkers x3" in org_page
    assert "One-to-one interview" in org_page


def test_a_provider_contribution_uses_the_same_record(client, people, marches, college):
    jcp = Organisation.objects.create(area=marches, name="Telford JCP", type="jobcentre_plus")
    client.force_login(people["erb_admin"])
    client.post(
        url("engagement-create", marches),
        {
            "type": "board",
            "date_day": "1",
            "date_month": "10",
            "date_year": "2025",
            "organisations": [college.pk, jcp.pk],
        },
    )
    engagement = Engagement.objects.get(type="board")
    response = client.post(
        url("need-create", marches, pk=engagement.pk),
        {"organisation": college.pk, "words": "HGV driving instructors", "need_type": "provision"},
    )
    assert response.status_code == 302
    need = SkillsNeed.objects.get()
    assert need.get_need_type_display() == "Gap in the provider offer"
    assert need.organisation == college


def test_a_need_is_only_for_an_organisation_of_the_engagement(
    client, people, marches, engagement, college
):
    client.force_login(people["erb_admin"])
    response = client.post(
        url("need-create", marches, pk=engagement.pk),
        {"organisation": college.pk, "words": "Welder", "need_type": "gap"},
    )
    assert response.status_code == 200
    assert not SkillsNeed.objects.exists()


def test_another_areas_engagement_is_not_found(client, people, west_midlands, other_area_employer):
    engagement = services.record_engagement(
        area=west_midlands,
        type="survey",
        date=datetime.date(2025, 1, 1),
        organisations=[other_area_employer],
        actor=None,
    )
    client.force_login(people["erb_admin"])
    assert (
        client.get(
            url(
                "engagement-detail",
                west_midlands.__class__.objects.get(slug="the-marches"),
                pk=engagement.pk,
            )
        ).status_code
        == 404
    )

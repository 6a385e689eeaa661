"""The engagement tables read well to screen readers: each row is named once, links name
what they open, and an empty list is a sentence rather than a table of headers."""

from django.urls import reverse

from lsip.engagement import services


def url(name, area, **kwargs):
    return reverse(f"engagement:{name}", kwargs={"area_slug": area.slug, **kwargs})


def test_an_empty_engagement_list_is_a_sentence(client, people, marches):
    client.force_login(people["erb_editor"])
    page = client.get(url("engagement-list", marches)).text
    assert "No engagements recorded yet." in page
    assert "<table" not in page
    filtered = client.get(url("engagement-list", marches), {"type": "survey"}).text
    assert "No engagements match these filters." in filtered


def test_an_engagement_is_linked_by_what_it_was_not_by_its_date(
    client, people, marches, engagement
):
    client.force_login(people["erb_editor"])
    page = client.get(url("engagement-list", marches)).text
    link = url("engagement-detail", marches, pk=engagement.pk)
    assert f'<a class="govuk-link" href="{link}">One-to-one interview on 3 Nov 2025</a>' in page


def test_a_needs_words_name_its_row_once(client, people, marches, engagement, employer):
    client.force_login(people["erb_editor"])
    detail = url("engagement-detail", marches, pk=engagement.pk)
    empty = client.get(detail).text
    assert "No skills needs recorded." in empty
    assert "<table" not in empty
    services.add_skills_need(
        engagement=engagement,
        organisation=employer,
        words="Bricklayers",
        need_type="shortage",
        actor=None,
    )
    page = client.get(detail).text
    assert '<th scope="row" class="govuk-table__header lsip-row-header">Bricklayers' in page
    assert page.count("Bricklayers") == 1

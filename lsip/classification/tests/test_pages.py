"""The public SOC 2020 and SIC 2007 pages: browse, search by code or words, 404s."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("classifications")


def soc(code=None):
    if code is None:
        return reverse("classification:soc-index")
    return reverse("classification:soc-detail", kwargs={"code": code})


def sic(code=None):
    if code is None:
        return reverse("classification:sic-index")
    return reverse("classification:sic-detail", kwargs={"code": code})


class TestSoc:
    def test_the_index_lists_the_major_groups_without_signing_in(self, client, db):
        page = client.get(soc())
        assert page.status_code == 200
        assert len(re.findall(r'href="/classifications/soc/\d/"', page.text)) == 9
        assert "Managers, directors and senior officials" in page.text
        assert "Open Government Licence" in page.text

    def test_searching_by_code_finds_the_group_and_those_within_it(self, client, db):
        groups = client.get(soc(), {"q": "613"}).context["page"]
        assert [g.code for g in groups] == ["613", *(f"613{n}" for n in range(1, 9))]

    def test_an_extended_group_code_finds_its_unit_group(self, client, db):
        assert [g.code for g in client.get(soc(), {"q": "6135/02"}).context["page"]] == ["6135"]

    def test_searching_by_title_or_job_title(self, client, db):
        by_title = client.get(soc(), {"q": "home carers"}).context["page"]
        assert [g.code for g in by_title] == ["6135"]
        response = client.get(soc(), {"q": "Domiciliary carer"})
        assert [g.code for g in response.context["page"]] == ["6135"]
        assert "6135/02" in response.text
        assert response.context["titles_count"] == 1

    def test_titles_ons_does_not_code_alone_say_so(self, client, db):
        response = client.get(soc(), {"q": "Apprentice"})
        assert "ONS does not code this title without more information" in response.text

    def test_a_unit_group_page_shows_everything_volume1_and_the_index_say(self, client, db):
        response = client.get(soc("6135"))
        assert response.status_code == 200
        text = response.text
        assert '<h1 class="govuk-heading-xl">Care workers and home carers</h1>' in text
        assert "Assists and enables service users to dress" in text
        assert "Support worker (nursing home)" in text
        assert "There are no formal academic entry requirements" in text
        assert "Home care workers" in text  # an extended group
        assert 'href="/classifications/soc/613/"' in text  # the breadcrumb to the minor group
        titles = response.context["page"]
        assert titles.paginator.count == 115  # distinct (title, extended group) pairs
        assert len(titles) == 50
        assert "Page 1 of 3" in text

    def test_a_major_group_lists_its_sub_major_groups(self, client, db):
        response = client.get(soc("6"))
        assert [g.code for g in response.context["children"]] == ["61", "62", "63"]

    def test_an_unknown_code_is_not_found(self, client, db):
        assert client.get(soc("9999")).status_code == 404
        assert client.get(soc("care")).status_code == 404


class TestSic:
    def test_the_index_lists_the_sections(self, client, db):
        page = client.get(sic())
        assert page.status_code == 200
        assert "Agriculture, forestry and fishing" in page.text
        assert len(re.findall(r'href="/classifications/sic/[A-U]/"', page.text)) == 21

    @pytest.mark.parametrize("typed", ["86.1", "861", "86.10", "8610", "86100"])
    def test_a_code_is_found_whatever_form_it_is_typed_in(self, client, db, typed):
        codes = [i.code for i in client.get(sic(), {"q": typed}).context["page"]]
        assert codes[0] == ("86.1" if len(typed.replace(".", "")) == 3 else "86.10")

    def test_searching_by_title_or_activity(self, client, db):
        response = client.get(sic(), {"q": "Abattoir"})
        assert [i.code for i in response.context["page"]] == ["10.11"]
        assert response.context["activities_count"] == 2  # and "...from abattoirs"
        titles = client.get(sic(), {"q": "liquid milk"}).context["page"]
        assert [i.code for i in titles] == ["10.51/1", "10.51/9"]  # "(other than liquid milk…)"

    def test_a_subclass_page_has_its_activities_and_parents(self, client, db):
        response = client.get(sic("10511"))
        assert response.status_code == 200
        assert response.context["item"].code == "10.51/1"
        assert [a.code for a in response.context["ancestors"]] == ["C", "10", "10.5", "10.51"]
        assert response.context["page"].paginator.count > 0
        assert "10511" in response.text
        assert client.get(sic("10.511")).context["item"].code == "10.51/1"

    def test_a_class_page_lists_its_subclasses_and_all_their_activities(self, client, db):
        response = client.get(sic("10.51"))
        assert [c.code for c in response.context["children"]] == ["10.51/1", "10.51/2", "10.51/9"]
        codes = {a.item_id for a in response.context["page"].paginator.object_list}
        assert codes >= {"10.51/1", "10.51/2"}

    def test_an_unknown_code_is_not_found(self, client, db):
        assert client.get(sic("99999")).status_code == 404
        assert client.get(sic("Z")).status_code == 404
        assert client.get(sic("bakery")).status_code == 404


def test_the_footer_links_to_both_classifications(client, db):
    footer = client.get(reverse("core:home")).text.split('class="govuk-footer"')[1]
    assert soc() in footer
    assert sic() in footer

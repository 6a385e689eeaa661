"""Before `lsip refdata install`, the pages say the classifications are not installed."""

from django.urls import reverse

from lsip.classification.models import SocGroup


def test_the_index_pages_say_the_data_is_not_installed(client, db):
    for name, scheme in (("soc-index", "SOC 2020"), ("sic-index", "SIC 2007")):
        response = client.get(reverse(f"classification:{name}"))
        assert response.status_code == 200
        assert f"The {scheme}" in response.text
        assert "are not installed" in response.text
        assert "lsip refdata install" in response.text


def test_a_code_page_is_not_found_and_says_why(client, db):
    response = client.get(reverse("classification:sic-detail", kwargs={"code": "10511"}))
    assert response.status_code == 404
    assert "are not installed" in response.text


def test_a_unit_group_without_the_coding_index_says_so(client, db):
    SocGroup.objects.create(code="6", level="major", title="Caring")
    SocGroup.objects.create(code="6135", level="unit", title="Care workers", parent_id="6")
    response = client.get(reverse("classification:soc-detail", kwargs={"code": "6135"}))
    assert response.status_code == 200
    assert "once the SOC 2020 coding index is installed" in response.text

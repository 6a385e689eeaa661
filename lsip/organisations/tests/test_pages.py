from django.urls import reverse

from lsip.areas.models import LocalAuthority
from lsip.organisations.models import Organisation


def create_url(area):
    return reverse("organisations:organisation-create", kwargs={"area_slug": area.slug})


def test_bad_input_is_shown_in_an_error_summary_and_nothing_is_saved(client, people, marches):
    client.force_login(people["erb_editor"])
    birmingham = LocalAuthority.objects.get(name="Birmingham")
    response = client.post(
        create_url(marches),
        {
            "name": "",
            "type": "employer",
            "companies_house_number": "123",
            "ukprn": "999",
            "local_authority": birmingham.pk,
        },
    )
    assert response.status_code == 200
    page = response.text
    assert "There is a problem" in page
    assert 'href="#id_name"' in page
    assert "Enter a Companies House number of 8 characters" in page
    assert "Enter a UKPRN of 8 digits starting with 1" in page
    assert 'href="#id_local_authority"' in page  # Birmingham is not in The Marches
    assert 'class="govuk-input govuk-input--error' in page
    assert not Organisation.objects.filter(type="employer").exists()


def test_a_valid_organisation_is_saved_in_this_area(client, people, marches):
    client.force_login(people["erb_editor"])
    shropshire = LocalAuthority.objects.get(name="Shropshire")
    response = client.post(
        create_url(marches),
        {
            "name": "Clear Design",
            "type": "employer",
            "companies_house_number": "sc123456".upper(),
            "local_authority": shropshire.pk,
        },
    )
    organisation = Organisation.objects.get(name="Clear Design")
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    assert organisation.area == marches


def test_the_directory_filters_by_type_and_searches_by_name(client, people, marches, college):
    Organisation.objects.create(area=marches, name="AllPay", type="employer")
    client.force_login(people["board_member"])
    url = reverse("organisations:organisation-list", kwargs={"area_slug": marches.slug})
    assert "AllPay" not in client.get(url, {"type": "fe_college"}).text
    assert "Telford College" in client.get(url, {"type": "fe_college"}).text
    assert "Telford College" not in client.get(url, {"q": "allpay"}).text
    csv = client.get(url, {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("Name,Type,Local authority")


def test_an_archived_organisation_leaves_the_directory_but_keeps_its_page(
    client, people, marches, college
):
    client.force_login(people["erb_admin"])
    archive = reverse(
        "organisations:organisation-archive", kwargs={"area_slug": marches.slug, "pk": college.pk}
    )
    assert client.post(archive).status_code == 302
    listing = client.get(
        reverse("organisations:organisation-list", kwargs={"area_slug": marches.slug})
    )
    assert "Telford College archived" in listing.text  # the confirmation
    assert ">Telford College</a>" not in listing.text
    assert "Archived on" in client.get(college.get_absolute_url()).text


def test_a_cycle_opened_on_the_page_shows_on_the_area_page(client, people, marches):
    client.force_login(people["erb_admin"])
    url = reverse("areas:cycle-create", kwargs={"area_slug": marches.slug})
    bad = client.post(
        url,
        {
            "start_year": "2026",
            "status": "preparing",
            "substantive_draft_due_day": "31",
            "substantive_draft_due_month": "13",
            "substantive_draft_due_year": "2026",
        },
    )
    assert "Date must be a real date" in bad.text
    good = client.post(
        url,
        {
            "start_year": "2026",
            "status": "preparing",
            "substantive_draft_due_day": "31",
            "substantive_draft_due_month": "3",
            "substantive_draft_due_year": "2026",
        },
    )
    assert good.status_code == 302
    page = client.get(marches.get_absolute_url()).text
    assert "2026-2029" in page
    assert marches.cycles.get().substantive_draft_due.isoformat() == "2026-03-31"


def test_a_field_in_error_is_described_by_its_message(client, people, marches):
    client.force_login(people["erb_editor"])
    page = client.post(create_url(marches), {"name": "X", "type": "employer", "ukprn": "1"}).text
    assert 'aria-describedby="id_ukprn_helptext id_ukprn-error"' in page
    assert 'id="id_ukprn-error"' in page


def test_an_area_has_one_erb(client, people, marches):
    client.force_login(people["erb_admin"])
    first = client.post(create_url(marches), {"name": "Shropshire Chamber", "type": "erb"})
    assert first.status_code == 302
    second = client.post(create_url(marches), {"name": "Another Chamber", "type": "erb"})
    assert "This area already has its Employer Representative Body" in second.text

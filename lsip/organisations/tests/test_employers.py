"""Employer fields on the organisation form and page, the directory's filters, and the SIC
coder's suggestion."""

from django.urls import reverse

from lsip.areas.models import LocalAuthority
from lsip.organisations.models import Organisation
from lsip.refdata.install import install
from lsip.sectors.models import Sector


def list_url(area):
    return reverse("organisations:organisation-list", kwargs={"area_slug": area.slug})


def test_employer_fields_are_saved_from_the_form_and_shown(client, people, marches):
    client.force_login(people["erb_editor"])
    shropshire = LocalAuthority.objects.get(name="Shropshire")
    construction = Sector.objects.get(name="Construction", area=None)
    own = Sector.objects.create(area=marches, name="Agri-food", kind="area")
    response = client.post(
        reverse("organisations:organisation-create", kwargs={"area_slug": marches.slug}),
        {
            "name": "Paveaways",
            "type": "employer",
            "local_authority": shropshire.pk,
            "size_band": "small",
            "ownership": "private",
            "sic_code": "43.120",
            "erb_member": "true",
            "sectors": [construction.pk, own.pk],
        },
    )
    assert response.status_code == 302, response.text
    employer = Organisation.objects.get(name="Paveaways")
    assert (employer.size_band, employer.ownership, employer.sic_code) == (
        "small",
        "private",
        "43120",
    )
    assert employer.sic_source == "person"
    assert employer.erb_member is True
    assert set(employer.sectors.all()) == {construction, own}
    page = client.get(employer.get_absolute_url()).text
    assert "Small (10 to 49)" in page
    assert "Private sector" in page
    assert "43120" in page
    assert "Agri-food" in page


def test_the_form_offers_sectors_of_this_area_only_and_checks_the_sic_code(
    client, people, marches, west_midlands
):
    Sector.objects.create(area=west_midlands, name="Brum sector", kind="area")
    client.force_login(people["erb_editor"])
    url = reverse("organisations:organisation-create", kwargs={"area_slug": marches.slug})
    page = client.get(url).text
    assert "Construction" in page
    assert "Brum sector" not in page
    assert 'class="govuk-checkboxes__input"' in page
    bad = client.post(url, {"name": "X", "type": "employer", "sic_code": "123"}).text
    assert "Enter a SIC 2007 subclass of 5 digits" in bad


def test_the_directory_filters_by_employer_fields(client, people, marches):
    shropshire = LocalAuthority.objects.get(name="Shropshire")
    hereford = LocalAuthority.objects.get(name="Herefordshire, County of")
    construction = Sector.objects.get(name="Construction", area=None)
    a = Organisation.objects.create(
        area=marches,
        name="Alpha Builders",
        type="employer",
        size_band="micro",
        ownership="private",
        local_authority=shropshire,
        erb_member=True,
    )
    a.sectors.add(construction)
    Organisation.objects.create(
        area=marches,
        name="Beta Council Services",
        type="employer",
        size_band="large",
        ownership="public",
        local_authority=hereford,
        erb_member=False,
    )
    client.force_login(people["board_member"])
    url = list_url(marches)

    def names(**params):
        text = client.get(url, params).text
        return {n for n in ("Alpha Builders", "Beta Council Services") if f">{n}</a>" in text}

    assert names(size_band="micro") == {"Alpha Builders"}
    assert names(ownership="public") == {"Beta Council Services"}
    assert names(local_authority=str(hereford.pk)) == {"Beta Council Services"}
    assert names(sector=str(construction.pk)) == {"Alpha Builders"}
    assert names(erb_member="yes") == {"Alpha Builders"}
    assert names(erb_member="no") == {"Beta Council Services"}
    assert names() == {"Alpha Builders", "Beta Council Services"}
    csv = client.get(url, {"ownership": "public", "format": "csv"}).content.decode("utf-8-sig")
    assert "Beta Council Services" in csv
    assert "Alpha Builders" not in csv


def test_the_sic_coder_suggests_a_code_from_the_description(
    client, people, marches, refdata_folder
):
    install(source_dir=refdata_folder, keys=["sic2007-structure", "sic2007-indexes"])
    employer = Organisation.objects.create(
        area=marches, name="Oak Kitchens", type="employer", description="bespoke kitchens"
    )
    client.force_login(people["erb_editor"])
    assert "The SIC coder suggests" in client.get(employer.get_absolute_url()).text
    edit = reverse(
        "organisations:organisation-update", kwargs={"area_slug": marches.slug, "pk": employer.pk}
    )
    response = client.get(edit)
    suggestion = response.context["form"].suggestion
    assert suggestion
    assert len(suggestion["code"]) == 5
    assert "Suggested by the SIC coder" in response.text
    client.post(
        edit,
        {
            "name": "Oak Kitchens",
            "type": "employer",
            "description": "bespoke kitchens",
            "sic_code": suggestion["code"],
            "sic_suggested": suggestion["code"],
            "erb_member": "unknown",
        },
    )
    employer.refresh_from_db()
    assert employer.sic_code == suggestion["code"]
    assert employer.sic_source == "coder"


def test_without_the_coder_files_there_is_no_suggestion(client, people, marches):
    employer = Organisation.objects.create(
        area=marches, name="Oak Kitchens", type="employer", description="bespoke kitchens"
    )
    client.force_login(people["erb_editor"])
    page = client.get(employer.get_absolute_url())
    assert page.status_code == 200
    assert page.context["sic_suggestion"] is None

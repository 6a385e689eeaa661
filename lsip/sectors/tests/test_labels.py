"""A national and an area sector may share a name; no list shows the name twice."""

from lsip.organisations.forms import OrganisationFilterForm, OrganisationForm
from lsip.sectors.labels import grouped_choices, sector_labels
from lsip.sectors.models import Sector
from lsip.sectors.services import sectors_for


def own_care(area):
    return Sector.objects.create(area=area, name="Health and social care", kind=Sector.Kind.AREA)


def test_names_shared_by_a_national_and_an_area_sector_say_whose(marches):
    mine = own_care(marches)
    national = Sector.objects.get(area=None, name="Health and social care")
    construction = Sector.objects.get(area=None, name="Construction")
    labels = sector_labels(sectors_for(marches).select_related("area"))
    assert labels[mine.pk] == "Health and social care (The Marches)"
    assert labels[national.pk] == "Health and social care (national)"
    assert labels[construction.pk] == "Construction"  # no clash, no qualifier
    assert len(set(labels.values())) == len(labels)


def test_choices_are_grouped_national_growth_foundation_then_the_areas_own(marches):
    own_care(marches)
    groups = grouped_choices(sectors_for(marches), marches)
    titles = [title for title, _ in groups]
    assert titles == [
        "Industrial Strategy growth-driving sectors (national)",
        "Foundation sectors (national)",
        "The Marches's own sectors",
    ]
    foundation = [label for _, label in groups[1][1]]
    assert "Health and social care (national)" in foundation
    assert [label for _, label in groups[2][1]] == ["Health and social care (The Marches)"]


def test_the_organisation_forms_show_each_sector_name_once(marches):
    own_care(marches)
    checkboxes = str(OrganisationForm(area=marches)["sectors"])
    assert checkboxes.count(">Health and social care (The Marches)</label>") == 1
    assert checkboxes.count(">Health and social care (national)</label>") == 1
    assert ">Health and social care</label>" not in checkboxes
    assert "<legend" in checkboxes
    select = str(OrganisationFilterForm(area=marches)["sector"])
    assert '<optgroup label="Foundation sectors (national)">' in select
    assert select.count("Health and social care (The Marches)") == 1


def test_the_sector_page_groups_national_sectors_and_names_each_once(client, marches):
    own_care(marches)
    page = client.get(f"/areas/{marches.slug}/sectors/").text
    assert '<h3 class="govuk-heading-s">Industrial Strategy growth-driving sectors</h3>' in page
    assert '<h3 class="govuk-heading-s">Foundation sectors</h3>' in page
    assert ">Health and social care (The Marches)</h3>" in page
    assert ">Health and social care (national)</h4>" in page
    assert ">Health and social care</h" not in page

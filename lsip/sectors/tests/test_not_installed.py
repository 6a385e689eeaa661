"""Before SIC 2007 is installed, definitions cannot be checked or expanded, and say why."""

import pytest
from django.core.exceptions import ValidationError

from lsip.sectors import services
from lsip.sectors.models import Sector


@pytest.fixture
def own(marches):
    return Sector.objects.create(area=marches, name="Agri-food", kind=Sector.Kind.AREA)


def test_without_sic_2007_installed_codes_cannot_be_checked(db, own):
    with pytest.raises(ValidationError, match="lsip refdata install"):
        services.set_definition(own, ["41"], None)
    with pytest.raises(services.SicNotInstalledError):
        services.subclasses_of(own)


def test_the_sector_page_shows_codes_without_titles(client, marches):
    response = client.get(f"/areas/{marches.slug}/sectors/")
    assert response.status_code == 200
    assert "The SIC 2007 classification is not installed" in response.text
    assert '<td class="govuk-table__cell">41</td>' in response.text

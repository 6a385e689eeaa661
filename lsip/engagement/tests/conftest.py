import datetime

import pytest

from lsip.areas.models import LocalAuthority
from lsip.engagement import services
from lsip.organisations.models import Organisation
from lsip.sectors.models import Sector


@pytest.fixture
def shropshire(db):
    return LocalAuthority.objects.get(name="Shropshire")


@pytest.fixture
def employer(marches, shropshire):
    employer = Organisation.objects.create(
        area=marches,
        name="Paveaways",
        type="employer",
        size_band="micro",
        ownership="private",
        local_authority=shropshire,
        erb_member=False,
        sic_code="43120",
        companies_house_number="01234567",
    )
    employer.sectors.add(Sector.objects.get(name="Construction", area=None))
    return employer


@pytest.fixture
def engagement(marches, employer):
    return services.record_engagement(
        area=marches,
        type="interview",
        date=datetime.date(2025, 11, 3),
        organisations=[employer],
        actor=None,
        erb_staff="Rosie Beswick",
    )

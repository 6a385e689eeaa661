import pytest

from lsip.refdata.install import install

#: The catalogue keys of the geography files (lsip-lookup first gives the districts codes).
GEOGRAPHY = [
    "lsip-lookup",
    "lad-to-combined-authority",
    "lad-2011-to-2021",
    "lsip-boundaries",
    "lad-boundaries",
    "england-boundary",
    "combined-authority-boundaries",
    "uk-lad-2021-regions",
]


@pytest.fixture
def geography(db, refdata_folder):
    """The geography reference files installed from the real copies."""
    install(source_dir=refdata_folder, keys=GEOGRAPHY)


@pytest.fixture(scope="module")
def installed_resolver(django_db_setup, django_db_blocker, refdata_folder_module, tmp_path_factory):
    """(DistrictResolver, {LAD 2023 name: GSS code}) built once per module from the real files;
    the install is rolled back afterwards, so other tests see no codes."""
    from django.db import transaction
    from django.test import override_settings

    from lsip.areas.models import LocalAuthority
    from lsip.geography.districts import DistrictResolver

    data_dir = tmp_path_factory.mktemp("data")
    with django_db_blocker.unblock(), override_settings(DATA_DIR=data_dir), transaction.atomic():
        install(source_dir=refdata_folder_module, keys=GEOGRAPHY)
        resolver = DistrictResolver.load()
        districts = dict(LocalAuthority.objects.values_list("name", "gss_code"))
        transaction.set_rollback(True)
    return resolver, districts

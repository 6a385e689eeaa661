"""Real ONS files, installed and imported once per test module: the districts' lookups and
boundaries, SIC 2007, the six Nomis exports and the ONS online job adverts tables. All of it
is rolled back when the module ends."""

from pathlib import Path

import pytest

from lsip.refdata.install import install

GEOGRAPHY = [
    "lsip-lookup",
    "lad-to-combined-authority",
    "lad-2011-to-2021",
    "lad-boundaries",
    "uk-lad-2021-regions",
]
SIC = ["sic2007-structure"]


def labour_market_files(folder: Path) -> list[Path]:
    return sorted((folder / "labour_market").glob("nomis_*.xlsx")) + [
        folder / "job_postings" / "ons_online_job_adverts_referencetablesupdated.xlsx"
    ]


@pytest.fixture
def places(db, refdata_folder):
    """The district lookups only (what the readers need to know places)."""
    install(source_dir=refdata_folder, keys=GEOGRAPHY)
    return refdata_folder


@pytest.fixture(scope="module")
def economy(django_db_setup, django_db_blocker, refdata_folder_module, tmp_path_factory):
    """{file name: Dataset} of every real labour-market file, imported as a user would."""
    from django.db import transaction
    from django.test import override_settings

    from lsip.economy.imports import import_dataset

    data_dir = tmp_path_factory.mktemp("data")
    with django_db_blocker.unblock(), override_settings(DATA_DIR=data_dir), transaction.atomic():
        install(source_dir=refdata_folder_module, keys=GEOGRAPHY + SIC)
        datasets = {p.name: import_dataset(p) for p in labour_market_files(refdata_folder_module)}
        yield datasets
        transaction.set_rollback(True)

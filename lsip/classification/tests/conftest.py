"""SOC 2020 and SIC 2007 loaded once per test module, for the page and API tests.

Loading takes seconds, so the modules that only read share one load: the rows are committed
outside each test's transaction and deleted when the module ends.
"""

import pytest

from lsip.classification.loaders import LOADERS
from lsip.classification.loaders.files import replace
from lsip.classification.models import (
    SicActivity,
    SicItem,
    SocExtendedGroup,
    SocGroup,
    SocIndexTitle,
)
from lsip.refdata.catalogue import CATALOGUE

TABLES = (SocIndexTitle, SocExtendedGroup, SocGroup, SicActivity, SicItem)


@pytest.fixture(scope="module")
def classifications(django_db_setup, django_db_blocker, refdata_folder_module):
    """The four ONS files loaded by their loaders (as `lsip refdata install` runs them)."""
    with django_db_blocker.unblock():
        for entry in CATALOGUE:
            if entry.key in LOADERS:
                LOADERS[entry.key](refdata_folder_module / entry.folder / entry.filename)
        yield
        for model in TABLES:
            replace(model, [])

"""SIC 2007 loaded once per test module (committed outside each test's transaction and
removed when the module ends), as the classification tests do."""

import pytest

from lsip.classification.loaders import LOADERS
from lsip.classification.loaders.files import replace
from lsip.classification.models import SicItem
from lsip.refdata.catalogue import CATALOGUE


@pytest.fixture(scope="module")
def sic(django_db_setup, django_db_blocker, refdata_folder_module):
    (entry,) = [e for e in CATALOGUE if e.key == "sic2007-structure"]
    with django_db_blocker.unblock():
        LOADERS[entry.key](refdata_folder_module / entry.folder / entry.filename)
        yield
        replace(SicItem, [])

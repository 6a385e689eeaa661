"""SOC 2020 and SIC 2007 coders, free of Django: text in, ranked codes out.

    from lsip.classification.coder import code_occupation, code_industry
    code_occupation("snr care asst - nights").code        # "6136"
    code_industry("we make bespoke kitchens").code         # "31020"

Each result has a status ("coded", "needs review", or why the text cannot be coded), the
method that found the code, and up to five candidates with a calibrated confidence.
"""

import os
from functools import lru_cache

# The semantic stage multiplies one short vector by a few thousand rows at a time: work that
# BLAS threads only slow down, badly so on a busy machine. One thread unless told otherwise
# (it takes effect when numpy is first imported, so only where the coder is imported first).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from lsip.classification.coder import store
from lsip.classification.coder.result import Candidate, Method, Result, Status
from lsip.classification.coder.sic import VERSION as SIC_VERSION
from lsip.classification.coder.sic import SicCoder
from lsip.classification.coder.soc import VERSION as SOC_VERSION
from lsip.classification.coder.soc import SocCoder

__all__ = [
    "Candidate",
    "Method",
    "Result",
    "SicCoder",
    "SocCoder",
    "Status",
    "code_industries",
    "code_industry",
    "code_occupation",
    "code_occupations",
    "load_sic_coder",
    "load_soc_coder",
]


@lru_cache(maxsize=4)
def load_soc_coder(source=None) -> SocCoder:
    """The SOC coder built from the files in `source` (default: the installed files)."""
    return store.load("soc", SocCoder, SOC_VERSION, store.SOC_FILES, source)


@lru_cache(maxsize=4)
def load_sic_coder(source=None) -> SicCoder:
    """The SIC coder built from the files in `source` (default: the installed files)."""
    return store.load("sic", SicCoder, SIC_VERSION, store.SIC_FILES, source)


def code_occupation(title, description=None, industry=None, *, learned=None, source=None):
    return load_soc_coder(source).code(title, description, industry, learned)


def code_occupations(titles, descriptions=None, industries=None, *, learned=None, source=None):
    return load_soc_coder(source).code_many(titles, descriptions, industries, learned)


def code_industry(text, *, source=None):
    return load_sic_coder(source).code(text)


def code_industries(texts, *, source=None):
    return load_sic_coder(source).code_many(texts)

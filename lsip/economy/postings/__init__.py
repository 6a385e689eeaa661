"""Job-postings files: one advert per row, coded to SOC 2020 and counted by district and month.

A file (CSV, Parquet, or a small XLSX) holds one advert a row with a title, a location and a
date, and optionally the employer, a SIC 2007 code and a salary. Importing it
(`store.import_postings`):

1. reads and checks every row (`reading.read_postings`); any row without a title or with a
   date that cannot be read rejects the whole file, naming each row;
2. matches each distinct location to a LAD 2023 district (`places.match_locations`:
   "Shrewsbury, Shropshire" is tried whole, then each comma part from the right); adverts
   elsewhere are counted as skipped;
3. codes each distinct title once with the batch SOC coder, in worker processes, and joins the
   codes back (`coding.code_postings`); titles below the auto-code threshold stay uncoded;
4. keeps the coded adverts as `DATA_DIR/postings/<dataset id>.parquet` (`store.parquet_path`);
5. counts adverts by SOC unit group, SIC division, district and month (`counting.counts`,
   `counting.aggregate`) and stores the counts as one dataset of the labour-market long table.

Polars does the row work; nothing is saved row by row. The names below are what callers use;
the rest (accepted column names, limits, labels) stay in their modules.
"""

from lsip.economy.postings.coding import code_postings, code_titles
from lsip.economy.postings.counting import aggregate, counts
from lsip.economy.postings.places import match_locations
from lsip.economy.postings.progress import (
    CODING,
    COUNTING,
    PLACES,
    READING,
    STORING,
    Progress,
)
from lsip.economy.postings.reading import read_postings
from lsip.economy.postings.store import FAMILY, OUTSIDE, import_postings, parquet_path

__all__ = [
    "CODING",
    "COUNTING",
    "FAMILY",
    "OUTSIDE",
    "PLACES",
    "READING",
    "STORING",
    "Progress",
    "aggregate",
    "code_postings",
    "code_titles",
    "counts",
    "import_postings",
    "match_locations",
    "parquet_path",
    "read_postings",
]

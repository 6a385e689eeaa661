"""Loaders of the SOC 2020 and SIC 2007 reference files, by catalogue key.

`lsip.refdata.loaders.LOADERS` includes these; `lsip refdata install` runs them inside its
one transaction. Each reads and checks the whole file before it changes anything, then
replaces its tables completely, so loading the same file twice gives the same rows.
"""

from lsip.classification.loaders.sic import load_sic_indexes, load_sic_structure
from lsip.classification.loaders.soc import load_soc_coding_index, load_soc_volume1

LOADERS = {
    "soc2020-volume1": load_soc_volume1,
    "soc2020-coding-index": load_soc_coding_index,
    "sic2007-structure": load_sic_structure,
    "sic2007-indexes": load_sic_indexes,
}

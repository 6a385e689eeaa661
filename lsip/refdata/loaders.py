"""Loaders that read an installed reference file into the database, keyed by catalogue key."""

from pathlib import Path

import openpyxl

from lsip.areas.models import LocalAuthority
from lsip.classification.loaders import LOADERS as CLASSIFICATION_LOADERS
from lsip.geography.loaders import LOADERS as GEOGRAPHY_LOADERS
from lsip.refdata.errors import RefdataError


def load_lsip_lookup(path: Path) -> None:
    """Give every district of the 39 areas its ONS GSS code (LAD 2023) from the DfE lookup.

    The districts come from Annex B; the lookup must name each of them and no other, so a
    boundary change shows up here as a clear error instead of a silent gap.
    """
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h else "" for h in next(rows)]
    try:
        code_at, name_at = header.index("LAD23CD"), header.index("LAD23NM")
    except ValueError:
        raise RefdataError(f"{path.name}: no LAD23CD and LAD23NM columns in {header}") from None
    codes = {
        str(row[name_at]).strip(): str(row[code_at]).strip() for row in rows if row and row[code_at]
    }
    workbook.close()
    districts = {la.name: la for la in LocalAuthority.objects.all()}
    missing = sorted(set(districts) - set(codes))
    unknown = sorted(set(codes) - set(districts))
    if missing or unknown:
        raise RefdataError(
            f"{path.name}: districts do not match Annex B; not in the file: "
            f"{', '.join(missing) or 'none'}; "
            f"in the file but in no area: {', '.join(unknown) or 'none'}"
        )
    for name, la in districts.items():
        if la.gss_code != codes[name]:
            la.gss_code = codes[name]
            la.save(update_fields=["gss_code", "modified_on"])


#: Run in catalogue order: lsip-lookup (the districts' GSS codes) comes before the geography
#: loaders that join on them.
LOADERS = {"lsip-lookup": load_lsip_lookup, **GEOGRAPHY_LOADERS, **CLASSIFICATION_LOADERS}

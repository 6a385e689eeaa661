"""The Marches demo's labour-market data: the real Nomis exports and ONS online job adverts
tables (../shared/data, or the folder given), imported as an ERB would import them, so the
profile, the map and the priority-sector table show real figures."""

from pathlib import Path

from lsip.core.files import sha256_of
from lsip.economy.imports import import_dataset
from lsip.economy.models import Dataset

FILES = [
    "labour_market/nomis_aps_employment_by_industry_2023_04_24.xlsx",
    "labour_market/nomis_aps_employment_by_occupation_2023_04_24.xlsx",
    "labour_market/nomis_aps_employment_rate_2023_04_24.xlsx",
    "labour_market/nomis_aps_qualifications_by_age_gender_2023_04_24.xlsx",
    "labour_market/nomis_ubc_enterprises_by_size_2023_04_24.xlsx",
    "labour_market/nomis_ubc_enterprises_by_industry_size_2023_04_24.xlsx",
    "job_postings/ons_online_job_adverts_referencetablesupdated.xlsx",
]
SOURCE = "DfE LSIP dashboard copy (dfe-analytical-services/lsip_dashboard), from Nomis and ONS"


def load(folder: Path | None, echo=print) -> int:
    """Import each file not imported before; return how many were imported."""
    if folder is None or not (Path(folder) / "labour_market").is_dir():
        echo(
            "Labour-market files not found: the profile stays empty until you run "
            "`lsip data import FILE...` (see docs/economy.md)."
        )
        return 0
    imported = 0
    for name in FILES:
        path = Path(folder) / name
        if not path.is_file() or Dataset.objects.filter(sha256=sha256_of(path)).exists():
            continue
        dataset = import_dataset(path, source=SOURCE)
        echo(f"  {dataset.title}: {dataset.rows:,} figures")
        imported += 1
    return imported

"""What the benchmark scripts share: where the ONS files are, and a fresh database."""

import os
import tempfile
from pathlib import Path


def default_data() -> str:
    """The folder of ONS files: $LSIP_REFDATA_FROM, else ../shared/data beside the checkout."""
    return os.environ.get("LSIP_REFDATA_FROM") or str(Path(__file__).parents[2] / "shared" / "data")


def fresh_django(keep: Path | None, prefix: str, **environment) -> Path:
    """Point lsip at a new SQLite database in a work folder (`keep`, or a new temporary one)
    and set Django up; returns the folder. The caller migrates, so that it can time it."""
    work = keep or Path(tempfile.mkdtemp(prefix=prefix))
    work.mkdir(parents=True, exist_ok=True)
    database = work / "bench.sqlite3"
    database.unlink(missing_ok=True)
    os.environ.update(
        DATABASE_URL=f"sqlite:///{database}",
        LSIP_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="lsip.config.settings",
        **environment,
    )
    import django

    django.setup()
    return work

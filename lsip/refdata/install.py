"""`lsip refdata install`: fetch, check and install the reference files, all or nothing.

Every file is fetched into a staging folder and its SHA-256 checked before anything is
changed. Then the loaders read the staged files inside one database transaction, the
installed files are recorded, and the files are moved into place. Any failure leaves the
database and the installed files as they were.
"""

import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as
from lsip.core.files import sha256_of
from lsip.refdata.catalogue import CATALOGUE, RefFile
from lsip.refdata.errors import RefdataError
from lsip.refdata.loaders import LOADERS
from lsip.refdata.models import InstalledFile


def installed_dir() -> Path:
    return settings.DATA_DIR / "refdata"


def installed_path(key: str) -> Path:
    """Where an installed reference file is kept; raises if it is not installed."""
    record = InstalledFile.objects.filter(key=key).first()
    if record is None or not Path(record.path).is_file():
        raise RefdataError(f"{key} is not installed: run `lsip refdata install`")
    return Path(record.path)


def install(
    *,
    source_dir: Path | None = None,
    keys: Iterable[str] | None = None,
    catalogue: Iterable[RefFile] = CATALOGUE,
    progress: Callable[[RefFile], None] = lambda entry: None,
) -> list[InstalledFile]:
    """Install `keys` (default: every file) from `source_dir`, or download them if None."""
    entries = _select(catalogue, keys)
    if source_dir is not None:
        source_dir = Path(source_dir)
        if not source_dir.is_dir():
            raise RefdataError(f"--from {source_dir}: no such folder")
    with tempfile.TemporaryDirectory(prefix="lsip-refdata-") as staging:
        staged = {}
        for entry in entries:
            staged[entry.key] = _stage(entry, source_dir, Path(staging))
            progress(entry)
        return _apply(entries, staged, source_dir)


def _select(catalogue, keys):
    catalogue = list(catalogue)
    if keys is None:
        return catalogue
    known = {entry.key: entry for entry in catalogue}
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise RefdataError(
            f"unknown reference file {', '.join(unknown)}; known: {', '.join(known)}"
        )
    wanted = set(keys)  # in catalogue order: loaders rely on the files before them
    return [entry for entry in catalogue if entry.key in wanted]


def _stage(entry: RefFile, source_dir: Path | None, staging: Path) -> Path:
    target = staging / entry.filename
    if source_dir is None:
        _download(entry, target)
    else:
        candidates = [source_dir / entry.folder / entry.filename, source_dir / entry.filename]
        found = next((path for path in candidates if path.is_file()), None)
        if found is None:
            raise RefdataError(
                f"{entry.filename}: not found in {source_dir} "
                f"(looked for {entry.folder}/{entry.filename} and {entry.filename})"
            )
        shutil.copyfile(found, target)
    actual = sha256_of(target)
    if actual != entry.sha256:
        raise RefdataError(
            f"{entry.filename}: checksum mismatch (SHA-256 {actual}, expected {entry.sha256}); "
            "the file is altered, truncated or a different edition, so nothing was installed"
        )
    return target


def _download(entry: RefFile, target: Path) -> None:
    try:
        with urllib.request.urlopen(entry.url, timeout=60) as response, target.open("wb") as out:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise RefdataError(
            f"{entry.filename}: cannot download {entry.url} ({reason}); "
            "to install from copies of the files, use --from FOLDER"
        ) from None


def _apply(entries, staged, source_dir) -> list[InstalledFile]:
    now = timezone.now()
    records = []
    with transaction.atomic(), acting_as(None, "lsip refdata install"):
        for entry in entries:
            loader = LOADERS.get(entry.key)
            if loader:
                loader(staged[entry.key])
            destination = installed_dir() / entry.folder / entry.filename
            record, _ = InstalledFile.objects.update_or_create(
                key=entry.key,
                defaults={
                    "filename": entry.filename,
                    "title": entry.title,
                    "publisher": entry.publisher,
                    "edition": entry.edition,
                    "licence": entry.licence,
                    "sha256": entry.sha256,
                    "size": staged[entry.key].stat().st_size,
                    "source": str(source_dir / entry.folder) if source_dir else entry.url,
                    "path": str(destination),
                    "installed_on": now,
                },
            )
            records.append(record)
        for entry in entries:  # last: a failure above leaves the installed files untouched
            destination = installed_dir() / entry.folder / entry.filename
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(staged[entry.key], destination)
    return records

"""Finding the ONS files, and keeping a built coder on disk so that it starts in a blink.

A coder is built from the files once (a few seconds) and saved as a pickle named after the
coder's code and the files' SHA-256, next to the files or in the user's cache folder.
A newer edition of a file, or a change to the coder, builds afresh.
"""

import hashlib
import os
import pickle
from pathlib import Path

SOC_FILES = (
    "soc2020/soc2020volume1structureanddescriptionofunitgroupsexcel16042025.xlsx",
    "soc2020/soc2020volume2thecodingindexexcel16102024_3col.csv",
)
SIC_FILES = (
    "sic2007/publisheduksicsummaryofstructureworksheet.xlsx",
    "sic2007/uksic2007indexeswithaddendumdecember2022.xlsx",
)


class CoderFilesMissingError(FileNotFoundError):
    pass


def default_source() -> Path:
    """The installed reference files: $LSIP_DATA_DIR/refdata, else ./var/refdata."""
    return Path(os.environ.get("LSIP_DATA_DIR", "var")) / "refdata"


def _files(source: Path, names) -> list[Path]:
    paths = [source / name for name in names]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise CoderFilesMissingError(
            f"coder files not found: {', '.join(missing)}; run `lsip refdata install`"
        )
    return paths


def _cache_folder(source: Path) -> Path:
    folder = source / "coder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "lsip" / "coder"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def load(kind: str, factory, version: str, names, source=None):
    source = Path(source) if source else default_source()
    paths = _files(source, names)
    digest = hashlib.sha256(version.encode())
    folder = Path(__file__).parent
    for path in sorted([*folder.glob("*.py"), *folder.glob("data/*.npz")]):  # code, table
        digest.update(path.read_bytes())
    for path in paths:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    cached = _cache_folder(source) / f"{kind}-{digest.hexdigest()[:16]}.pickle"
    if cached.is_file():
        with cached.open("rb") as handle:
            return pickle.load(handle)  # written by this function, never from outside
    coder = factory(*paths)
    temporary = cached.with_suffix(f".{os.getpid()}.tmp")  # workers may build at once
    with temporary.open("wb") as handle:
        pickle.dump(coder, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(cached)
    return coder

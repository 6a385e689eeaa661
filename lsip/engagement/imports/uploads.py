"""Uploaded spreadsheets waiting to be mapped, previewed and applied.

Each upload is kept in its own folder under settings.DATA_DIR / "imports" / area slug, with
the chosen mapping beside it, so that the pages can move from step to step without holding
the file in the session. An upload is found only within its own area, and by the pages only
for the person who uploaded it; one never imported is deleted after a day (jobs.cleanup).
"""

import json
import re
import uuid
from pathlib import Path

from django.conf import settings


def imports_root() -> Path:
    return Path(settings.DATA_DIR) / "imports"


def imports_dir(area) -> Path:
    return imports_root() / area.slug


def safe_name(name: str) -> str:
    name = Path(str(name)).name
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "upload"
    return name[-120:]


def store_upload(area, filename: str, chunks, user=None) -> str:
    """Keep an uploaded file (bytes or an iterable of chunks); return its token."""
    token = uuid.uuid4().hex
    folder = imports_dir(area) / token
    folder.mkdir(parents=True)
    path = folder / safe_name(filename)
    with path.open("wb") as handle:
        if isinstance(chunks, bytes):
            handle.write(chunks)
        else:
            for chunk in chunks:
                handle.write(chunk)
    meta = {"filename": str(filename)[:255], "stored": path.name, "user": getattr(user, "pk", None)}
    (folder / "meta.json").write_text(json.dumps(meta, default=str))
    return token


def upload(area, token: str, user=None):
    """(path of the file, its original name, the saved mapping or None), or None when there is
    no such upload in this area, or (given `user`) when it is not that person's: an upload
    holds personal data (contacts) and is private to whoever uploaded it until imported."""
    if not re.fullmatch(r"[0-9a-f]{32}", str(token)):
        return None
    folder = imports_dir(area) / token
    meta_path = folder / "meta.json"
    if not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text())
    if user is not None and (meta.get("user") is None or str(meta["user"]) != str(user.pk)):
        return None
    mapping_path = folder / "mapping.json"
    mapping = json.loads(mapping_path.read_text()) if mapping_path.is_file() else None
    return folder / meta["stored"], meta["filename"], mapping


def save_mapping(area, token: str, mapping: dict) -> None:
    (imports_dir(area) / token / "mapping.json").write_text(json.dumps(mapping))


def discard(area, token: str) -> None:
    import shutil

    shutil.rmtree(imports_dir(area) / token, ignore_errors=True)

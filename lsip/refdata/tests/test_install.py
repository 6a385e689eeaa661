"""`lsip refdata install`: checked, recorded, all or nothing, from a folder or a download."""

import functools
import hashlib
import http.server
import threading

import pytest

from lsip.areas.models import LocalAuthority
from lsip.refdata.catalogue import CATALOGUE, RefFile
from lsip.refdata.errors import RefdataError
from lsip.refdata.install import install, installed_path
from lsip.refdata.models import InstalledFile


def _entry(key, content: bytes, url="http://127.0.0.1:9/none"):
    return RefFile(
        key,
        "things",
        f"{key}.csv",
        f"Test file {key}",
        "ONS",
        "2026",
        hashlib.sha256(content).hexdigest(),
        url,
    )


@pytest.fixture
def copies(tmp_path):
    folder = tmp_path / "copies"
    (folder / "things").mkdir(parents=True)
    (folder / "things" / "alpha.csv").write_bytes(b"code,name\n1,one\n")
    (folder / "things" / "beta.csv").write_bytes(b"code,name\n2,two\n")
    return folder


def test_install_from_a_folder_records_file_edition_checksum_and_date(db, copies):
    entries = [_entry("alpha", b"code,name\n1,one\n"), _entry("beta", b"code,name\n2,two\n")]
    install(source_dir=copies, catalogue=entries)
    record = InstalledFile.objects.get(key="alpha")
    assert record.sha256 == entries[0].sha256
    assert record.edition == "2026"
    assert record.installed_on is not None
    assert installed_path("alpha").read_bytes() == b"code,name\n1,one\n"
    assert (record.size, record.source) == (16, str(copies / "things"))


def test_an_altered_file_is_refused_and_nothing_is_installed(db, copies, settings):
    entries = [_entry("alpha", b"code,name\n1,one\n"), _entry("beta", b"something else")]
    with pytest.raises(RefdataError, match="beta.csv: checksum mismatch"):
        install(source_dir=copies, catalogue=entries)
    assert not InstalledFile.objects.exists()
    assert not (settings.DATA_DIR / "refdata").exists()


def test_a_missing_file_is_named_with_where_it_was_looked_for(db, copies):
    with pytest.raises(RefdataError, match=r"gamma.csv: not found in .*things/gamma.csv"):
        install(source_dir=copies, catalogue=[_entry("gamma", b"")])


def test_a_folder_that_does_not_exist_is_refused(db, tmp_path):
    with pytest.raises(RefdataError, match="no such folder"):
        install(source_dir=tmp_path / "nowhere", catalogue=[_entry("alpha", b"")])


def test_download_from_the_pinned_url_is_checked_like_a_copy(db, copies):
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(copies / "things")
    )
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/alpha.csv"
        install(catalogue=[_entry("alpha", b"code,name\n1,one\n", url)])
        assert InstalledFile.objects.get(key="alpha").source == url
        with pytest.raises(RefdataError, match="checksum mismatch"):
            install(catalogue=[_entry("beta", b"not beta", url.replace("alpha", "beta"))])
    finally:
        server.shutdown()


def test_an_unreachable_download_says_to_use_a_folder(db):
    with pytest.raises(RefdataError, match="cannot download .*use --from FOLDER"):
        install(catalogue=[_entry("alpha", b"", "http://127.0.0.1:9/alpha.csv")])


def test_the_real_reference_files_match_their_pinned_checksums(db, refdata_folder):
    records = install(source_dir=refdata_folder)
    assert len(records) == len(CATALOGUE)
    assert LocalAuthority.objects.get(name="Shropshire").gss_code == "E06000051"


def test_a_lookup_that_disagrees_with_annex_b_changes_nothing(db, refdata_folder):
    LocalAuthority.objects.filter(name="Shropshire").update(name="Salop")
    with pytest.raises(RefdataError, match="not in the file: Salop.*no area: Shropshire"):
        install(source_dir=refdata_folder)
    assert not InstalledFile.objects.exists()
    assert not LocalAuthority.objects.exclude(gss_code="").exists()

"""`lsip code soc|sic FILE`: real files in, coded files out, in processes or on Dask."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

LSIP = [str(Path(sys.executable).parent / "lsip")]
FILES = (
    "soc2020/soc2020volume1structureanddescriptionofunitgroupsexcel16042025.xlsx",
    "soc2020/soc2020volume2thecodingindexexcel16102024_3col.csv",
    "sic2007/publisheduksicsummaryofstructureworksheet.xlsx",
    "sic2007/uksic2007indexeswithaddendumdecember2022.xlsx",
)


@pytest.fixture
def lsip(tmp_path, refdata_folder):
    """Run `lsip` with the coder's ONS files installed in a fresh data folder."""
    for name in FILES:
        target = tmp_path / "data" / "refdata" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(refdata_folder / name, target)
    env = {
        **os.environ,
        "LSIP_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'lsip.sqlite3'}",
    }

    def run(*args):
        return subprocess.run(
            [*LSIP, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
        )

    return run


def read_csv(path):
    import csv

    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_csv_of_titles_comes_back_coded_with_a_summary(lsip, tmp_path):
    source = tmp_path / "adverts.csv"
    source.write_text(
        "title,employer\nSnr Care Asst - Nights,Acme Care\n,Blank Ltd\nSofware developer,Code Co\n",
        encoding="utf-8",
    )
    result = lsip("code", "soc", str(source), "--column", "title", "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "out.csv")
    assert [r["soc_code"] for r in rows] == ["6136", "", "2134"]
    assert [r["soc_status"] for r in rows] == ["coded", "empty", "coded"]
    assert rows[0]["employer"] == "Acme Care"
    assert "coded" in result.stdout
    assert "empty" in result.stdout


def test_windows_encoded_csv_and_xlsx_output(lsip, tmp_path):
    source = tmp_path / "survey.csv"
    source.write_bytes("role,pay\nKitchen porter,£11.44 ph\n".encode("cp1252"))
    out = tmp_path / "out.xlsx"
    result = lsip("code", "soc", str(source), "--column", "role", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("role", "pay", "soc_code")
    assert rows[1][1] == "£11.44 ph"
    assert rows[1][2] == "9263"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("titles.csv", b"job\nCare assistant\n", "no column named 'title'; the columns are 'job'"),
        ("titles.csv", b"\x00\x01\x02binary", "a binary file, not CSV text"),
        ("titles.xlsx", b"not a zip file", "not a readable XLSX workbook"),
        ("titles.pdf", b"%PDF-1.4", "not a CSV or XLSX file"),
        ("titles.csv", b"", "the file has no rows"),
    ],
)
def test_a_bad_file_is_one_clear_message_and_nothing_is_written(
    lsip, tmp_path, name, content, message
):
    source = tmp_path / name
    source.write_bytes(content)
    result = lsip("code", "soc", str(source), "--column", "title", "-o", str(tmp_path / "o.csv"))
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "o.csv").exists()


def test_many_rows_run_in_several_processes_in_order(lsip, tmp_path):
    titles = ["Care assistant", "Barista", "Chef de partie"] * 1500
    source = tmp_path / "many.csv"
    source.write_text("title\n" + "\n".join(titles) + "\n", encoding="utf-8")
    result = lsip(
        "code",
        "soc",
        str(source),
        "--column",
        "title",
        "--workers",
        "2",
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "out.csv")
    assert [r["title"] for r in rows] == titles
    assert {r["soc_code"] for r in rows[1::3]} == {"9266"}


def test_batches_run_on_a_local_dask_cluster(lsip, tmp_path):
    from dask.distributed import LocalCluster

    source = tmp_path / "descriptions.csv"
    source.write_text("business\nWe make bespoke kitchens\nSecondary school\n", encoding="utf-8")
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = lsip(
            "code",
            "sic",
            str(source),
            "--column",
            "business",
            "--dask",
            cluster.scheduler_address,
            "-o",
            str(tmp_path / "out.csv"),
        )
    assert result.returncode == 0, result.stderr
    assert [r["sic_code"] for r in read_csv(tmp_path / "out.csv")][1] == "85310"


def test_an_areas_learned_mappings_are_used_with_area(lsip, tmp_path):
    assert lsip("manage", "migrate", "--verbosity", "0").returncode == 0
    setup = (
        "from lsip.areas.models import Area; from lsip.classification.models import "
        "LearnedMapping as L; L.objects.create(area=Area.objects.get(slug='the-marches'), "
        "key='wrangler', code='9119', coder_version='soc-1.0')"
    )
    assert lsip("manage", "shell", "-c", setup).returncode == 0
    source = tmp_path / "titles.csv"
    source.write_text("title\nWrangler\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = lsip(
        "code", "soc", str(source), "--column", "title", "--area", "the-marches", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert read_csv(out)[0]["soc_code"] == "9119"
    assert read_csv(out)[0]["soc_method"] == "learned mapping"

"""Job-postings files: read and checked whole, titles coded to SOC 2020, counted by district."""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from lsip.economy.models import ENGLAND, Dataset, Observation
from lsip.economy.postings import (
    OUTSIDE,
    aggregate,
    code_titles,
    import_postings,
    match_locations,
    parquet_path,
    read_postings,
)
from lsip.economy.readers.base import ReadError

KEYS = [
    "lsip-lookup",
    "lad-2011-to-2021",
    "uk-lad-2021-regions",
    "soc2020-volume1",
    "soc2020-coding-index",
]

#: Real titles with the unit group the coder gives them ("" = below the auto-code threshold).
TITLES = {
    "Groundworker": "9121",
    "Senior care assistant": "6136",
    "snr care asst": "6136",
    "Site manager": "",
}
#: Locations as adverts write them, with the district they are in (None: left out).
LOCATIONS = {
    "Shropshire": "Shropshire",
    "Shrewsbury, Shropshire": "Shropshire",
    "Telford, Telford and Wrekin": "Telford and Wrekin",
    "Herefordshire, County of": "Herefordshire, County of",
    "Birmingham": "Birmingham",
    "Cardiff": None,
    "Remote": None,
}
HEADER = ["Job Title", "Employer", "Location", "Date", "SIC", "Salary"]


@pytest.fixture
def installed(db, settings, installed_once):
    """The folder of installed reference files, shared by the module's tests; each test keeps
    its own data folder for what it writes."""
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    (settings.DATA_DIR / "refdata").symlink_to(installed_once, target_is_directory=True)
    return installed_once


@pytest.fixture(scope="module")
def installed_once(django_db_setup, django_db_blocker, refdata_folder_module, tmp_path_factory):
    """The lookups and the SOC files, installed once for the module (the coding index takes
    seconds to load) and rolled back after it. Yields the folder of installed files."""
    from django.db import transaction
    from django.test import override_settings

    from lsip.refdata.install import install, installed_dir

    data_dir = tmp_path_factory.mktemp("data")
    with django_db_blocker.unblock(), override_settings(DATA_DIR=data_dir), transaction.atomic():
        install(source_dir=refdata_folder_module, keys=KEYS)
        yield installed_dir()
        transaction.set_rollback(True)


def advert_rows(count=200):
    titles, places = list(TITLES), list(LOCATIONS)
    rows = []
    for n in range(count):
        day = date(2025, 1 + n % 3, 1 + n % 28)
        written = day.isoformat() if n % 2 else f"{day:%d/%m/%Y}"
        sic = ["62012", "10.71", "", "8810"][n % 4]
        rows.append(
            [
                titles[n % len(titles)],
                f"Employer {n % 7}",
                places[n % len(places)],
                written,
                sic,
                "£24,000",
            ]
        )
    return rows


def write_csv(path, rows, header=HEADER):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def gss(name):
    from lsip.areas.models import LocalAuthority

    return LocalAuthority.objects.get(name=name).gss_code


def expected(rows):
    """Counts worked out by hand from the rows: (district name, SOC or "uncoded", month)."""
    found = Counter()
    for title, _, place, written, _, _ in rows:
        district = LOCATIONS[place]
        if district is None:
            continue
        day = date.fromisoformat(written) if "-" in written else None
        if day is None:
            d, m, y = written.split("/")
            day = date(int(y), int(m), int(d))
        found[(district, TITLES[title] or "uncoded", f"{day:%Y-%m}")] += 1
    return found


def stored(dataset, geography, breakdown, period):
    observation = Observation.objects.filter(
        dataset=dataset, geography=geography, breakdown=breakdown, period=period
    ).first()
    return observation.value if observation else 0


def test_a_postings_file_is_coded_and_counted_by_soc_district_and_month(installed, tmp_path):
    rows = advert_rows()
    path = write_csv(tmp_path / "adverts.csv", rows)
    stages = set()
    dataset = import_postings(path, progress=lambda done, total, stage: stages.add(stage))

    assert dataset.family == "job-postings"
    assert dataset.publisher == "Imported file"
    assert dataset.licence == "As licensed to the ERB"
    assert dataset.edition_date == date(2025, 3, 28)
    assert dataset.periods == ["2025-01", "2025-02", "2025-03"]
    assert "Storing figures" in stages
    assert "Coding titles to SOC 2020" in stages
    for (district, soc, month), count in expected(rows).items():
        assert stored(dataset, gss(district), f"soc2020={soc}", month) == count, (district, soc)
    by_district = Counter()
    for (district, _, month), count in expected(rows).items():
        by_district[(district, month)] += count
    for (district, month), count in by_district.items():
        assert stored(dataset, gss(district), "", month) == count
    inside = sum(by_district.values())
    england = Observation.objects.filter(dataset=dataset, geography=ENGLAND, breakdown="")
    assert sum(o.value for o in england) == inside
    assert stored(dataset, ENGLAND, "soc2020=6136", "2025-01") == sum(
        c for (_, soc, m), c in expected(rows).items() if soc == "6136" and m == "2025-01"
    )
    assert dataset.breakdowns["soc2020=9121"].startswith("SOC 2020 9121 ")
    assert dataset.breakdowns["soc2020=uncoded"].startswith("Not coded")
    sic = Observation.objects.filter(dataset=dataset, breakdown="sic2007-division=62")
    assert sic.exists()
    assert "sic2007-division=88" in dataset.breakdowns

    # unmatched and outside places are left out and counted
    assert dataset.skipped == {OUTSIDE: len(rows) - inside}


def test_the_parquet_is_kept_and_aggregate_reproduces_the_stored_figures(installed, tmp_path):
    dataset = import_postings(write_csv(tmp_path / "adverts.csv", advert_rows()))
    kept = parquet_path(dataset.pk)
    assert kept.is_file()
    assert pl.read_parquet(kept).height == 200
    again = {(f.geography, f.breakdown, f.period): f.value for f in aggregate(kept)}
    figures = {
        (o.geography, o.breakdown, o.period): o.value
        for o in Observation.objects.filter(dataset=dataset)
    }
    assert again == figures
    assert dataset.rows == len(figures)


def test_the_same_file_again_is_refused(installed, tmp_path):
    path = write_csv(tmp_path / "adverts.csv", advert_rows())
    import_postings(path)
    with pytest.raises(ReadError, match="This file was imported"):
        import_postings(path)
    assert Dataset.objects.count() == 1
    # the same months in another file of the same edition date are refused too
    other = write_csv(tmp_path / "other.csv", advert_rows()[:-1] + [advert_rows()[-1][:5] + ["x"]])
    with pytest.raises(ReadError, match="2025-01 is already imported"):
        import_postings(other)
    assert Dataset.objects.count() == 1


def test_a_file_without_a_date_column_is_refused(installed, tmp_path):
    rows = [r[:3] for r in advert_rows(5)]
    path = write_csv(tmp_path / "no-date.csv", rows, header=["title", "employer", "location"])
    with pytest.raises(ReadError) as caught:
        import_postings(path)
    assert [(p.row, p.field) for p in caught.value.problems] == [(None, "date")]
    assert Dataset.objects.count() == 0


def test_every_bad_row_is_named_and_nothing_is_stored(installed, tmp_path):
    rows = advert_rows(20)
    rows[2][3] = "31/02/2025"
    rows[5][3] = "next Tuesday"
    rows[7][3] = ""
    rows[9][0] = "  "
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ReadError) as caught:
        import_postings(path)
    problems = [(p.row, p.field) for p in caught.value.problems]
    assert problems == [(4, "date"), (7, "date"), (9, "date"), (11, "title")]
    assert "'next Tuesday' is not a date" in str(caught.value.problems[1])
    assert Dataset.objects.count() == 0
    assert not list(parquet_path("x").parent.glob("*.parquet"))


def test_the_list_of_bad_rows_is_capped_with_a_count_of_the_rest(tmp_path):
    rows = [["Chef", "", "Shropshire", "soon", "", ""]] * 1005
    with pytest.raises(ReadError) as caught:
        read_postings(write_csv(tmp_path / "bad.csv", rows))
    assert len(caught.value.problems) == 1001
    assert "5 more problems" in str(caught.value.problems[-1])


def test_columns_are_found_in_any_case_and_parquet_is_read(tmp_path):
    frame = pl.DataFrame(
        {
            "TITLE": ["Chef"],
            "LOCATION": ["Shropshire"],
            "Date": [date(2025, 4, 1)],
            "Sic": [1110],
        }
    )
    frame.write_parquet(tmp_path / "a.parquet")
    read = read_postings(tmp_path / "a.parquet")
    assert read.row(0, named=True) | {"employer": None} == {
        "row": 2,
        "title": "Chef",
        "employer": None,
        "location": "Shropshire",
        "date": date(2025, 4, 1),
        "sic": "01110",
        "salary": None,
        "publisher": None,
    }


def test_locations_match_the_whole_string_then_each_part_from_the_right(installed):
    found = match_locations(
        ["Shrewsbury, Shropshire", "Telford and Wrekin", "Newport, Shropshire", "Cardiff", "Mars"]
    )
    assert found == {
        "Shrewsbury, Shropshire": gss("Shropshire"),
        "Telford and Wrekin": gss("Telford and Wrekin"),
        "Newport, Shropshire": gss("Shropshire"),
        "Cardiff": None,
        "Mars": None,
    }


def test_the_command_imports_and_reports_bad_rows(installed, tmp_path):
    from click.testing import CliRunner

    from lsip.cli.postings import COMMAND

    rows = advert_rows(30)
    ok = CliRunner().invoke(COMMAND, [str(write_csv(tmp_path / "a.csv", rows)), "--workers", "1"])
    assert ok.exit_code == 0, ok.output
    assert "imported" in ok.output
    assert OUTSIDE in ok.output
    rows[3][3] = "soon"
    bad = CliRunner().invoke(COMMAND, [str(write_csv(tmp_path / "b.csv", rows))])
    assert bad.exit_code == 1
    assert "Row 5, date: 'soon' is not a date" in bad.output
    assert Dataset.objects.count() == 1


def test_titles_are_coded_alike_in_worker_processes(installed):
    titles = [f"{title} {n % 3 or ''}".strip() for n, title in enumerate(list(TITLES) * 600)]
    source = str(installed)
    alone = code_titles(titles, source=source, workers=1)
    shared = code_titles(titles, source=source, workers=2)  # 2 batches of 2,000 titles
    assert shared.equals(alone)
    assert alone.filter(pl.col("key") == "Groundworker").get_column("soc_code")[0] == "9121"


def test_a_small_xlsx_is_read_with_date_cells_and_numeric_sic_codes(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Job title", "Location", "Date posted", "SIC code"])
    sheet.append(["Chef", "Shropshire", date(2025, 3, 4), 1110])
    workbook.save(tmp_path / "a.xlsx")
    read = read_postings(tmp_path / "a.xlsx")
    assert read.select("title", "date", "sic").row(0) == ("Chef", date(2025, 3, 4), "01110")


def test_a_file_with_no_advert_in_england_is_refused(installed, tmp_path):
    rows = [["Chef", "", "Cardiff", "2025-01-02", "", ""]]
    with pytest.raises(ReadError, match="(?i)no advert is in a district of England"):
        import_postings(write_csv(tmp_path / "wales.csv", rows))
    assert Dataset.objects.count() == 0


def test_an_areas_file_is_its_own_and_uses_its_learned_mappings(installed, marches, tmp_path):
    from lsip.classification.models import LearnedMapping

    LearnedMapping.objects.create(area=marches, key="site manager", code="1122", coder_version="x")
    path = write_csv(tmp_path / "adverts.csv", advert_rows())
    dataset = import_postings(path, area=marches)
    assert dataset.area == marches
    assert stored(dataset, gss("Shropshire"), "soc2020=uncoded", "2025-01") == 0
    assert stored(dataset, ENGLAND, "soc2020=1122", "2025-01") > 0
    # another area, or the open data, may import the same file
    assert import_postings(path).area is None


def test_the_area_profile_lists_the_occupations_most_advertised(installed, marches, tmp_path):
    from lsip.economy import indicators

    rows = advert_rows(200)
    import_postings(write_csv(tmp_path / "adverts.csv", rows), workers=1)
    postings = indicators.profile(marches)["postings"]
    counts = Counter(
        TITLES[title]
        for title, _, place, *_ in rows
        if LOCATIONS[place] in ("Shropshire", "Telford and Wrekin", "Herefordshire, County of")
        and TITLES[title]
    )
    listed = {row["breakdown"]: row["value"] for row in postings.rows}
    assert listed == {f"soc2020={soc}": count for soc, count in counts.items()}
    assert sum(row["share"] for row in postings.rows) == pytest.approx(1)
    assert postings.rows[0]["label"].startswith(postings.rows[0]["breakdown"].split("=")[1])


def test_the_import_page_runs_a_postings_file_as_a_job(
    installed, tmp_path, client, people, run_jobs
):
    """The page answers at once with the job's page; the worker reads, codes and counts the
    file, and the job page links to the dataset it made. The upload is deleted after success."""
    from lsip.jobs.models import Job

    client.force_login(people["erb_editor"])
    path = write_csv(tmp_path / "adverts.csv", advert_rows())
    with path.open("rb") as handle:
        page = client.post(
            "/areas/the-marches/economy/data/import/", {"file": handle, "kind": "postings-import"}
        )
    job = Job.objects.get()
    assert page.url == job.get_absolute_url()
    assert Path(job.upload).is_dir()
    assert not Dataset.objects.filter(family="job-postings").exists()
    run_jobs()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    dataset = Dataset.objects.get(family="job-postings")
    assert dataset.area.slug == "the-marches"
    assert job.link.endswith(f"/economy/data/{dataset.pk}/")
    assert not Path(job.upload or job.params["path"]).exists()
    shown = client.get(page.url).content.decode()
    assert f"Imported {dataset.rows:,} figures" in shown

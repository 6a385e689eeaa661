"""The national batch: every area's skills needs coded to SOC 2020 at once, in this process
or on a Dask cluster, each area with its learned mappings; a person's confirmation stands."""

import datetime

import pytest
from click.testing import CliRunner

from lsip.areas.models import Cycle
from lsip.audit.models import AuditEntry
from lsip.classification.models import LearnedMapping
from lsip.cli import main
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.national import aggregates
from lsip.national.batch import aggregate_all_areas, code_all_areas
from lsip.national.tables import TABLES
from lsip.organisations.models import Organisation
from lsip.plans import services as plans
from lsip.plans.models import Priority
from lsip.refdata.install import install

SOC_KEYS = ["soc2020-volume1", "soc2020-coding-index"]


def needs(area, *words, **fields):
    employer = Organisation.objects.create(area=area, name=f"{area.slug} co", type="employer")
    engagement = Engagement.objects.create(area=area, type="survey", date=datetime.date(2026, 1, 5))
    engagement.organisations.add(employer)
    return [
        SkillsNeed.objects.create(
            area=area,
            engagement=engagement,
            organisation=employer,
            words=w,
            need_type="shortage",
            **fields,
        )
        for w in words
    ]


@pytest.fixture
def evidence(marches, west_midlands, people, refdata_folder):
    install(source_dir=refdata_folder, keys=SOC_KEYS)
    LearnedMapping.objects.create(
        area=west_midlands, key="wrangler", code="9119", coder_version="soc-1.0"
    )
    return {
        "marches": needs(marches, "Care assistant", "Wrangler"),
        "west": needs(west_midlands, "Care assistant", "Wrangler"),
        "confirmed": needs(
            marches, "HGV driver", soc_code="1111", soc_confirmed_by=people["erb_editor"]
        ),
    }


def codes(found):
    return [SkillsNeed.objects.get(pk=n.pk).soc_code for n in found]


def test_every_areas_needs_are_coded_in_one_process(evidence):
    summary = code_all_areas()
    assert codes(evidence["marches"])[0] == codes(evidence["west"])[0] == "6135"
    assert codes(evidence["west"])[1] == "9119"  # that area's learned mapping
    assert codes(evidence["marches"])[1] != "9119"
    assert codes(evidence["confirmed"]) == ["1111"]  # a person's confirmation stands
    assert summary["the-marches"]["changed"] >= 1
    assert summary["west-midlands"]["changed"] == 2
    entry = AuditEntry.objects.get(area__slug="west-midlands", model="engagement.skillsneed")
    assert entry.changes == {"needs coded again": [None, 2]}
    assert code_all_areas()["west-midlands"]["changed"] == 0  # nothing changes a second time


def test_the_batch_runs_on_a_dask_cluster_when_given_its_address(evidence):
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = CliRunner().invoke(
            main,
            ["national", "code", "--area", "west-midlands", "--dask", cluster.scheduler_address],
        )
    assert result.exit_code == 0, result.output
    assert "west-midlands: " in result.output
    assert "2 changed" in result.output
    assert codes(evidence["west"]) == ["6135", "9119"]
    assert SkillsNeed.objects.get(pk=evidence["marches"][0].pk).soc_code == ""  # not asked


@pytest.fixture
def planned(marches, west_midlands, people):
    """Two areas with a plan each and coded skills needs."""
    editor = people["erb_editor"]
    for area, codes in ((marches, ["5241", "2134"]), (west_midlands, ["5241"])):
        cycle = Cycle.objects.create(area=area, start_year=2026, end_year=2029)
        plan = plans.create_plan(cycle=cycle, title=f"{area.name} LSIP", actor=editor)
        plans.save(Priority(plan=plan, title="Construction", soc_codes=codes), actor=editor)
        for need in needs(area, "Electrician", "Carer"):
            need.soc_code = "5241" if need.words == "Electrician" else "6131"
            need.save()
    return marches, west_midlands


@pytest.mark.django_db(transaction=True)
def test_aggregating_on_a_dask_cluster_gives_what_one_process_gives(planned, tmp_path):
    """Each worker reads its area from the database (committed: transaction=True), and the
    combined tables are the same as those worked out in this one process."""
    from dask.distributed import LocalCluster

    alone = aggregate_all_areas()
    assert alone.computed == {a.pk for a in alone.areas} | {None}
    by_code = {r.code: r for r in aggregates.soc_table("unit", alone)}
    assert (by_code["5241"].areas_prioritising, by_code["5241"].needs) == (2, 2)
    runner = CliRunner()
    result = runner.invoke(main, ["national", "aggregate", "-o", str(tmp_path / "alone")])
    assert result.exit_code == 0, result.output
    assert "39 areas worked out" in result.output
    assert "soc-unit: 3 rows" in result.output  # 5241, 2134 and 6131
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = aggregate_all_areas(dask_address=cluster.scheduler_address)
        result = runner.invoke(
            main,
            ["national", "aggregate", "--dask", cluster.scheduler_address]
            + ["-o", str(tmp_path / "dask")],
        )
    assert result.exit_code == 0, result.output
    assert on_dask.parts == alone.parts
    assert on_dask.areas == alone.areas
    for key, table in TABLES.items():
        assert table.rows(on_dask) == table.rows(alone), key
        name = f"lsip-england-{key}.csv"
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    # the parts are kept for the national view: its next answer works nothing out again
    assert aggregates.national_figures().computed == set()

"""The national batch: every area's skills needs coded to SOC 2020 at once, in this process
or on a Dask cluster, each area with its learned mappings; a person's confirmation stands."""

import datetime

import pytest
from click.testing import CliRunner

from lsip.audit.models import AuditEntry
from lsip.classification.models import LearnedMapping
from lsip.cli import main
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.national.batch import code_all_areas
from lsip.organisations.models import Organisation
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

"""The chain from an employer's words to a confirmed SOC code."""

import datetime

import pytest

from lsip.classification import services as coding
from lsip.classification.models import CodingReview
from lsip.engagement import services
from lsip.organisations.models import Organisation
from lsip.refdata.install import install


@pytest.fixture
def employer(marches):
    return Organisation.objects.create(area=marches, name="Paveaways", type="employer")


@pytest.fixture
def engagement(marches, employer):
    return services.record_engagement(
        area=marches,
        type="interview",
        date=datetime.date(2025, 11, 3),
        organisations=[employer],
        actor=None,
        erb_staff="Rosie Beswick",
    )


def test_a_need_in_the_employers_words_is_coded(engagement, employer, refdata_folder):
    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])
    need = services.add_skills_need(
        engagement=engagement,
        organisation=employer,
        words="groundworkers x3",
        need_type="shortage",
        actor=None,
        level="2",
        number=3,
    )
    assert need.words == "groundworkers x3"
    assert need.soc_code == "9121"
    assert need.soc_method
    assert need.soc_confirmed is False


def test_an_unsure_need_is_queued_and_a_confirmation_codes_it(
    engagement, employer, people, refdata_folder
):
    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])
    need = services.add_skills_need(
        engagement=engagement,
        organisation=employer,
        words="Site manager",
        need_type="shortage",
        actor=None,
    )
    assert need.soc_code == ""
    review = CodingReview.objects.get(key="site manager")
    coding.confirm(review=review, code="5330", actor=people["erb_editor"])
    need.refresh_from_db()
    assert need.soc_code == "5330"
    assert need.soc_confirmed_by == people["erb_editor"]


def test_without_the_coder_files_a_need_is_kept_uncoded(engagement, employer):
    need = services.add_skills_need(
        engagement=engagement,
        organisation=employer,
        words="Care assistant",
        need_type="gap",
        actor=None,
    )
    assert need.soc_code == ""
    assert need.pk is not None

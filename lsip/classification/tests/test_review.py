"""The human in the loop: queue what the coder is unsure of, learn what a person confirms."""

import pytest
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.classification import services
from lsip.classification.coder import Method, Status
from lsip.classification.models import CodingReview, LearnedMapping
from lsip.refdata.install import install


@pytest.fixture
def soc_installed(db, refdata_folder):
    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])


def test_pasted_titles_are_coded_and_the_unsure_ones_queued(client, people, marches, soc_installed):
    client.force_login(people["erb_editor"])
    url = reverse("coding:code-titles", kwargs={"area_slug": marches.slug})
    page = client.post(url, {"titles": "Care assistant\nOperations manager\n\n12345"})
    assert page.status_code == 200
    assert "6135" in page.text
    assert "1 title needs a person" in page.text
    review = CodingReview.objects.get(area=marches)
    assert review.text == "Operations manager"
    assert review.coder_status == Status.NOT_CODABLE
    assert len(review.candidates) > 1
    client.post(url, {"titles": "Operations Manager"})
    assert CodingReview.objects.filter(area=marches).count() == 1  # already waiting


def test_a_confirmed_code_is_recorded_and_learned_for_this_area_only(
    client, people, marches, west_midlands, soc_installed
):
    services.code_titles(area=marches, titles=["Operations manager"], actor=None)
    review = CodingReview.objects.get(area=marches)
    client.force_login(people["erb_editor"])
    queue = client.get(reverse("coding:review-queue", kwargs={"area_slug": marches.slug}))
    assert "Operations manager" in queue.text
    confirm = reverse("coding:review-confirm", kwargs={"area_slug": marches.slug, "pk": review.pk})
    client.post(confirm, {"code": review.candidates[1]["code"], "other_code": "1222"})

    review.refresh_from_db()
    assert review.status == CodingReview.Status.CONFIRMED
    assert review.chosen_code == "1222"  # the code typed in wins over the radio
    assert review.chosen_by == people["erb_editor"]
    assert review.coder_version.startswith("soc-")
    assert LearnedMapping.objects.get(area=marches).code == "1222"
    assert AuditEntry.objects.filter(model="classification.LearnedMapping", area=marches).exists()

    again = services.code_titles(area=marches, titles=["Operations Manager - Nights"], actor=None)
    assert (again[0].code, again[0].method) == ("1222", Method.LEARNED)
    elsewhere = services.code_titles(area=west_midlands, titles=["Operations manager"], actor=None)
    assert elsewhere[0].code == ""


def test_a_code_that_is_not_a_unit_group_is_refused(client, people, marches, soc_installed):
    services.code_titles(area=marches, titles=["Operations manager"], actor=None)
    review = CodingReview.objects.get(area=marches)
    client.force_login(people["erb_admin"])
    confirm = reverse("coding:review-confirm", kwargs={"area_slug": marches.slug, "pk": review.pk})
    response = client.post(confirm, {"other_code": "99"}, follow=True)
    assert "99 is not a SOC 2020 unit group" in response.text
    review.refresh_from_db()
    assert review.status == CodingReview.Status.PENDING
    assert not LearnedMapping.objects.exists()


def test_another_areas_review_cannot_be_confirmed(client, people, west_midlands, soc_installed):
    services.code_titles(area=west_midlands, titles=["Operations manager"], actor=None)
    review = CodingReview.objects.get(area=west_midlands)
    client.force_login(people["erb_admin"])
    confirm = reverse("coding:review-confirm", kwargs={"area_slug": "the-marches", "pk": review.pk})
    assert client.post(confirm, {"other_code": "1222"}).status_code == 404


def test_the_queue_says_why_and_offers_to_split_words_naming_two_occupations(
    client, people, marches, soc_installed
):
    services.code_titles(
        area=marches,
        titles=["We can't find CNC machinists or electricians with EV skills", "Labourer"],
        actor=None,
    )
    client.force_login(people["erb_editor"])
    queue = client.get(reverse("coding:review-queue", kwargs={"area_slug": marches.slug}))
    assert "These words name 2 occupations" in queue.text
    assert 'CNC machinists: <span class="lsip-code">5221</span>' in queue.text
    assert 'electricians: <span class="lsip-code">5241</span>' in queue.text
    assert "(detail: “with EV skills”)" in queue.text
    assert "nothing here chooses between them" in queue.text  # Labourer: several unit groups

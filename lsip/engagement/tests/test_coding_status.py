"""How a skills need's SOC code is shown: confidence in words, confirming it where it is,
who confirmed it and when, and the review queue linking back to the need."""

from django.urls import reverse
from django.utils import timezone

from lsip.classification.confidence import describe
from lsip.classification.models import CodingReview
from lsip.engagement import services
from lsip.refdata.install import install

SOC_KEYS = ["soc2020-volume1", "soc2020-coding-index"]


def detail(engagement):
    return reverse(
        "engagement:engagement-detail",
        kwargs={"area_slug": engagement.area.slug, "pk": engagement.pk},
    )


def add(engagement, employer, words):
    return services.add_skills_need(
        engagement=engagement, organisation=employer, words=words, need_type="shortage", actor=None
    )


def test_a_confidence_is_put_in_words_with_the_coders_thresholds():
    assert str(describe(0.99)) == "High confidence (0.99): coded automatically"
    assert describe(0.62).band == "medium"
    low = "Low confidence (0.17): more likely wrong than right; check this code"
    assert str(describe(0.17)) == low
    assert describe(0.72, "soc").band == "high"  # SOC auto-codes from 0.70
    assert describe(0.72, "sic").band == "medium"  # SIC only from 0.75
    assert describe(None) is None


def test_a_coded_need_is_confirmed_where_it_is_shown(
    client, people, engagement, employer, refdata_folder
):
    install(source_dir=refdata_folder, keys=SOC_KEYS)
    need = add(engagement, employer, "groundworkers x3")
    assert need.soc_code == "9121"
    client.force_login(people["erb_editor"])
    page = client.get(detail(engagement)).text
    assert "Not confirmed" in page
    assert str(describe(need.soc_confidence)) in page
    assert "review/?review=" not in page  # it is not in the queue: no link there
    assert "Confirm 9121" in page

    confirm = reverse(
        "coding:need-confirm", kwargs={"area_slug": engagement.area.slug, "pk": need.pk}
    )
    response = client.post(confirm, {"code": "9121", "next": detail(engagement)})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.soc_confirmed_by == people["erb_editor"]
    page = client.get(response.url).text
    assert "Confirmed" in page
    assert f"By erb_editor@example.org on {timezone.localdate():%-d %B %Y}" in page
    assert "confidence (" not in page
    # the coder has learned it: the same words elsewhere come coded and confirmed
    again = add(engagement, employer, "Groundworkers x3")
    assert again.soc_confirmed


def test_confirming_a_code_that_has_changed_since_the_page_was_read_is_refused(
    client, people, engagement, employer, refdata_folder
):
    install(source_dir=refdata_folder, keys=SOC_KEYS)
    need = add(engagement, employer, "groundworkers x3")
    client.force_login(people["erb_editor"])
    confirm = reverse(
        "coding:need-confirm", kwargs={"area_slug": engagement.area.slug, "pk": need.pk}
    )
    response = client.post(confirm, {"code": "1111"}, follow=True)
    assert "has changed: check its code again" in response.text
    need.refresh_from_db()
    assert need.soc_confirmed_by is None


def test_a_queued_need_links_to_its_title_and_the_title_back_to_the_need(
    client, people, engagement, employer, refdata_folder
):
    install(source_dir=refdata_folder, keys=SOC_KEYS)
    add(engagement, employer, "Site manager")
    review = CodingReview.objects.get(key="site manager")
    client.force_login(people["erb_editor"])
    page = client.get(detail(engagement)).text
    queue = reverse("coding:review-queue", kwargs={"area_slug": engagement.area.slug})
    assert f"{queue}?review={review.pk}" in page
    assert "Choose its code in the review queue" in page

    one = client.get(f"{queue}?review={review.pk}").text
    assert "Showing one title" in one
    assert employer.get_absolute_url() in one
    assert detail(engagement) in one
    assert "One-to-one interview on 3 November 2025" in one

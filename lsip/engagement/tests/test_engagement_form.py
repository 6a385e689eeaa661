"""The engagement form: the organisations picker and the cycle it starts on."""

import datetime

from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.engagement.forms import EngagementForm, default_cycle


def url(name, area, **kwargs):
    return reverse(f"engagement:{name}", kwargs={"area_slug": area.slug, **kwargs})


def cycle(area, start, status):
    return Cycle.objects.create(area=area, start_year=start, end_year=start + 3, status=status)


def test_organisations_are_a_picker_that_is_still_a_multiple_select(
    client, people, marches, employer
):
    client.force_login(people["erb_editor"])
    page = client.get(url("engagement-create", marches)).text
    assert 'data-module="lsip-picker-multiple"' in page
    assert 'data-chosen-label="Chosen organisations"' in page
    assert '<select name="organisations" data-module="lsip-picker-multiple"' in page
    assert 'id="id_organisations" multiple>' in page
    assert f'<option value="{employer.pk}">Paveaways</option>' in page
    assert "Hold Ctrl (or Cmd) to choose more than one." in page  # the hint without JavaScript
    assert "js/pickers.js" in page


def test_a_new_engagement_starts_on_the_open_cycle(client, people, marches):
    cycle(marches, 2022, Cycle.Status.CLOSED)
    current = cycle(marches, 2025, Cycle.Status.DEVELOPING)
    client.force_login(people["erb_editor"])
    page = client.get(url("engagement-create", marches)).text
    assert f'<option value="{current.pk}" selected>' in page
    assert '<option value="" selected>Not part of a cycle' not in page


def test_with_every_cycle_closed_a_new_engagement_is_not_part_of_one(marches):
    cycle(marches, 2022, Cycle.Status.CLOSED)
    form = EngagementForm(area=marches)
    assert form["cycle"].value() is None


def test_the_cycle_covering_today_wins_over_a_newer_one_in_preparation(marches):
    current = cycle(marches, 2025, Cycle.Status.PUBLISHED)
    cycle(marches, 2028, Cycle.Status.PREPARING)
    assert default_cycle(marches, today=datetime.date(2026, 12, 2)) == current
    assert default_cycle(marches, today=datetime.date(2030, 1, 1)).start_year == 2028


def test_a_saved_engagement_keeps_having_no_cycle(marches, engagement):
    cycle(marches, 2025, Cycle.Status.DEVELOPING)
    form = EngagementForm(area=marches, instance=engagement)
    assert form["cycle"].value() is None

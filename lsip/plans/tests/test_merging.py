"""A save applies only the fields the editor changed from the version they read: two people
changing different fields of one item both keep their change; the same field changed by both
to different values is refused (409) as before, naming the field."""

import pytest
from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.plans import merging, services
from lsip.plans.locking import ConflictError
from lsip.plans.models import ContextLink, Priority
from lsip.sectors.models import Sector

AREA = "the-marches"


def url(name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"area_slug": AREA, **kwargs})


@pytest.fixture
def plan(marches, people):
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    return services.create_plan(
        cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=people["erb_admin"]
    )


@pytest.fixture
def priority(plan, people):
    return services.save(
        Priority(plan=plan, title="Care", description="Carers", evidence_note="Interviews"),
        actor=people["erb_admin"],
    )


@pytest.fixture
def two_editors(client, people):
    first, second = client, type(client)()
    first.force_login(people["erb_admin"])
    second.force_login(people["erb_editor"])
    return first, second


def opened(client, page) -> dict:
    """The priority form as it was opened: what a browser would send back unchanged."""
    form = client.get(page).context["form"]
    return {
        "title": form["title"].value(),
        "description": form["description"].value(),
        "evidence_note": form["evidence_note"].value(),
        "soc_codes": form["soc_codes"].value(),
        "sic_codes": form["sic_codes"].value(),
        "levels": form["levels"].value(),
        "sectors": [str(pk) for pk in form["sectors"].value()],
        "version": form["version"].value(),
        "read": form["read"].value(),
    }


class TestPages:
    def test_two_people_changing_different_fields_both_keep_their_change(
        self, two_editors, priority
    ):
        first, second = two_editors
        page = url("priority-update", pk=priority.pk)
        mine, theirs = opened(first, page), opened(second, page)
        assert first.post(page, {**mine, "title": "Care workforce"}).status_code == 302
        saved = second.post(page, {**theirs, "description": "Carers and nurses"})
        assert saved.status_code == 302
        priority.refresh_from_db()
        assert (priority.title, priority.description, priority.evidence_note) == (
            "Care workforce",
            "Carers and nurses",
            "Interviews",
        )
        assert priority.version == 3

    def test_a_link_added_by_one_survives_a_text_change_by_the_other(
        self, two_editors, priority, marches
    ):
        sector = Sector.objects.create(area=marches, name="Care", kind="area", sic_codes=["88"])
        first, second = two_editors
        page = url("priority-update", pk=priority.pk)
        mine, theirs = opened(first, page), opened(second, page)
        assert first.post(page, {**mine, "sectors": [str(sector.pk)]}).status_code == 302
        assert second.post(page, {**theirs, "evidence_note": "Survey"}).status_code == 302
        priority.refresh_from_db()
        assert list(priority.sectors.all()) == [sector]
        assert priority.evidence_note == "Survey"

    def test_the_same_field_changed_by_both_is_refused_naming_it(self, two_editors, priority):
        first, second = two_editors
        page = url("priority-update", pk=priority.pk)
        mine, theirs = opened(first, page), opened(second, page)
        assert first.post(page, {**mine, "title": "Care workforce"}).status_code == 302
        refused = second.post(page, {**theirs, "title": "Social care", "description": "New"})
        assert refused.status_code == 409
        assert "You both changed: Title" in refused.text
        priority.refresh_from_db()
        assert (priority.title, priority.description) == ("Care workforce", "Carers")
        # Having seen theirs, saving again replaces it deliberately.
        again = dict(refused.context["form"].data.items())
        again["levels"], again["sectors"] = [], []
        assert second.post(page, again).status_code == 302
        priority.refresh_from_db()
        assert (priority.title, priority.description) == ("Social care", "New")

    def test_an_annex_item_merges_too(self, two_editors, plan, people):
        link = services.save(
            ContextLink(plan=plan, kind="sa", name="Digital", statement="Priority 1"),
            actor=people["erb_admin"],
        )
        first, second = two_editors
        page = url("context-update", pk=link.pk)

        def data(client):
            form = client.get(page).context["form"]
            return {name: form[name].value() or "" for name in form.fields if name != "priorities"}

        mine, theirs = data(first), data(second)
        mine["name"] = "Digital skills"
        theirs["statement"] = "Priorities 1 and 3"
        assert first.post(page, mine).status_code == 302
        assert second.post(page, theirs).status_code == 302
        link.refresh_from_db()
        assert (link.name, link.statement) == ("Digital skills", "Priorities 1 and 3")


class TestService:
    def test_untouched_fields_take_the_current_values(self, priority, people):
        read = {n: merging.field_value(priority, n) for n in ("title", "description")}
        theirs = Priority.objects.get(pk=priority.pk)
        services.save(_with(theirs, title="New"), actor=people["erb_admin"], expected_version=1)
        stale = _with(Priority.objects.get(pk=priority.pk), title="Care", description="Mine")
        services.save(stale, actor=people["erb_editor"], expected_version=1, read=read)
        priority.refresh_from_db()
        assert (priority.title, priority.description) == ("New", "Mine")

    def test_without_read_values_a_stale_version_is_refused(self, priority, people):
        services.save(_with(priority, title="New"), actor=people["erb_admin"], expected_version=1)
        with pytest.raises(ConflictError):
            services.save(
                _with(Priority.objects.get(pk=priority.pk), description="Mine"),
                actor=people["erb_editor"],
                expected_version=1,
            )


def _with(instance, **values):
    for name, value in values.items():
        setattr(instance, name, value)
    return instance

"""The plan's annex pages: the Annex A table (SG Annex A, Annex D), outcomes and metrics
(SG 7), the context the plan answers to (SG 2.1, 2.2) and the cross-cutting duties (Act
s1(6), SG 2.2), through the pages, with the lost-update refusal and the roles."""

import pytest
from django.urls import reverse

from lsip.areas.models import Cycle
from lsip.classification.models import SicItem, SocExtendedGroup, SocGroup
from lsip.plans import services
from lsip.plans.models import (
    ContextLink,
    Duty,
    OccupationEntry,
    Outcome,
    OutcomeArea,
    Priority,
    Revision,
)
from lsip.sectors.models import Sector

SLUG = "the-marches"


@pytest.fixture
def plan(marches, people):
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    return services.create_plan(
        cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=people["erb_admin"]
    )


@pytest.fixture
def other_plan(west_midlands, people):
    cycle = Cycle.objects.create(area=west_midlands, start_year=2026, end_year=2029)
    return services.create_plan(
        cycle=cycle, title="West Midlands LSIP", actor=people["other_area_admin"]
    )


@pytest.fixture
def classifications(db):
    """A little of SOC 2020 and SIC 2007, as installed by `lsip refdata install`."""
    for code, level, parent, title in [
        ("5", "major", None, "Skilled trades occupations"),
        ("53", "sub-major", "5", "Skilled construction and building trades"),
        ("531", "minor", "53", "Construction and building trades"),
        ("5319", "unit", "531", "Construction and building trades n.e.c."),
        ("6", "major", None, "Caring, leisure and other service occupations"),
        ("61", "sub-major", "6", "Caring personal service occupations"),
        ("613", "minor", "61", "Caring personal services"),
        ("6135", "unit", "613", "Care workers and home carers"),
    ]:
        SocGroup.objects.create(code=code, level=level, parent_id=parent, title=title)
    SocExtendedGroup.objects.create(code="6135/02", unit_group_id="6135", title="Home care workers")
    for position, (code, level, parent, title) in enumerate(
        [
            ("F", "section", None, "Construction"),
            ("41", "division", "F", "Construction of buildings"),
            ("41.2", "group", "41", "Construction of residential and non-residential buildings"),
            ("41.20", "class", "41.2", "Construction of residential and non-residential buildings"),
            ("41.20/1", "subclass", "41.20", "Construction of commercial buildings"),
            ("41.20/2", "subclass", "41.20", "Construction of domestic buildings"),
        ]
    ):
        SicItem.objects.create(
            code=code, level=level, parent_id=parent, title=title, position=position
        )


def url(name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"area_slug": SLUG, **kwargs})


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


def revisions(plan):
    return Revision.objects.filter(plan=plan).count()


# Annex A ---------------------------------------------------------------------------------


class TestAnnexA:
    def test_a_role_without_a_soc_code_needs_a_definition_and_the_reason(
        self, editor, plan, classifications
    ):
        response = editor.post(url("occupation-create", pk=plan.pk), {"name": "Drone pilot"})
        assert response.status_code == 200
        assert "A role with no SOC 2020 code needs a definition" in response.text
        assert "Say why the role has no SOC 2020 code" in response.text
        assert not OccupationEntry.objects.exists()

        response = editor.post(
            url("occupation-create", pk=plan.pk),
            {
                "name": "Drone pilot",
                "definition": "Flies survey drones over construction sites",
                "rationale": "SOC 2020 has no unit group for commercial drone pilots",
            },
        )
        assert response.status_code == 302
        entry = OccupationEntry.objects.get()
        assert entry.soc_codes == []
        assert entry.plan == plan

    def test_with_a_soc_code_no_definition_or_reason_is_needed(self, editor, plan, classifications):
        before = revisions(plan)
        response = editor.post(
            url("occupation-create", pk=plan.pk),
            {
                "name": "Builders",
                "soc_codes": "5319",
                "sic_codes": "41.20/2 – Construction of domestic buildings\n41201",
                "limitations": "A wide-ranging occupation",
            },
        )
        assert response.status_code == 302
        entry = OccupationEntry.objects.get()
        assert entry.soc_codes == ["5319"]
        assert entry.sic_codes == ["41.20/1", "41.20/2"]
        assert revisions(plan) == before + 1

    def test_each_bad_code_is_named(self, editor, plan, classifications):
        response = editor.post(
            url("occupation-create", pk=plan.pk),
            {"name": "Carers", "soc_codes": "6135/02, 9999, 531, care", "sic_codes": "99.99"},
        )
        assert response.status_code == 200
        assert "SOC 2020 has no unit group 9999" in response.text
        assert "531 is a SOC 2020 major, sub-major or minor group" in response.text
        assert "“care” is not written as a SOC 2020 code" in response.text
        assert "SIC 2007 has no code 99.99" in response.text
        # The codes are the problem, not a missing definition.
        assert "needs a definition" not in response.text
        assert not OccupationEntry.objects.exists()

    def test_the_table_shows_codes_with_their_titles_and_the_reason_for_no_code(
        self, client, people, plan, classifications
    ):
        construction = Sector.objects.get(area=None, name="Construction")
        OccupationEntry.objects.create(
            plan=plan,
            name="Builders",
            definition="Skilled construction workers",
            soc_codes=["5319"],
            sector=construction,
            sic_codes=["41.20/2"],
            limitations="May overlap with other occupations of minor group 531",
        )
        OccupationEntry.objects.create(
            plan=plan,
            name="Home carers",
            soc_codes=["6135/02"],
        )
        OccupationEntry.objects.create(
            plan=plan,
            name="Drone pilot",
            definition="Flies survey drones",
            rationale="No SOC 2020 unit group describes it",
        )
        client.force_login(people["board_member"])
        response = client.get(url("occupation-list", pk=plan.pk))
        assert response.status_code == 200
        text = response.text
        assert "Construction and building trades n.e.c." in text
        assert "Construction of domestic buildings" in text
        assert "Home care workers" in text
        assert "May overlap with other occupations of minor group 531" in text
        assert "No SOC 2020 code" in text
        assert "No SOC 2020 unit group describes it" in text
        assert "Add an occupation" not in text  # a board member reads only

    def test_suggesting_codes_saves_nothing(self, editor, plan, classifications):
        response = editor.post(
            url("occupation-create", pk=plan.pk), {"name": "Care worker", "suggest": "1"}
        )
        assert response.status_code == 200
        assert "Care worker" in response.text
        assert "needs a definition" not in response.text
        assert not OccupationEntry.objects.exists()


def test_suggested_soc_codes_come_from_the_coder_and_are_checked_on_the_real_files(
    editor, plan, refdata_folder
):
    from lsip.refdata.install import install

    install(source_dir=refdata_folder, keys=["soc2020-volume1", "soc2020-coding-index"])
    page = editor.post(
        url("occupation-create", pk=plan.pk), {"name": "Care assistant", "suggest": "1"}
    )
    assert page.status_code == 200
    assert "SOC 2020 codes suggested for “Care assistant”" in page.text
    assert "6135" in page.text
    assert not OccupationEntry.objects.exists()
    response = editor.post(
        url("occupation-create", pk=plan.pk), {"name": "Carers", "soc_codes": "6135\n6136/99"}
    )
    assert response.status_code == 302
    listing = editor.get(url("occupation-list", pk=plan.pk)).text
    assert "Care workers and home carers" in listing


# Outcomes ----------------------------------------------------------------------------------


def an_outcome(plan, **fields):
    values = {
        "area_of_outcome": OutcomeArea.EMPLOYERS,
        "name": "More employers involved in provision",
        "metric": "Employers co-designing provision",
        "unit": "employers",
        "baseline": 40,
        "target": 120,
        "data_source": "ERB engagement record",
        **fields,
    }
    return services.save(Outcome(plan=plan, **values), actor=None)


def outcome_form(**fields):
    return {
        "area_of_outcome": "employers",
        "name": "More employers involved in provision",
        "metric": "Employers co-designing provision",
        "unit": "employers",
        "baseline": "40",
        "baseline_date_day": "31",
        "baseline_date_month": "3",
        "baseline_date_year": "2026",
        "target": "120",
        "milestone_year1": "60",
        "milestone_year2": "",
        "milestone_year3": "100",
        "data_source": "ERB engagement record",
        **fields,
    }


class TestOutcomes:
    def test_outcomes_are_grouped_under_the_four_areas_of_sg_7(self, client, people, plan):
        an_outcome(plan, name="Employers in the system", area_of_outcome=OutcomeArea.EMPLOYERS)
        an_outcome(plan, name="Fewer skills gaps", area_of_outcome=OutcomeArea.SKILLS)
        client.force_login(people["board_member"])
        text = client.get(url("outcome-list", pk=plan.pk)).text
        headings = [text.index(label) for _, label in OutcomeArea.choices]
        assert headings == sorted(headings)
        skills, employers, provision, funding = headings
        assert skills < text.index("Fewer skills gaps") < employers
        assert employers < text.index("Employers in the system") < provision
        assert text.count("No outcomes in this area yet") == 2
        assert "take-up of priority provision" in text  # the hint of an empty group

    def test_adding_an_outcome_with_its_milestones_and_priorities(self, editor, plan):
        priority = services.save(Priority(plan=plan, title="Construction skills"), actor=None)
        form = outcome_form(priorities=[str(priority.pk)])
        response = editor.post(url("outcome-create", pk=plan.pk), form)
        assert response.status_code == 302
        outcome = Outcome.objects.get()
        assert (outcome.baseline, outcome.milestone_year1, outcome.milestone_year2) == (
            40,
            60,
            None,
        )
        assert outcome.baseline_date.isoformat() == "2026-03-31"
        assert list(outcome.priorities.all()) == [priority]

    def test_numbers_and_required_fields_have_specific_messages(self, editor, plan):
        form = outcome_form(baseline="forty", metric="", area_of_outcome="")
        response = editor.post(url("outcome-create", pk=plan.pk), form)
        assert response.status_code == 200
        assert "Enter the baseline as a number, like 120 or 35.5" in response.text
        assert "Enter the metric" in response.text
        assert "Select the outcome area" in response.text

    def test_two_edits_from_one_version_the_second_is_refused_and_not_saved(
        self, client, people, plan
    ):
        outcome = an_outcome(plan)
        edit = url("outcome-update", pk=outcome.pk)
        client.force_login(people["erb_editor"])
        assert 'name="version" value="1"' in client.get(edit).text
        first = client.post(edit, outcome_form(version="1", target="150"))
        assert first.status_code == 302

        client.force_login(people["erb_admin"])
        second = client.post(edit, outcome_form(version="1", target="200"))
        assert second.status_code == 409
        assert "erb_editor@example.org changed this outcome" in second.text
        assert "your changes were not saved" in second.text
        assert "As it now stands" in second.text
        assert '<td class="govuk-table__cell">150</td>' in second.text
        assert "<strong>200</strong>" in second.text
        assert 'name="version" value="2"' in second.text  # saving again would be deliberate
        outcome.refresh_from_db()
        assert (outcome.target, outcome.version) == (150, 2)

    def test_an_edit_without_the_version_read_is_refused(self, editor, plan):
        outcome = an_outcome(plan)
        response = editor.post(url("outcome-update", pk=outcome.pk), outcome_form(target="1"))
        assert response.status_code == 200
        assert "Open the item again before changing it" in response.text
        outcome.refresh_from_db()
        assert outcome.target == 120

    def test_a_stale_removal_is_refused(self, editor, plan):
        outcome = an_outcome(plan)
        services.save(outcome, actor=None, expected_version=1)  # someone else saves: v2
        response = editor.post(url("outcome-delete", pk=outcome.pk), {"version": "1"})
        assert response.status_code == 409
        assert "your changes were not saved" in response.text
        assert Outcome.objects.filter(pk=outcome.pk).exists()
        assert (
            editor.post(url("outcome-delete", pk=outcome.pk), {"version": "2"}).status_code == 302
        )
        assert not Outcome.objects.exists()


# Context links -----------------------------------------------------------------------------


class TestContext:
    def test_a_link_without_a_statement_is_refused(self, editor, plan):
        form = {"name": "Agri-tech", "reflected": "no", "statement": ""}
        response = editor.post(url("context-create", pk=plan.pk), form)
        assert response.status_code == 200
        assert "Say why the plan does not reflect it" in response.text
        response = editor.post(url("context-create", pk=plan.pk), {**form, "reflected": "yes"})
        assert "Say how the plan reflects it" in response.text
        assert not ContextLink.objects.exists()

    def test_a_local_priority_in_an_area_without_a_strategic_authority(self, editor, plan):
        page = editor.get(url("context-list", pk=plan.pk)).text
        assert "The Marches has no Strategic Authority" in page
        form = {"name": "Agri-tech", "reflected": "yes", "statement": "Priority 2 covers it"}
        assert editor.post(url("context-create", pk=plan.pk), form).status_code == 302
        link = ContextLink.objects.get()
        assert link.kind == ContextLink.Kind.STRATEGIC_AUTHORITY
        assert "Agri-tech" in editor.get(url("context-list", pk=plan.pk)).text

    def test_in_a_devolved_area_the_strategic_authority_is_named_and_edits_with_the_erb(
        self, client, other_plan, west_midlands
    ):
        from lsip.accounts.models import RoleAssignment, User

        partner = User.objects.create_user(username="wmca@example.org", password="x")
        RoleAssignment.objects.create(user=partner, role="sa_partner", area=west_midlands)
        client.force_login(partner)
        kwargs = {"area_slug": "west-midlands", "pk": other_plan.pk}
        page = client.get(reverse("plans:context-list", kwargs=kwargs)).text
        assert "West Midlands Combined Authority: sector skills priorities" in page
        form = {"name": "Advanced manufacturing", "reflected": "yes", "statement": "Priority 1"}
        response = client.post(reverse("plans:context-create", kwargs=kwargs), form)
        assert response.status_code == 302
        assert ContextLink.objects.get().plan == other_plan

    def test_the_ten_national_sectors_are_listed_and_one_is_answered(self, editor, plan):
        page = editor.get(url("context-list", pk=plan.pk)).text
        national = Sector.objects.filter(area=None)
        assert national.count() == 10
        for sector in national:
            assert sector.name in page
        assert page.count("Not yet answered") == 10
        construction = national.get(name="Construction")
        answer = url("context-add-national", pk=plan.pk, sector_pk=construction.pk)
        assert answer in page

        form = editor.get(answer)
        assert form.status_code == 200
        assert "How the plan answers Construction" in form.text
        response = editor.post(answer, {"reflected": "no", "statement": ""})
        assert "Say why the plan does not reflect it" in response.text
        before = revisions(plan)
        response = editor.post(
            answer, {"reflected": "no", "statement": "Little construction activity here"}
        )
        assert response.status_code == 302
        link = ContextLink.objects.get()
        assert (link.kind, link.sector, link.name, link.reflected) == (
            ContextLink.Kind.INDUSTRIAL_STRATEGY,
            construction,
            "Construction",
            False,
        )
        assert revisions(plan) == before + 1
        page = editor.get(url("context-list", pk=plan.pk)).text
        assert page.count("Not yet answered") == 9
        assert "Little construction activity here" in page
        # Answering it again opens the answer there is.
        again = editor.get(answer)
        assert again.status_code == 302
        assert again.url == url("context-update", pk=link.pk)
        assert editor.post(answer, {"reflected": "yes", "statement": "x"}).status_code == 200
        assert ContextLink.objects.count() == 1

    def test_an_area_sector_is_not_a_national_sector(self, editor, plan, marches):
        own = Sector.objects.create(area=marches, name="Agri-food", kind="area")
        answer = url("context-add-national", pk=plan.pk, sector_pk=own.pk)
        assert editor.get(answer).status_code == 404


# Duties -----------------------------------------------------------------------------------


class TestDuties:
    def test_the_duties_not_yet_recorded_are_warned(self, client, people, plan):
        client.force_login(people["board_member"])
        text = client.get(url("duty-list", pk=plan.pk)).text
        assert (
            "The plan must consider net zero, adaptation to climate change, other "
            "environmental goals, equality of opportunity" in text
        )
        services.save(
            Duty(plan=plan, kind=Duty.Kind.NET_ZERO, how_considered="Retrofit skills"),
            actor=None,
        )
        text = client.get(url("duty-list", pk=plan.pk)).text
        assert (
            "The plan must consider adaptation to climate change, other environmental goals, "
            "equality of opportunity" in text
        )
        assert "Retrofit skills" in text

    def test_one_record_per_duty(self, editor, plan):
        priority = services.save(Priority(plan=plan, title="Green skills"), actor=None)
        form = {
            "kind": "net_zero",
            "how_considered": "Retrofit and heat pump skills",
            "priorities": [str(priority.pk)],
        }
        assert editor.post(url("duty-create", pk=plan.pk), form).status_code == 302
        duty = Duty.objects.get()
        assert list(duty.priorities.all()) == [priority]
        response = editor.post(url("duty-create", pk=plan.pk), form)
        assert response.status_code == 200
        assert "The plan already records how it considered net zero" in response.text
        assert Duty.objects.count() == 1
        assert editor.post(url("duty-create", pk=plan.pk), {"kind": "net_zero"}).status_code == 200

    def test_the_missing_duty_link_opens_the_form_for_that_duty(self, editor, plan):
        response = editor.get(url("duty-create", pk=plan.pk) + "?kind=equality")
        assert '<option value="equality" selected>' in response.text


# Roles, areas and revisions ----------------------------------------------------------------


def items(plan):
    """One item of each kind, made through the service (with a revision each)."""
    return {
        "occupation": services.save(
            OccupationEntry(plan=plan, name="Drone pilot", definition="d", rationale="r"),
            actor=None,
        ),
        "outcome": an_outcome(plan),
        "context": services.save(
            ContextLink(plan=plan, kind="sa", name="Agri-tech", statement="Priority 2"),
            actor=None,
        ),
        "duty": services.save(
            Duty(plan=plan, kind=Duty.Kind.EQUALITY, how_considered="Outreach"), actor=None
        ),
    }


LISTS = ["occupation-list", "outcome-list", "context-list", "duty-list"]


def test_a_board_member_reads_but_cannot_change(client, people, plan):
    made = items(plan)
    client.force_login(people["board_member"])
    for name in LISTS:
        assert client.get(url(name, pk=plan.pk)).status_code == 200
    for part, item in made.items():
        assert client.get(url(f"{part}-update", pk=item.pk)).status_code == 403
        assert client.post(url(f"{part}-delete", pk=item.pk), {"version": 1}).status_code == 403
        assert client.post(url(f"{part}-create", pk=plan.pk), {"name": "x"}).status_code == 403
    national = Sector.objects.filter(area=None).first()
    answer = url("context-add-national", pk=plan.pk, sector_pk=national.pk)
    assert client.post(answer, {"reflected": "yes", "statement": "x"}).status_code == 403
    assert OccupationEntry.objects.count() == Outcome.objects.count() == 1
    assert ContextLink.objects.count() == Duty.objects.count() == 1


def test_another_areas_plan_and_items_are_not_found(client, people, plan, other_plan):
    theirs = items(other_plan)
    client.force_login(people["erb_admin"])
    for name in LISTS:
        assert client.get(url(name, pk=other_plan.pk)).status_code == 404
        assert client.get(url(name, pk=plan.pk)).status_code == 200
    for part, item in theirs.items():
        assert client.get(url(f"{part}-update", pk=item.pk)).status_code == 404
        assert client.post(url(f"{part}-delete", pk=item.pk), {"version": 1}).status_code == 404
        assert client.get(url(f"{part}-create", pk=other_plan.pk)).status_code == 404
    # Through their own area's address, their admin is refused in ours.
    client.force_login(people["other_area_admin"])
    assert client.get(url("outcome-list", pk=plan.pk)).status_code == 403


@pytest.mark.parametrize(
    ("part", "form"),
    [
        ("occupation", {"name": "Drone pilot", "definition": "d2", "rationale": "r2"}),
        ("outcome", outcome_form()),
        ("context", {"name": "Agri-tech", "reflected": "yes", "statement": "Priority 3"}),
        ("duty", {"kind": "equality", "how_considered": "Community outreach"}),
    ],
)
def test_each_change_makes_a_revision(editor, plan, part, form):
    made = items(plan)
    item = made[part]
    count = revisions(plan)
    response = editor.post(url(f"{part}-update", pk=item.pk), {**form, "version": item.version})
    assert response.status_code == 302, response.text
    assert revisions(plan) == count + 1
    item.refresh_from_db()
    assert item.version == 2
    latest = Revision.objects.filter(plan=plan).first()
    assert latest.summary.endswith("changed")

    response = editor.post(url(f"{part}-create", pk=plan.pk), form)
    if part == "duty":  # one record per duty: the second equality record is refused
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert revisions(plan) == count + 2

    before = revisions(plan)
    response = editor.post(url(f"{part}-delete", pk=item.pk), {"version": item.version})
    assert response.status_code == 302
    assert revisions(plan) == before + 1
    assert not type(item).objects.filter(pk=item.pk).exists()
    assert Revision.objects.filter(plan=plan).first().summary.endswith("removed")

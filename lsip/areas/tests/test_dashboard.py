"""The area overview: the ERB's working dashboard for its own people, the public facts for
everyone else."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lsip.areas.dashboard import dashboard
from lsip.areas.models import Cycle
from lsip.classification.models import CodingReview
from lsip.economy import indicators
from lsip.economy.tests.conftest import GEOGRAPHY
from lsip.engagement.services import record_engagement
from lsip.governance.models import ActionItem, Board, Meeting
from lsip.organisations.models import Organisation
from lsip.plans.models import ContextLink, Plan, Priority
from lsip.refdata.install import install

TODAY = datetime.date.today()  # the overview counts from the real day
OVERVIEW = "/areas/the-marches/"


@pytest.fixture
def work(marches, people, college):
    """Two employers engaged, one title to review, a plan of three priorities, a board with
    a meeting ahead and an action overdue."""
    admin = people["erb_admin"]
    cycle = Cycle.objects.create(area=marches, start_year=2025, end_year=2028)
    employers = [
        Organisation.objects.create(area=marches, name=name, type=Organisation.Type.EMPLOYER)
        for name in ("Ludlow Foods", "Hereford Steel", "Wem Plastics")
    ]
    record_engagement(
        area=marches,
        type="interview",
        date=TODAY,
        organisations=employers[:2] + [college],
        actor=admin,
        cycle=cycle,
    )
    CodingReview.objects.create(
        area=marches,
        text="Widget wrangler",
        key="widget wrangler",
        coder_status="x",
        coder_version="1",
    )
    plan = Plan.objects.create(area=marches, cycle=cycle, title="Marches LSIP 2025-28")
    for number in range(3):
        Priority.objects.create(plan=plan, title=f"Priority {number}", position=number)
    board = Board.objects.create(area=marches, cycle=cycle, name="Marches LSIP Board")
    held = Meeting.objects.create(board=board, date=TODAY - datetime.timedelta(days=30))
    Meeting.objects.create(board=board, date=TODAY + datetime.timedelta(days=14))
    ActionItem.objects.create(
        meeting=held,
        description="Send the survey",
        owner="Secretariat",
        due=TODAY - datetime.timedelta(days=1),
    )
    ActionItem.objects.create(
        meeting=held,
        description="Book the room",
        owner="Secretariat",
        due=TODAY + datetime.timedelta(days=7),
    )
    return plan


def test_the_dashboard_counts_the_areas_work(work, marches):
    now = dashboard(marches, today=TODAY)
    assert now.employers_engaged == 2  # the college is not an employer; Wem was not engaged
    assert now.enterprises is None  # UK Business Counts not loaded
    assert now.coding_backlog == 1
    assert (now.plan.priority_count, now.priorities_in_range) == (3, False)
    assert now.next_meeting.date == TODAY + datetime.timedelta(days=14)
    assert now.overdue_actions == 1
    assert now.recent_changes[0].object_repr  # the newest audit entry comes first


def test_the_dashboard_reads_in_a_few_queries(work, marches):
    with CaptureQueriesContext(connection) as queries:
        dashboard(marches, today=TODAY)
    assert len(queries) <= 12


def test_the_erb_sees_the_dashboard_with_links_and_the_public_does_not(client, work, people):
    client.force_login(people["erb_editor"])
    page = client.get(OVERVIEW).text
    assert "Where the work stands" in page
    assert "2 employers engaged" in page
    assert "business base is not loaded" in page
    assert "1 job title waiting for review" in page
    assert "3 priorities" in page
    assert "The guidance asks for 4 to 6" in page
    assert f'href="{work.get_absolute_url()}"' in page
    assert "1 overdue action in the action log" in page
    client.logout()
    public = client.get(OVERVIEW).text
    assert "Where the work stands" not in public
    assert "Places covered" in public
    client.force_login(people["board_member"])
    assert "Where the work stands" not in client.get(OVERVIEW).text


def test_employers_engaged_are_set_against_the_business_counts(
    client, work, marches, people, refdata_folder, tmp_path
):
    from lsip.economy.imports import import_dataset

    install(source_dir=refdata_folder, keys=GEOGRAPHY)
    import_dataset(refdata_folder / "labour_market/nomis_ubc_enterprises_by_size_2023_04_24.xlsx")
    enterprises = indicators.profile(marches)["enterprises"]
    latest = next(
        r
        for r in enterprises.rows
        if r["place"] == "The Marches" and r["period"] == enterprises.period
    )
    now = dashboard(marches, today=TODAY)
    assert (now.enterprises, now.enterprises_period) == (latest["value"], enterprises.period)
    client.force_login(people["erb_admin"])
    page = client.get(OVERVIEW).text
    assert f"of {now.enterprises:,} enterprises in the area" in page


def test_the_dashboard_says_what_stands_between_the_plan_and_submission(
    client, work, marches, people
):
    client.force_login(people["erb_admin"])
    assert "Nothing the checks know of stops submission" in client.get(OVERVIEW).text
    ContextLink.objects.create(
        plan=work,
        kind=ContextLink.Kind.STRATEGIC_AUTHORITY,
        name="Agri-tech",
        reflected=False,
        statement="Not a local priority",
    )
    readiness = dashboard(marches)
    assert (len(readiness.blocking), len(readiness.warnings)) == (0, 1)  # not devolved: SG 2.2
    assert "1 warning" in client.get(OVERVIEW).text
    marches.strategic_authority = "Marches Combined Authority"
    marches.save()
    assert len(dashboard(marches).blocking) == 1  # devolved: SG 3.5 stops submission
    page = client.get(OVERVIEW).text
    assert "Cannot be submitted" in page
    assert "1 thing to resolve first" in page

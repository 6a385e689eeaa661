"""Area-wide figures are kept between requests and given anew as soon as a record of the area
changes (issue 17, item 9; lsip.core.figures): the breadth page and the dashboard's count of
employers engaged, after a change by a page, by a service and by a bulk import."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lsip.areas.dashboard import dashboard
from lsip.core.figures import change_stamp, change_stamps
from lsip.engagement import services
from lsip.engagement.imports.apply import apply_import
from lsip.organisations.models import Organisation

BREADTH = "/areas/the-marches/engagement/breadth/"


def engaged_on_page(client) -> int:
    response = client.get(BREADTH)
    assert response.status_code == 200
    return response.context["result"].total


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_breadth_page_is_kept_and_given_anew_after_a_change(client, marches, people):
    client.force_login(people["erb_editor"])
    first = queries(client, BREADTH)
    again = queries(client, BREADTH)
    assert again < first - 5, (first, again)  # kept: the counting is not asked again
    assert engaged_on_page(client) == 0

    shropshire = marches.local_authorities.get(name="Shropshire")
    employer = Organisation.objects.create(
        area=marches, name="Ludlow Foods", type="employer", local_authority=shropshire
    )
    services.record_engagement(
        area=marches,
        type="survey",
        date=datetime.date(2025, 3, 1),
        organisations=[employer],
        actor=None,
    )
    assert engaged_on_page(client) == 1
    employer.size_band = "micro"
    employer.save()
    sizes = dict(client.get(BREADTH).context["result"].dimensions["Size band"])
    assert sizes["Micro (0 to 9 employees)"] == 1
    employer.delete()
    assert engaged_on_page(client) == 0


def test_an_import_written_in_bulk_shows_at_once(client, marches, people, tmp_path):
    client.force_login(people["erb_admin"])
    assert engaged_on_page(client) == 0
    assert dashboard(marches).employers_engaged == 0
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Company,Date,Location\nLudlow Foods,31/03/2025,Shropshire\nWye Dairy,31/03/2025,"
        "Herefordshire\n"
    )
    mapping = {
        "columns": {"employer_name": "Company", "date": "Date", "local_authority": "Location"},
        "defaults": {"type": "survey"},
    }
    apply_import(area=marches, path=survey, mapping=mapping, actor=None)
    assert engaged_on_page(client) == 2
    assert dashboard(marches).employers_engaged == 2
    assert client.get("/areas/the-marches/").context["dashboard"].employers_engaged == 2


def test_a_change_in_another_area_keeps_this_areas_figures(marches, west_midlands):
    before = change_stamp(marches)
    Organisation.objects.create(area=west_midlands, name="Elsewhere Ltd", type="employer")
    assert change_stamp(marches) == before
    Organisation.objects.create(area=marches, name="Here Ltd", type="employer")
    assert change_stamp(marches) != before


def test_business_counts_imported_later_show_on_the_kept_page(
    client, marches, people, refdata_folder, tmp_path
):
    """A dataset of no area (UK Business Counts, national) changes every area's figures."""
    from django.test import override_settings

    from lsip.economy.imports import import_dataset
    from lsip.refdata.install import install

    client.force_login(people["erb_editor"])
    assert client.get(BREADTH).context["result"].business_base is None
    install(
        source_dir=refdata_folder, keys=["lsip-lookup", "lad-2011-to-2021", "uk-lad-2021-regions"]
    )
    with override_settings(DATA_DIR=tmp_path):
        import_dataset(
            refdata_folder / "labour_market/nomis_ubc_enterprises_by_industry_size_2023_04_24.xlsx"
        )
        kept = client.get(BREADTH).context["result"].business_base
        assert kept is not None
        assert kept.period == "2022"
        assert client.get(BREADTH).context["result"].business_base.period == "2022"


def test_the_stamps_of_many_areas_are_read_at_once_and_match_each_areas_own(marches, west_midlands):
    areas = [marches, west_midlands]
    before = change_stamps(areas)
    assert before == {a.pk: change_stamp(a) for a in areas} | {None: before[None]}
    Organisation.objects.create(area=marches, name="Ludlow Foods", type="employer")
    with CaptureQueriesContext(connection) as captured:
        after = change_stamps(areas)
    assert len(captured) == 2  # whatever the number of areas
    assert after[marches.pk] != before[marches.pk]
    assert after[west_midlands.pk] == before[west_midlands.pk]
    assert after == {a.pk: change_stamp(a) for a in areas} | {None: after[None]}

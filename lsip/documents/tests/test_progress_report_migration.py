"""The merge of the two progress report tables (decision 0076): from the state before it, a
report of one plan and year held in both tables, one held only by the documents app and one
only by delivery, with a publication of the first; after migrating, one record a year, the
narrative and the document's state together, the later publication date kept and the
publication pointed at the merged record. Migrating back and forward again works too."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("documents", "0001_initial"), ("delivery", "0002_feedback_sender")]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection).loader.project_state(targets).apps if targets else None


@pytest.mark.django_db(transaction=True)
def test_the_two_progress_report_tables_merge_into_one_record_a_year():
    old = _migrate(BEFORE)
    area, _ = old.get_model("areas", "Area").objects.get_or_create(
        slug="migration-test", defaults={"name": "Migration test"}
    )
    cycle = old.get_model("areas", "Cycle").objects.create(
        area=area, start_year=2026, end_year=2029
    )
    plan = old.get_model("plans", "Plan").objects.create(area=area, cycle=cycle, title="Plan")
    written = old.get_model("delivery", "ProgressReport")
    document = old.get_model("documents", "ProgressReport")
    both = written.objects.create(
        plan=plan, year=2027, achieved="Bootcamps ran", publication_date=datetime.date(2027, 6, 30)
    )
    final = document.objects.create(
        plan=plan,
        year=2027,
        status="final",
        finalised_on=datetime.date(2027, 6, 1),
        publication_date=datetime.date(2027, 7, 15),
    )
    alone = document.objects.create(plan=plan, year=2028)
    written.objects.create(plan=plan, year=2026, impact="Employers say yes")
    published = old.get_model("documents", "Publication").objects.create(
        area=area,
        plan=plan,
        kind="progress",
        report=final,
        title="Progress report 2027",
        content={},
        published_on=datetime.date(2027, 6, 2),
        available_from=datetime.date(2027, 7, 15),
    )

    _migrate()

    from lsip.delivery.models import ProgressReport
    from lsip.documents.models import Publication

    rows = {r.year: r for r in ProgressReport.objects.filter(plan_id=plan.pk)}
    assert sorted(rows) == [2026, 2027, 2028]
    merged = rows[2027]
    assert (merged.pk, merged.achieved, merged.status, merged.finalised_on) == (
        both.pk,
        "Bootcamps ran",
        "final",
        datetime.date(2027, 6, 1),
    )
    assert merged.publication_date == datetime.date(2027, 7, 15)  # the later date
    assert (rows[2028].pk, rows[2028].status) == (alone.pk, "draft")
    assert (rows[2026].impact, rows[2026].status) == ("Employers say yes", "draft")
    assert Publication.objects.get(pk=published.pk).report_id == both.pk
    assert "documents_progressreport" not in connection.introspection.table_names()

    back = _migrate(BEFORE)
    assert (
        back.get_model("documents", "ProgressReport").objects.filter(plan_id=plan.pk).count() == 3
    )
    _migrate()
    assert ProgressReport.objects.filter(plan_id=plan.pk).count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_reports_passages_written_in_the_documents_editor_move_onto_the_report():
    """Decision 0077: the documents' copies of a report's passages move onto the report,
    into an empty passage as they are and after a different one, and are then removed; the
    document's own sections (the introduction) stay."""
    old = _migrate(
        [
            ("documents", "0004_remove_documents_progress_report"),
            ("delivery", "0003_progress_report_status"),
        ]
    )
    area, _ = old.get_model("areas", "Area").objects.get_or_create(
        slug="migration-test", defaults={"name": "Migration test"}
    )
    cycle = old.get_model("areas", "Cycle").objects.create(
        area=area, start_year=2026, end_year=2029
    )
    plan = old.get_model("plans", "Plan").objects.create(area=area, cycle=cycle, title="Plan")
    old.get_model("delivery", "ProgressReport").objects.create(
        plan=plan, year=2027, impact="Employers say yes", still_to_achieve="Care placements"
    )
    Narrative = old.get_model("documents", "Narrative")
    for key, text in (
        ("achieved", "Bootcamps started"),
        ("impact", "Graduates in post"),
        ("still_to_achieve", "Care placements"),
        ("introduction", "This report covers 2027"),
    ):
        Narrative.objects.create(plan=plan, document="progress-2027", key=key, text=text)
    Narrative.objects.create(plan=plan, document="progress-2028", key="achieved", text="Later")

    _migrate()

    from lsip.delivery.models import ProgressReport
    from lsip.documents.models import Narrative as Kept

    report = ProgressReport.objects.get(plan_id=plan.pk, year=2027)
    assert report.achieved == "Bootcamps started"
    assert report.impact == "Employers say yes\n\nGraduates in post"
    assert report.still_to_achieve == "Care placements"  # the same words, kept once
    assert ProgressReport.objects.get(plan_id=plan.pk, year=2028).achieved == "Later"
    assert list(Kept.objects.filter(plan_id=plan.pk).values_list("key", flat=True)) == [
        "introduction"
    ]

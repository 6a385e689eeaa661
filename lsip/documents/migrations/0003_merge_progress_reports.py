"""Data only: each `documents.ProgressReport` row is merged into the delivery progress report
of the same plan and year (created where there is none), and its publications are pointed at
that record (decision 0076).

The merge keeps the document's state (final, finalised on) and, where both rows name a
publication date and they differ, the later one, so that the report is never shown before
either date. Tables are altered in 0002 and 0004, never here (PostgreSQL refuses to alter a
table with pending trigger events in the same transaction)."""

from django.db import migrations


def merge(apps, schema_editor):
    Old = apps.get_model("documents", "ProgressReport")
    Report = apps.get_model("delivery", "ProgressReport")
    Publication = apps.get_model("documents", "Publication")
    for old in Old.objects.all():
        report = Report.objects.filter(plan_id=old.plan_id, year=old.year).first()
        if report is None:
            report = Report(
                id=old.id, plan_id=old.plan_id, year=old.year, created_on=old.created_on
            )
        dates = [d for d in (report.publication_date, old.publication_date) if d]
        report.publication_date = max(dates) if dates else None
        report.status = old.status
        report.finalised_on = old.finalised_on
        report.save()
        Publication.objects.filter(report_id=old.id).update(progress_report_id=report.id)


def split(apps, schema_editor):
    """Backwards: a documents row for every delivery report, publications pointed back."""
    Old = apps.get_model("documents", "ProgressReport")
    Report = apps.get_model("delivery", "ProgressReport")
    Publication = apps.get_model("documents", "Publication")
    for report in Report.objects.all():
        Old.objects.create(
            id=report.id,
            plan_id=report.plan_id,
            year=report.year,
            status=report.status,
            publication_date=report.publication_date,
            finalised_on=report.finalised_on,
        )
        Publication.objects.filter(progress_report_id=report.id).update(report_id=report.id)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_publication_progress_report"),
    ]

    operations = [migrations.RunPython(merge, split)]

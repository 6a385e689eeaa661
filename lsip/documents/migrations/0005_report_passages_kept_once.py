"""Data only: a progress report's passages (what was achieved, impact and benefits, what still
needs achieving) are kept once, on the report (`delivery.ProgressReport`, decision 0077). The
words an ERB wrote for those sections in the documents editor move onto the report: into an
empty passage as they are, after a different one as a paragraph of its own, so that nothing
written is lost; the documents' copies are then removed."""

from django.db import migrations

PASSAGES = ("achieved", "impact", "still_to_achieve")


def combined(kept: str, moved: str) -> str:
    kept, moved = kept.strip(), moved.strip()
    if not moved or moved == kept:
        return kept
    return f"{kept}\n\n{moved}" if kept else moved


def move(apps, schema_editor):
    Narrative = apps.get_model("documents", "Narrative")
    Report = apps.get_model("delivery", "ProgressReport")
    copies = Narrative.objects.filter(document__startswith="progress-", key__in=PASSAGES)
    for narrative in copies:
        year = int(narrative.document.removeprefix("progress-"))
        report, _ = Report.objects.get_or_create(plan_id=narrative.plan_id, year=year)
        setattr(report, narrative.key, combined(getattr(report, narrative.key), narrative.text))
        report.save()
    copies.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_remove_documents_progress_report"),
        ("delivery", "0003_progress_report_status"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]

"""The dates of the 2026-2029 cycle as the statutory guidance of 18 November 2025 gives them
(SG 3.5): a substantive draft by 31 March 2026, the final version by May 2026 (taken as its
last day), publication expected in June 2026 with exact dates to be confirmed. Skills England
changes them on the calendar page (docs/approval.md)."""

from datetime import date

from django.db import migrations


def add_2026(apps, schema_editor):
    CycleCalendar = apps.get_model("approval", "CycleCalendar")
    CycleCalendar.objects.get_or_create(
        start_year=2026,
        defaults={
            "substantive_draft_due": date(2026, 3, 31),
            "final_due": date(2026, 5, 31),
            "publication_due": date(2026, 6, 30),
            "publication_note": "Publication is expected in June 2026; exact dates will be "
            "confirmed.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("approval", "0001_initial")]
    operations = [migrations.RunPython(add_2026, migrations.RunPython.noop)]

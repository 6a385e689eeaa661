"""`documents.ProgressReport` is gone: its rows were merged into `delivery.ProgressReport` by
0003, and `Publication.report` now points at that record (decision 0076)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_merge_progress_reports"),
    ]

    operations = [
        migrations.RemoveField(model_name="publication", name="report"),
        migrations.RenameField(
            model_name="publication", old_name="progress_report", new_name="report"
        ),
        migrations.AlterField(
            model_name="publication",
            name="report",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="publications",
                to="delivery.progressreport",
            ),
        ),
        migrations.DeleteModel(name="ProgressReport"),
    ]

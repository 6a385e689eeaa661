"""A publication of a progress report points at the one progress report record
(`delivery.ProgressReport`): the new column is added here, filled by 0003 and takes the
old one's name in 0004."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("delivery", "0003_progress_report_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="progress_report",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to="delivery.progressreport",
            ),
        ),
    ]

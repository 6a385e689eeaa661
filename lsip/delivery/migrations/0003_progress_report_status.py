"""The progress report becomes the one record of a year's report: it gains the document's
state (draft or final, and when it was made final), which `documents.ProgressReport` held
until now (decision 0076). The rows are merged by documents 0003; this migration only alters
the table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("delivery", "0002_feedback_sender"),
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="progressreport",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("final", "Final")],
                default="draft",
                help_text="Final once its PDF is within the 20 pages.",
                max_length=5,
            ),
        ),
        migrations.AddField(
            model_name="progressreport",
            name="finalised_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="progressreport",
            name="plan",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="progress_reports",
                to="plans.plan",
            ),
        ),
        migrations.AlterField(
            model_name="progressreport",
            name="year",
            field=models.PositiveSmallIntegerField(help_text="The calendar year it reports in."),
        ),
    ]

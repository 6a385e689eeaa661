"""Labour-market data: each imported file is a Dataset, and every figure in it one Observation.

All sources land in one long table (geography, measure, breakdown, period, value, flag), so a
new source needs a new reader in `lsip.economy.readers`, never a new schema. Figures are kept
at the finest geography a file gives (England and local authority districts, by GSS code);
LSIP area figures are summed from their districts when asked for, so that the 39 areas of
the 2025 guidance are served by files published for older geographies.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel

ENGLAND = "E92000001"


class Dataset(BaseModel, AuditedModel):
    """One imported file, with the provenance every figure taken from it carries."""

    family = models.CharField(
        max_length=60,
        db_index=True,
        help_text="The kind of table, e.g. aps-employment-by-industry.",
    )
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=120)
    edition = models.CharField(max_length=120, help_text="Release or download the file is from.")
    edition_date = models.DateField(help_text="When that release was published or downloaded.")
    licence = models.CharField(max_length=120)
    source = models.CharField(max_length=500, help_text="Where the file came from.")
    filename = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    periods = models.JSONField(default=list, help_text="The periods the file holds, oldest first.")
    measures = models.JSONField(default=dict, help_text="Measure key to its label.")
    breakdowns = models.JSONField(default=dict, help_text="Breakdown key to its label.")
    notes = models.JSONField(default=list, help_text="The publisher's notes in the file.")
    skipped = models.JSONField(
        default=dict, help_text="Rows left out on purpose, by reason, with how many."
    )
    rows = models.PositiveIntegerField(default=0, help_text="Figures imported.")
    area = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The area that owns a licensed file; empty for open data every area shares.",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["family", "-edition_date", "-created_on"]

    def __str__(self):
        return f"{self.title} ({self.edition})"

    @property
    def audit_area(self):
        return self.area

    @property
    def source_line(self) -> str:
        """The attribution shown under every figure, chart and table taken from this file."""
        return f"Source: {self.publisher}, {self.title}, {self.edition}. {self.licence}."

    def get_absolute_url(self):
        return reverse("economy:dataset-detail", kwargs={"pk": self.pk})


class Observation(models.Model):
    """One figure: a measure for a geography, breakdown and period, with its quality flag.

    `flag` keeps the publisher's marker as it was ("*" unreliable, "!" suppressed or
    disclosive, "~" under 500, "-" missing); a suppressed figure has no value, never a number
    made up for it.
    """

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="observations")
    geography = models.CharField(max_length=9, help_text="GSS code: England or a district.")
    measure = models.CharField(max_length=60)
    breakdown = models.CharField(max_length=120, blank=True)
    period = models.CharField(max_length=40)
    period_end = models.DateField()
    value = models.FloatField(null=True, blank=True)
    flag = models.CharField(max_length=4, blank=True)
    ci = models.FloatField("95% confidence interval (+/-)", null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["measure", "geography"], name="observation_measure_geo"),
        ]

    def __str__(self):
        return f"{self.measure} {self.breakdown} {self.geography} {self.period}: {self.value}"


class PriorityWeights(BaseModel, AuditedModel):
    """The criteria weights (and the sectors compared) an area's ERB chose for its
    priority-sector table; every change is in the audit trail."""

    area = models.OneToOneField("areas.Area", on_delete=models.CASCADE, related_name="+")
    weights = models.JSONField(default=dict, help_text="Criterion key to weight (0 leaves it out).")
    sectors = models.ManyToManyField(
        "sectors.Sector",
        blank=True,
        related_name="+",
        help_text="The sectors compared; none chosen means every sector of the area.",
    )

    class Meta:
        verbose_name_plural = "priority weights"

    def __str__(self):
        return f"Priority-sector weights of {self.area}"

"""Sectors: the Industrial Strategy's growth-driving and foundation sectors (SG 2.1), and
each area's own. A sector is a set of SIC 2007 codes (SG Annex D), written in the canonical
form of `lsip.classification.codes` ("41", "62.0", "62.01", "10.51/1"); `services` validates
and normalises a definition, `definitions` holds the starting national ones."""

from django.db import models

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel


class Sector(BaseModel, AuditedModel):
    class Kind(models.TextChoices):
        GROWTH = "growth", "Industrial Strategy growth-driving sector"
        FOUNDATION = "foundation", "Foundation sector"
        AREA = "area", "The area's own sector"

    area = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sectors",
        help_text="Empty for the national sectors every area shares.",
    )
    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    sic_codes = models.JSONField(
        "SIC 2007 codes",
        default=list,
        blank=True,
        help_text="The SIC 2007 codes that define the sector.",
    )
    description = models.TextField(blank=True)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="The national sector this area sector was copied from, if any.",
    )

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="one_sector_name_per_area"),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(area__isnull=True),
                name="one_national_sector_name",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_national(self) -> bool:
        return self.area_id is None

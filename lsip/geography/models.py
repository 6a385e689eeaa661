"""Boundaries for maps and the names and codes districts had before LAD 2023.

Both tables are reference data: `lsip refdata install` fills them from the ONS files of the
catalogue (`lsip.geography.loaders`) and replaces them completely on each install.
"""

from django.db import models


class Boundary(models.Model):
    """One boundary for maps: a GeoJSON geometry in WGS84 longitude/latitude (RFC 7946)."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority district"
        LSIP_2023 = "lsip_2023", "LSIP area (August 2023)"
        COMBINED_AUTHORITY = "combined_authority", "Combined authority"
        COUNTRY = "country", "Country"

    kind = models.CharField(max_length=30, choices=Kind.choices)
    code = models.CharField(
        "GSS code", max_length=9, blank=True, db_index=True, help_text="Where the file gives one."
    )
    name = models.CharField(max_length=200)
    geometry = models.JSONField(
        help_text="A GeoJSON Polygon or MultiPolygon, WGS84 lon/lat, 5 decimal places."
    )
    source = models.CharField(max_length=60, help_text="The catalogue key of the file.")

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "boundaries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="one_boundary_per_kind_and_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class PlaceName(models.Model):
    """A district name or code that is not one of the 296 LAD 2023 districts of the areas.

    `predecessor` rows are a district of an earlier year and the district it became (the
    LAD 2011 to 2021 lookup, as published); `outside` rows are places outside England (Wales,
    Scotland, Northern Ireland) as a file names them. `DistrictResolver` reads these rows.
    """

    class Kind(models.TextChoices):
        PREDECESSOR = "predecessor", "Predecessor district"
        OUTSIDE = "outside", "Outside England"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200)
    code = models.CharField("GSS code", max_length=9, blank=True)
    successor_code = models.CharField(
        max_length=9, blank=True, help_text="The district it became, as the file names it."
    )
    successor_name = models.CharField(max_length=200, blank=True)
    region = models.CharField(max_length=80, blank=True, help_text="Country or ITL1 region.")
    source = models.CharField(max_length=60, help_text="The catalogue key of the file.")

    class Meta:
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["source"])]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

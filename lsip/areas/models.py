"""LSIP areas, the local authority districts they cover, and their plan cycles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel


class Area(BaseModel, AuditedModel):
    """One of the 39 LSIP specified areas (SG Annex B)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    places_covered = models.JSONField(
        default=list, help_text="The places as Annex B of the statutory guidance names them."
    )
    strategic_authority = models.CharField(
        max_length=200,
        blank=True,
        help_text="The Strategic Authority, where Annex B names one (the area is devolved).",
    )
    is_devolution_priority = models.BooleanField(
        "Devolution Priority Programme area",
        default=False,
        help_text="One of the six areas of section 3.6 whose Strategic Authority is being created.",
    )
    mayor_elected_in = models.PositiveSmallIntegerField(
        "year of the first mayoral election",
        null=True,
        blank=True,
        help_text="A DPP area: the year its new Strategic Authority first elects a mayor "
        "(SG 3.6: May 2026 allows its confirmation of the plan to wait for the mayor).",
    )
    erb = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="designated Employer Representative Body",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def audit_area(self):
        return self

    @property
    def is_devolved(self) -> bool:
        """SG 3: an area is devolved where a Strategic Authority exists for it."""
        return bool(self.strategic_authority)

    def get_absolute_url(self):
        return reverse("areas:area-detail", kwargs={"area_slug": self.slug})


class LocalAuthority(BaseModel, AuditedModel):
    """A local authority district within an area, with its ONS GSS code once installed."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="local_authorities")
    name = models.CharField(max_length=120, unique=True, help_text="The ONS district name.")
    gss_code = models.CharField(
        "GSS code",
        max_length=9,
        blank=True,
        db_index=True,
        help_text="The ONS code (LAD 2023), set by `lsip refdata install`.",
    )
    county = models.CharField(max_length=80, blank=True)
    subregion = models.CharField(max_length=80, blank=True)
    combined_authority = models.CharField(
        max_length=120,
        blank=True,
        help_text="The combined authority (ONS LAD to CAUTH lookup, May 2025), if any.",
    )
    combined_authority_code = models.CharField(
        "combined authority GSS code", max_length=9, blank=True
    )
    region = models.CharField(
        max_length=80, blank=True, help_text="The ITL1 region, set by `lsip refdata install`."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class Cycle(BaseModel, AuditedModel):
    """A three-year LSIP cycle of one area (SG 2), on which plan, evidence and reports hang."""

    class Status(models.TextChoices):
        PREPARING = "preparing", "Preparing"
        DEVELOPING = "developing", "Developing the plan"
        SUBMITTED = "submitted", "Submitted for approval"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"
        CLOSED = "closed", "Closed"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="cycles")
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREPARING)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_cycles",
        help_text="The cycle this one carries priorities forward from.",
    )
    substantive_draft_due = models.DateField(null=True, blank=True)
    final_due = models.DateField(null=True, blank=True)
    publication_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["area__name", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["area", "start_year"], name="one_cycle_per_start_year"),
            models.CheckConstraint(
                condition=models.Q(end_year__gt=models.F("start_year")),
                name="cycle_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.area.name} {self.label}"

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    def clean(self):
        """An LSIP runs for three years (SG 2) and an area's cycles do not overlap."""
        if self.start_year is None or self.end_year is None:
            return
        if self.end_year - self.start_year != 3:
            raise ValidationError(
                {"end_year": "An LSIP cycle lasts three years: the end year is the start year + 3"}
            )
        if self.area_id is None:
            return
        overlapping = Cycle.objects.filter(
            area_id=self.area_id, start_year__lt=self.end_year, end_year__gt=self.start_year
        ).exclude(pk=self.pk)
        clash = overlapping.first()
        if clash:
            raise ValidationError(
                {"start_year": f"This area already has the {clash.label} cycle, which overlaps"}
            )
        if self.previous_id and self.previous.area_id != self.area_id:
            raise ValidationError({"previous": "The previous cycle must belong to the same area"})

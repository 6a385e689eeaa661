"""The employer engagement record and the skills-needs evidence it yields (SG 5.1, 3.4).

Every employer, provider or stakeholder engaged, how and when; and each skills need in the
employer's own words next to its SOC 2020 code, with who confirmed the code.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel


class Engagement(BaseModel, AuditedModel):
    class Type(models.TextChoices):
        INTERVIEW = "interview", "One-to-one interview"
        SURVEY = "survey", "Survey response"
        FOCUS_GROUP = "focus_group", "Focus group"
        EVENT = "event", "Roundtable or event"
        DEEP_DIVE = "deep_dive", "Sector deep dive"
        BOARD = "board", "Board or forum"
        OTHER = "other", "Other"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey(
        "areas.Cycle", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    type = models.CharField(max_length=12, choices=Type.choices)
    date = models.DateField()
    erb_staff = models.CharField(
        "who from the ERB",
        max_length=200,
        blank=True,
        help_text="The ERB staff who held the engagement.",
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        related_name="engagements",
        help_text="The employers, providers or stakeholders engaged.",
    )
    consent_to_be_named = models.BooleanField(
        default=False, help_text="Whether the organisation agreed to be named in the plan."
    )
    notes = models.TextField(blank=True)
    import_batch = models.ForeignKey(
        "engagement.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagements",
    )
    source_key = models.CharField(
        max_length=64,
        blank=True,
        help_text="A fingerprint of the imported row, so that importing it again adds nothing.",
    )
    source_row = models.JSONField(
        default=dict,
        blank=True,
        help_text="Every column of the imported row as the file had it, mapped or not.",
    )

    #: The imported row is evidence kept as it came, not an edit: the trail records the
    #: import (its batch), not a second copy of every row, which may hold contact details.
    audit_ignore = ("created_on", "modified_on", "source_row")

    class Meta:
        ordering = ["-date", "-created_on"]
        indexes = [
            # Breadth of engagement counts employers by engagement type without the table.
            models.Index(fields=["area", "type", "id"], name="engagement_area_type_id"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_engagement_per_imported_row",
            ),
        ]

    def __str__(self):
        return f"{self.get_type_display()} on {self.date:%d %b %Y}"


class SkillsNeed(BaseModel, AuditedModel):
    """A skills need as an employer, provider or stakeholder put it, and its SOC 2020 code."""

    class NeedType(models.TextChoices):
        SHORTAGE = "shortage", "Recruitment shortage"
        GAP = "gap", "Skills gap in current staff"
        FUTURE = "future", "Future or emerging need"
        PROVISION = "provision", "Gap in the provider offer"

    class Timescale(models.TextChoices):
        NOW = "now", "Now"
        WITHIN_3_YEARS = "3_years", "Within 3 years"
        LATER = "later", "Later"

    class Theme(models.TextChoices):
        DIGITAL = "digital", "Digital"
        NET_ZERO = "net_zero", "Net zero and green"
        WORK_READINESS = "work_readiness", "Work-readiness and soft skills"
        ENGLISH_MATHS = "english_maths", "English and maths"
        LEADERSHIP = "leadership", "Leadership and management"

    #: SG 2: levels from entry to level 8.
    LEVELS = [("entry", "Entry level"), *((str(n), f"Level {n}") for n in range(1, 9))]

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="needs")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="skills_needs"
    )
    words = models.CharField(
        "occupation in their words",
        max_length=300,
        help_text="The job or skill exactly as they said it.",
    )
    soc_code = models.CharField("SOC 2020 unit group", max_length=4, blank=True)
    soc_confidence = models.FloatField(null=True, blank=True)
    soc_method = models.CharField(max_length=40, blank=True)
    soc_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person who confirmed the code, if one did.",
    )
    coder_version = models.CharField(max_length=20, blank=True)
    need_type = models.CharField(max_length=10, choices=NeedType.choices)
    level = models.CharField(max_length=5, choices=LEVELS, blank=True)
    number = models.PositiveIntegerField("how many people or roles", null=True, blank=True)
    timescale = models.CharField(max_length=8, choices=Timescale.choices, blank=True)
    themes = models.JSONField("cross-cutting themes", default=list, blank=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["created_on"]

    def __str__(self):
        return self.words

    @property
    def soc_confirmed(self) -> bool:
        return self.soc_confirmed_by_id is not None or self.soc_method == "learned mapping"

    def clean(self):
        unknown = set(self.themes) - set(self.Theme.values)
        if unknown:
            raise ValidationError({"themes": f"Unknown themes: {', '.join(sorted(unknown))}"})


class ImportBatch(BaseModel, AuditedModel):
    """One import of a survey or interview spreadsheet: what, by whom, with what mapping."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    mapping = models.JSONField(default=dict)
    rows = models.PositiveIntegerField(default=0)
    engagements_created = models.PositiveIntegerField(default=0)
    needs_created = models.PositiveIntegerField(default=0)
    organisations_created = models.PositiveIntegerField(default=0)
    rows_already_imported = models.PositiveIntegerField(default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_on"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.filename} ({self.created_on:%d %b %Y})"

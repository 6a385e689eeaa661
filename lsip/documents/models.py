"""The plan and progress report as documents (SG Annex A; Stage 2 guidance 3.3): the ERB's own
words for each narrative section, the area's branding, the files built from them and what has
been published to the public pages. A year's progress report is one record,
`lsip.delivery.models.ProgressReport`, which this app renders and publishes.

A `Publication` keeps the whole document as it stood when published (the tree of
`lsip.documents.tree`), beside the plan's frozen `Snapshot`, so that later edits never change
what the public reads; its PDF and DOCX are built from that tree when first asked for.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel

COLOUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hex digits, like #1d70b8"
)


class Branding(BaseModel, AuditedModel):
    """An area's own branding for its documents (SG Annex A: "each area may use its own
    branding and page design"): the name on the cover, the logo and two colours."""

    area = models.OneToOneField("areas.Area", on_delete=models.CASCADE, related_name="branding")
    organisation_name = models.CharField(
        "name on the cover", max_length=200, blank=True, help_text="Empty: the ERB's name."
    )
    logo = models.FileField(
        upload_to="branding/", blank=True, help_text="PNG, JPEG or SVG, shown on the cover."
    )
    colour = models.CharField("main colour", max_length=7, default="#1d70b8", validators=[COLOUR])
    accent = models.CharField("accent colour", max_length=7, default="#00703c", validators=[COLOUR])

    class Meta:
        verbose_name_plural = "branding"

    def __str__(self):
        return f"Branding of {self.area}"

    @property
    def audit_area(self):
        return self.area


class Narrative(BaseModel, AuditedModel):
    """The ERB's words for one narrative section of a document, in Markdown."""

    class State(models.TextChoices):
        EMPTY = "empty", "Empty"
        DRAFTED = "drafted", "Drafted"
        COMPLETE = "complete", "Complete"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="narratives")
    document = models.CharField(max_length=20, help_text='"plan" or "progress-YEAR".')
    key = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    complete = models.BooleanField("this section is complete", default=False)

    class Meta:
        ordering = ["document", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "document", "key"], name="one_narrative_per_section"
            )
        ]

    def __str__(self):
        return f"{self.document}: {self.key}"

    @property
    def audit_area(self):
        return self.plan.area

    @property
    def state(self) -> str:
        if not self.text.strip():
            return self.State.EMPTY
        return self.State.COMPLETE if self.complete else self.State.DRAFTED


class Build(BaseModel):
    """One file built from a document: when, by whom, how long it took and how many pages."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        HTML = "html", "Web page (HTML)"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="builds")
    document = models.CharField(max_length=20)
    format = models.CharField(max_length=4, choices=Format.choices)
    file = models.CharField(max_length=300, help_text="Path under the media folder.")
    pages = models.PositiveIntegerField(null=True, blank=True)
    main_body_pages = models.PositiveIntegerField(null=True, blank=True)
    seconds = models.FloatField(default=0)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_on"]

    def __str__(self):
        return f"{self.document} {self.format} built {self.created_on:%d %B %Y %H:%M}"


class Publication(BaseModel, AuditedModel):
    """A document as published to the public pages: frozen, dated, never changed."""

    class Kind(models.TextChoices):
        PLAN = "plan", "Local Skills Improvement Plan"
        PROGRESS = "progress", "Progress report"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="publications")
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="publications")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    report = models.ForeignKey(
        "delivery.ProgressReport",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    snapshot = models.ForeignKey(
        "plans.Snapshot", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=300)
    content = models.JSONField(help_text="The document tree as published.")
    published_on = models.DateField()
    available_from = models.DateField(help_text="Shown to the public from this date.")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_on = models.DateField(null=True, blank=True)

    #: The document itself is recorded by the publication's id, not copied into the trail.
    audit_ignore = ("created_on", "modified_on", "content")

    class Meta:
        ordering = ["-published_on", "-created_on"]

    def __str__(self):
        return f"{self.title} (published {self.published_on:%d %B %Y})"

    @property
    def audit_area(self):
        return self.area

    def get_absolute_url(self):
        return reverse("public:publication", kwargs={"area_slug": self.area.slug, "pk": self.pk})

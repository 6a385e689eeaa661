"""SOC 2020 and SIC 2007, as ONS publishes them (SG Annex D: the codes LSIPs use).

Reference data: loaded by `lsip refdata install` (see `loaders.py`), never edited by users
and not audited. Every row is keyed by its code in the canonical form of `codes.py`, so a
reload gives every item the same key. The files install separately, so links between
tables that come from different files (an index title to its unit group, an activity to its
class) are not database constraints: each loader checks them against the other file when
that is installed, and a reload replaces a table without touching the others.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.classification.codes import sic_digits
from lsip.core.models import BaseModel

#: A link to a row another file loads: no constraint, and replacing that table leaves it be.
_CROSS_FILE = {"on_delete": models.DO_NOTHING, "db_constraint": False}


class SocGroup(models.Model):
    """A SOC 2020 group: major (1 digit), sub-major (2), minor (3) or unit group (4).

    Descriptions, entry routes, tasks and related job titles are those of SOC 2020 Volume 1;
    ONS gives tasks and related job titles for unit groups only.
    """

    class Level(models.TextChoices):
        MAJOR = "major", "Major group"
        SUB_MAJOR = "sub-major", "Sub-major group"
        MINOR = "minor", "Minor group"
        UNIT = "unit", "Unit group"

    code = models.CharField(max_length=4, primary_key=True)
    level = models.CharField(max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, on_delete=models.DO_NOTHING, related_name="children"
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    entry_routes = models.TextField(
        "typical entry routes and associated qualifications", blank=True
    )
    tasks = models.JSONField(default=list, blank=True)
    related_titles = models.JSONField("related job titles", default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "SOC 2020 group"

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("classification:soc-detail", kwargs={"code": self.code})

    @property
    def display_title(self) -> str:
        return self.title


class SocExtendedGroup(models.Model):
    """An extended sub-unit group of the SOC 2020 coding index, such as 2433/04."""

    code = models.CharField(max_length=7, primary_key=True)
    unit_group = models.ForeignKey(SocGroup, related_name="extended_groups", **_CROSS_FILE)
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = "SOC 2020 extended sub-unit group"

    def __str__(self):
        return f"{self.code} {self.title}"


class SocIndexTitle(models.Model):
    """A job title of the SOC 2020 coding index (Volume 2), in the order of the file.

    Titles ONS does not code without more information (`}}}}/}}`) have no unit group. The
    index lists some titles more than once for one code: the full index tells them apart
    with qualifiers that the installed extract leaves out, so every row is kept.
    """

    row = models.PositiveIntegerField(unique=True, help_text="The row of the index file.")
    title = models.CharField(max_length=300)
    unit_group = models.ForeignKey(SocGroup, null=True, related_name="index_titles", **_CROSS_FILE)
    extended_group = models.ForeignKey(
        SocExtendedGroup, null=True, related_name="index_titles", **_CROSS_FILE
    )

    class Meta:
        ordering = ["row"]
        verbose_name = "SOC 2020 coding index title"

    def __str__(self):
        return f"{self.title} ({self.extended_group_id or 'not codable alone'})"


class SicItem(models.Model):
    """A UK SIC 2007 section, division, group, class or subclass (code as in `codes.py`)."""

    class Level(models.TextChoices):
        SECTION = "section", "Section"
        DIVISION = "division", "Division"
        GROUP = "group", "Group"
        CLASS = "class", "Class"
        SUBCLASS = "subclass", "Subclass"

    code = models.CharField(max_length=7, primary_key=True)
    level = models.CharField(max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, on_delete=models.DO_NOTHING, related_name="children"
    )
    title = models.CharField(max_length=300)
    position = models.PositiveIntegerField(help_text="The order of the structure file.")

    class Meta:
        ordering = ["position"]
        verbose_name = "SIC 2007 item"

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("classification:sic-detail", kwargs={"code": self.url_code})

    @property
    def display_title(self) -> str:
        """The title; ONS prints section titles in capitals, shown here in sentence case."""
        return self.title.capitalize() if self.title.isupper() else self.title

    @property
    def url_code(self) -> str:
        """The code as it appears in addresses: without punctuation ("C", "10511")."""
        return sic_digits(self.code)


class SicActivity(models.Model):
    """An activity of the UK SIC 2007 alphabetical index, coded to a class or subclass."""

    row = models.PositiveIntegerField(unique=True, help_text="The row of the index sheet.")
    activity = models.CharField(max_length=300)
    item = models.ForeignKey(SicItem, related_name="activities", **_CROSS_FILE)
    sic2003 = models.CharField("SIC 2003 code", max_length=5, blank=True)

    class Meta:
        ordering = ["row"]
        verbose_name = "SIC 2007 index activity"
        verbose_name_plural = "SIC 2007 index activities"

    def __str__(self):
        return f"{self.activity} ({self.item_id})"


class CodingReview(BaseModel, AuditedModel):
    """A job title the coder could not code with confidence, waiting for a person (or done).

    The person's choice is kept with who made it, when, and the coder version that proposed
    the candidates; confirming one teaches the area's learned mappings.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        CONFIRMED = "confirmed", "Confirmed"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    text = models.CharField("title as written", max_length=300)
    context = models.CharField(max_length=500, blank=True)
    key = models.CharField(max_length=300, help_text="The title as the coder normalises it.")
    candidates = models.JSONField(default=list)
    coder_status = models.CharField(max_length=40)
    coder_version = models.CharField(max_length=20)
    source = models.CharField(max_length=200, blank=True, help_text="Where the title came from.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    chosen_code = models.CharField(max_length=4, blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chosen_on = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "key"],
                condition=models.Q(status="pending"),
                name="one_pending_review_per_title",
            ),
        ]

    def __str__(self):
        return self.text


class LearnedMapping(BaseModel, AuditedModel):
    """A title a person of the area confirmed: the coder uses it first next time."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=300, help_text="The title as the coder normalises it.")
    code = models.CharField("SOC 2020 unit group", max_length=4)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    coder_version = models.CharField(max_length=20)

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="one_mapping_per_title"),
        ]

    def __str__(self):
        return f"{self.key} → {self.code}"

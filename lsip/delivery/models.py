"""Delivering the plan and keeping it under review (SG 6 to 8; Stage 2 guidance 3.3, 3.4).

Partners report on the Annex B activities their organisation leads or supports (`Update`,
with `Evidence` and `MetricValue`s); the ERB accepts each update or sends it back with a
question. Rounds (`Round`) ask everyone who owes an update for one, and every email sent is
recorded once (`Reminder`). Employers say whether the changes are working (`Feedback`);
evidence after approval is tagged to a priority or as a new need (`ReviewEvidence`), and the
ERB records its discussion of a replacement plan (`ReplacementDiscussion`). The annual
progress report's narrative and sign-off live in `ProgressReport`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel


class Status(models.TextChoices):
    """How a partner says an activity stands (the issue's five statuses)."""

    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETE = "complete", "Complete"


class Round(BaseModel, AuditedModel):
    """A call for updates for one period, with the date they are due."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(max_length=100, help_text="For example “2026 Q3”.")
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField("updates due on")
    remind_days_before = models.PositiveSmallIntegerField(
        default=7, help_text="Days before the due date to remind those who have not reported."
    )
    remind_days_after = models.PositiveSmallIntegerField(
        default=7, help_text="Days after the due date to chase those still silent."
    )
    closed_on = models.DateField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-due_on", "-created_on"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="one_round_name_per_plan")
        ]

    def __str__(self):
        return self.name

    @property
    def area(self):
        return self.plan.area

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The period must end on or after its start"})

    def get_absolute_url(self):
        return reverse(
            "delivery:round-detail", kwargs={"area_slug": self.plan.area.slug, "pk": self.pk}
        )


class Update(BaseModel, AuditedModel):
    """One organisation's report on one activity: submitted, then accepted or sent back."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for the ERB"
        ACCEPTED = "accepted", "Accepted"
        RETURNED = "returned", "Sent back with a question"

    activity = models.ForeignKey("plans.Activity", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    round = models.ForeignKey(
        Round, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    as_of = models.DateField("position as at")
    status = models.CharField(max_length=12, choices=Status.choices)
    percent_complete = models.PositiveSmallIntegerField("per cent complete")
    narrative = models.TextField(help_text="What has happened since the last update.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_on = models.DateTimeField(null=True, blank=True)
    question = models.TextField(blank=True, help_text="The ERB's question, when sent back.")
    answers = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_by",
        help_text="The update sent back that this one answers.",
    )

    class Meta:
        ordering = ["-as_of", "-created_on"]

    def __str__(self):
        return f"{self.activity} ({self.as_of:%d %B %Y})"

    @property
    def area(self):
        return self.organisation.area

    def clean(self):
        if self.percent_complete is not None and self.percent_complete > 100:
            raise ValidationError({"percent_complete": "Enter a percentage from 0 to 100"})
        if self.status == Status.COMPLETE and self.percent_complete != 100:
            raise ValidationError(
                {"percent_complete": "A complete activity is 100 per cent complete"}
            )


class Evidence(BaseModel, AuditedModel):
    """A file or a link that backs an update. Files are kept privately and streamed only to
    those who may see the update."""

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="delivery-evidence/%Y/%m/", blank=True)
    link = models.URLField(blank=True, max_length=500)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["created_on"]

    def __str__(self):
        return self.description or self.link or self.file.name

    @property
    def area(self):
        return self.update.organisation.area

    def clean(self):
        if not self.file and not self.link:
            raise ValidationError("Add a file or a link")


class MetricValue(BaseModel, AuditedModel):
    """A value of a plan outcome's metric on a date, and where it came from."""

    class Source(models.TextChoices):
        UPDATE = "update", "A partner's update"
        UPLOAD = "upload", "A spreadsheet upload"
        API = "api", "The API"
        ERB = "erb", "Entered by the ERB"

    outcome = models.ForeignKey("plans.Outcome", on_delete=models.CASCADE, related_name="+")
    on = models.DateField("date of the value")
    value = models.FloatField()
    source = models.CharField(max_length=8, choices=Source.choices)
    source_detail = models.CharField(
        max_length=300, blank=True, help_text="The file uploaded, or the API client."
    )
    update = models.ForeignKey(
        Update, null=True, blank=True, on_delete=models.CASCADE, related_name="metric_values"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["outcome", "on", "created_on"]

    def __str__(self):
        return f"{self.outcome.metric}: {self.value:g} on {self.on:%d %B %Y}"

    @property
    def area(self):
        return self.outcome.plan.area


class Reminder(BaseModel):
    """One email sent for a round to one person: the record that stops it being sent twice."""

    class Kind(models.TextChoices):
        OPENING = "opening", "Round opened"
        BEFORE = "before", "Reminder before the due date"
        AFTER = "after", "Chase after the due date"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.EmailField()
    sent_on = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "kind", "organisation", "recipient"], name="one_reminder_each"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.recipient}"


class Feedback(BaseModel, AuditedModel):
    """An employer's answer to “are the changes made under the LSIP working for you?”
    (SG 6: feedback from employers on the effectiveness of changes)."""

    class Working(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"
        NOT_SURE = "not_sure", "Not sure yet"

    priority = models.ForeignKey("plans.Priority", on_delete=models.CASCADE, related_name="+")
    working = models.CharField("are the changes working", max_length=8, choices=Working.choices)
    comments = models.TextField(blank=True)
    employer_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The employer's record, when the employer is known.",
    )
    sender = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="A keyed hash of the address it came from (rate limit).",
    )

    class Meta:
        verbose_name_plural = "feedback"
        ordering = ["-created_on"]

    def __str__(self):
        return f"{self.get_working_display()}: {self.priority}"

    @property
    def area(self):
        return self.priority.plan.area


class ReviewEvidence(BaseModel, AuditedModel):
    """Evidence recorded after approval, tagged as supporting a priority or as a new need
    (SG 6 ongoing review; SG 8; Stage 2 guidance 3.4)."""

    class Tag(models.TextChoices):
        SUPPORTS = "supports", "Supports an existing priority"
        NEW_NEED = "new_need", "A new need"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where it came from.")
    recorded_on = models.DateField()
    tag = models.CharField(max_length=10, choices=Tag.choices)
    priority = models.ForeignKey(
        "plans.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The priority it supports or is linked to; none for a wholly new need.",
    )

    class Meta:
        verbose_name_plural = "review evidence"
        ordering = ["-recorded_on", "-created_on"]

    def __str__(self):
        return self.title

    @property
    def area(self):
        return self.plan.area

    def clean(self):
        if self.tag == self.Tag.SUPPORTS and not self.priority_id:
            raise ValidationError({"priority": "Choose the priority this evidence supports"})


class ReplacementDiscussion(BaseModel, AuditedModel):
    """The ERB's discussion of whether a replacement plan is needed, and its outcome (SG 8)."""

    class Outcome(models.TextChoices):
        OPEN = "open", "Still under discussion"
        NOT_NEEDED = "not_needed", "No replacement needed: covered by the progress report"
        REPLACE = "replace", "A replacement LSIP will be developed"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    evidence = models.ManyToManyField(ReviewEvidence, related_name="discussions")
    discussed_on = models.DateField()
    with_whom = models.CharField(
        max_length=200, help_text="For example the Skills England relationship manager."
    )
    notes = models.TextField()
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.OPEN)

    class Meta:
        ordering = ["-discussed_on", "-created_on"]

    def __str__(self):
        return f"{self.discussed_on:%d %B %Y}: {self.get_outcome_display()}"

    @property
    def area(self):
        return self.plan.area


class ProgressReport(BaseModel, AuditedModel):
    """A plan's annual progress report of one year (Stage 2 guidance 3.3), the one record of
    it: the ERB's narrative, the board decision that signed it off, the date before which it
    is never shown as published, and whether the document is final (within its 20 pages).
    The documents app renders and publishes it; `lsip.delivery.report.is_published` says
    whether it is published (decision 0076)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="progress_reports"
    )
    year = models.PositiveSmallIntegerField(help_text="The calendar year it reports in.")
    achieved = models.TextField("what was achieved", blank=True)
    impact = models.TextField("impact and benefits", blank=True)
    still_to_achieve = models.TextField("what still needs achieving", blank=True)
    new_intelligence = models.TextField(
        "new or more granular intelligence and more specific actions", blank=True
    )
    publication_date = models.DateField(
        null=True, blank=True, help_text="The date set centrally; never published before it."
    )
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The board decision that signed it off.",
    )
    status = models.CharField(
        max_length=5,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Final once its PDF is within the 20 pages.",
    )
    finalised_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_progress_report_a_year")
        ]

    def __str__(self):
        return f"Progress report {self.year}"

    @property
    def area(self):
        return self.plan.area

    @property
    def document_key(self) -> str:
        """The key of its narrative sections and builds in the documents app."""
        return f"progress-{self.year}"

    def get_absolute_url(self):
        return reverse(
            "documents:progress", kwargs={"area_slug": self.plan.area.slug, "year": self.year}
        )

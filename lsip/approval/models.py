"""Submission and approval of an area's plan (SG 3.5, 3.6): the national calendar of a cycle
(Skills England's dates), the steps each area's cycle has taken, the joint confirmations of
the ERB and the Strategic Authority, Skills England's feedback and the ERB's answers, and the
log of disagreements with their escalation."""

from django.conf import settings
from django.db import models

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel


class CycleCalendar(BaseModel, AuditedModel):
    """The dates Skills England sets for every area's cycle starting in one year (SG 3.5:
    substantive draft by 31 March 2026, final version by May 2026, publication expected in
    June 2026 "exact dates will be confirmed"). A cycle's own dates, where set, come first."""

    start_year = models.PositiveSmallIntegerField(unique=True)
    substantive_draft_due = models.DateField("substantive draft due")
    final_due = models.DateField("final version due")
    publication_due = models.DateField("publication expected")
    publication_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="What is still to be confirmed about publication, said beside its date.",
    )

    class Meta:
        ordering = ["-start_year"]

    def __str__(self):
        return f"The {self.start_year}-{self.start_year + 3} cycle's dates"

    @property
    def audit_area(self):
        return None


class Step(BaseModel, AuditedModel):
    """One step of a cycle's lifecycle, taken by someone at a time, with the plan frozen as it
    was (a `plans.Snapshot`) and the readiness checker's result then."""

    class Kind(models.TextChoices):
        DEVELOPING = "developing", "Developing"
        DRAFT_SUBMITTED = "draft_submitted", "Substantive draft submitted"
        FEEDBACK_RECEIVED = "feedback_received", "Feedback received"
        FINAL_SUBMITTED = "final_submitted", "Final version submitted"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"
        IN_DELIVERY = "in_delivery", "In delivery"
        CLOSED = "closed", "Closed"
        REPLACED = "replaced", "Replaced"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey("areas.Cycle", on_delete=models.PROTECT, related_name="steps")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    snapshot = models.ForeignKey(
        "plans.Snapshot", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    readiness = models.JSONField(
        default=dict, blank=True, help_text="The readiness checker's summary when it was taken."
    )
    failures_confirmed = models.BooleanField(
        default=False, help_text="Taken although checks failed, after the person confirmed."
    )

    class Meta:
        ordering = ["at", "created_on"]

    def __str__(self):
        return f"{self.cycle}: {self.get_kind_display()}"

    @property
    def audit_area(self):
        return self.area


class Confirmation(BaseModel, AuditedModel):
    """A party's confirmation that it is content with the plan as it stood at one revision
    (SG 3.5, 3.6), or the Strategic Authority's deferral in a Devolution Priority Programme
    area until its mayor is in place (SG 3.6)."""

    class Party(models.TextChoices):
        ERB = "erb", "Employer Representative Body"
        STRATEGIC_AUTHORITY = "sa", "Strategic Authority"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey("areas.Cycle", on_delete=models.PROTECT, related_name="confirmations")
    party = models.CharField(max_length=3, choices=Party.choices)
    deferred = models.BooleanField(default=False)
    revision = models.PositiveIntegerField(help_text="The plan's revision it confirms.")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-created_on"]

    def __str__(self):
        verb = "deferred" if self.deferred else "content"
        return f"{self.get_party_display()} {verb} (version {self.revision})"

    @property
    def audit_area(self):
        return self.area


class FeedbackPoint(BaseModel, AuditedModel):
    """A point of Skills England's feedback on a section of a submitted snapshot, and the
    ERB's answer (SG 3.5: "Skills England will review and provide feedback")."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey("areas.Cycle", on_delete=models.PROTECT, related_name="feedback")
    snapshot = models.ForeignKey("plans.Snapshot", on_delete=models.PROTECT, related_name="+")
    section = models.CharField(max_length=40, help_text="The part of the plan it is about.")
    point = models.TextField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    raised_on = models.DateField()
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["raised_on", "created_on"]

    def __str__(self):
        return self.point[:80]

    @property
    def section_label(self) -> str:
        from lsip.approval.feedback import SECTION_CHOICES

        return dict(SECTION_CHOICES).get(self.section, self.section)

    @property
    def audit_area(self):
        return self.area


class Disagreement(BaseModel, AuditedModel):
    """A disagreement between the ERB and the Strategic Authority on the plan, and how far it
    has gone (SG 3.5): raised, referred to the LSIP's governance, referred to Skills England,
    escalated to the Secretary of State, resolved."""

    class Stage(models.TextChoices):
        RAISED = "raised", "Raised"
        GOVERNANCE = "governance", "Referred to the LSIP's governance"
        SKILLS_ENGLAND = "skills_england", "Referred to Skills England"
        SECRETARY_OF_STATE = "secretary_of_state", "Escalated to the Secretary of State"
        RESOLVED = "resolved", "Resolved"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey("areas.Cycle", on_delete=models.PROTECT, related_name="disagreements")
    subject = models.CharField(max_length=200)
    details = models.TextField(help_text="The specific areas of disagreement.")
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.RAISED)
    resolution = models.TextField(blank=True)

    class Meta:
        ordering = ["created_on"]

    def __str__(self):
        return self.subject

    @property
    def audit_area(self):
        return self.area


class DisagreementEvent(BaseModel, AuditedModel):
    """One move of a disagreement along its path: the stage reached, when and by whom."""

    disagreement = models.ForeignKey(Disagreement, on_delete=models.CASCADE, related_name="events")
    stage = models.CharField(max_length=20, choices=Disagreement.Stage.choices)
    on = models.DateField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["on", "created_on"]

    def __str__(self):
        return f"{self.disagreement}: {self.get_stage_display()}"

    @property
    def audit_area(self):
        return self.disagreement.area

"""The plan of one cycle (SG 2.2, 3.4, 7, Annex A): priorities drawn from the evidence, the
changes and actions for each, the Annex B activities, the Annex A occupation and industry
table, outcomes and metrics, the context it answers to and the duties it considered.

Every item carries `version`, raised on each save, so that two people editing one item
cannot silently overwrite each other (see `lsip.plans.locking`), and every change of the
plan makes a new `Revision` holding the whole plan as it then stood (see
`lsip.plans.revisions`); a `Snapshot` names one revision and never changes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel
from lsip.engagement.models import SkillsNeed

#: SG 2: levels from entry to level 8 (as a skills need records them).
LEVELS = SkillsNeed.LEVELS


class Aim(models.TextChoices):
    """SG 2.2: the four kinds of change and action an LSIP focuses on."""

    OFFER = "offer", "Improve the skills offer and simplify access"
    AWARENESS = "awareness", "Raise awareness of the existing skills offer"
    EMPLOYERS = "employers", "Drive employer involvement and investment in skills"
    JOIN_UP = "join_up", "Join up with the wider skills system (Jobcentre Plus, careers services)"


class OutcomeArea(models.TextChoices):
    """SG 7: the four groups of outcomes an LSIP sets."""

    SKILLS = "skills", "Skills development and the reduction of skills gaps"
    EMPLOYERS = "employers", "Employer engagement in the skills system"
    PROVISION = "provision", "Supply of technical provision by level, with progression pathways"
    FUNDING = "funding", "How funding is used to support skills priorities"


class Plan(BaseModel, AuditedModel):
    """The LSIP of one area for one cycle."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="plans")
    cycle = models.OneToOneField("areas.Cycle", on_delete=models.PROTECT, related_name="plan")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="The plan's opening summary.")
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["area__name", "-cycle__start_year"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan-detail", kwargs={"area_slug": self.area.slug, "pk": self.pk})


class PlanItem(BaseModel, AuditedModel):
    """What every item of a plan shares: its plan, its place in order, its version."""

    version = models.PositiveIntegerField(default=1)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "created_on"]

    @property
    def area(self):
        return self.plan.area

    @property
    def audit_area(self):
        return self.plan.area


class Priority(PlanItem):
    """One of the plan's 4 to 6 overarching priorities (SG Annex A), and what it covers."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    sectors = models.ManyToManyField("sectors.Sector", blank=True, related_name="+")
    soc_codes = models.JSONField("SOC 2020 unit groups", default=list, blank=True)
    sic_codes = models.JSONField("SIC 2007 codes", default=list, blank=True)
    levels = models.JSONField(default=list, blank=True, help_text="Entry level to level 8.")
    skills_needs = models.ManyToManyField(
        "engagement.SkillsNeed",
        blank=True,
        related_name="priorities",
        help_text="The skills needs employers and providers reported that this answers.",
    )
    indicators = models.JSONField(
        default=list,
        blank=True,
        help_text="Labour-market figures cited: [{'indicator': key, 'breakdown': key}].",
    )
    evidence_note = models.TextField("why this is a priority", blank=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(PlanItem.Meta):
        verbose_name_plural = "priorities"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "plans:priority-detail", kwargs={"area_slug": self.plan.area.slug, "pk": self.pk}
        )


class Action(PlanItem):
    """A change or action agreed for a priority (SG 2.2, Annex A section 2)."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    aims = models.JSONField(default=list, help_text="One or more of the four aims (SG 2.2).")
    expected_outcomes = models.TextField(blank=True)
    measures = models.TextField("how it will be measured", blank=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return self.title

    @property
    def plan(self):
        return self.priority.plan

    def clean(self):
        unknown = [a for a in self.aims or [] if a not in Aim.values]
        if not self.aims:
            raise ValidationError({"aims": "Choose at least one of the four aims"})
        if unknown:
            raise ValidationError({"aims": f"Not one of the four aims: {', '.join(unknown)}"})


class Activity(PlanItem):
    """A specific activity of an action: a row of the Annex B table (SG Annex A)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ON_TRACK = "on_track", "On track"
        AT_RISK = "at_risk", "At risk"
        DELAYED = "delayed", "Delayed"
        COMPLETE = "complete", "Complete"
        STOPPED = "stopped", "Stopped"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(max_length=200)
    leads = models.ManyToManyField(
        "organisations.Organisation", related_name="+", verbose_name="lead organisations"
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="+",
        verbose_name="supporting partners",
    )
    start = models.DateField()
    end = models.DateField()
    milestones = models.TextField(blank=True, help_text="One a line: date and what by then.")
    expected_outcomes = models.TextField(blank=True)
    measures = models.TextField("monitoring and measurement", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    percent_complete = models.PositiveSmallIntegerField(default=0)

    class Meta(PlanItem.Meta):
        verbose_name_plural = "activities"

    def __str__(self):
        return self.title

    @property
    def plan(self):
        return self.action.priority.plan

    @staticmethod
    def organisation_errors(leads, partners) -> dict[str, str]:
        """SG Annex B asks each activity for its "Lead Organisation(s): who is responsible for
        driving the activity forward" and its "Supporting Partners: other organisations or
        stakeholders": so at least one lead, and an organisation is a lead or a partner, not
        both. Many-to-many links are not seen by `clean`, so `services.save` calls this."""
        errors = {}
        if not leads:
            errors["leads"] = "Select at least one lead organisation"
        both = set(leads) & set(partners)
        if both:
            names = ", ".join(sorted(o.name for o in both))
            errors["partners"] = f"{names} is already a lead: choose it once"
        return errors

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The end date must be on or after the start date"})
        if self.percent_complete is not None and self.percent_complete > 100:
            raise ValidationError({"percent_complete": "Enter a percentage from 0 to 100"})


class OccupationEntry(PlanItem):
    """A row of the Annex A occupation and industry table (SG Annex A, Annex D)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="occupations")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    soc_codes = models.JSONField("SOC 2020 codes", default=list, blank=True)
    sector = models.ForeignKey(
        "sectors.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sic_codes = models.JSONField("SIC 2007 codes", default=list, blank=True)
    limitations = models.TextField("mapping limitations", blank=True)
    rationale = models.TextField(
        "why it has no SOC code",
        blank=True,
        help_text="For an emerging role that SOC 2020 does not yet describe.",
    )

    class Meta(PlanItem.Meta):
        verbose_name_plural = "occupation entries"

    def __str__(self):
        return self.name

    def clean(self):
        """SG Annex D: a role with no SOC 2020 code needs a definition and the reason."""
        if not self.soc_codes:
            errors = {}
            if not (self.definition or "").strip():
                errors["definition"] = "A role with no SOC 2020 code needs a definition"
            if not (self.rationale or "").strip():
                errors["rationale"] = "Say why the role has no SOC 2020 code"
            if errors:
                raise ValidationError(errors)


class Outcome(PlanItem):
    """An outcome the plan expects and how it is measured (SG 7): one metric with its
    baseline, target and annual milestones."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    area_of_outcome = models.CharField("outcome area", max_length=10, choices=OutcomeArea.choices)
    name = models.CharField("outcome", max_length=200)
    metric = models.CharField(max_length=200)
    unit = models.CharField(max_length=60)
    baseline = models.FloatField(null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    target = models.FloatField(null=True, blank=True)
    milestone_year1 = models.FloatField("year 1 milestone", null=True, blank=True)
    milestone_year2 = models.FloatField("year 2 milestone", null=True, blank=True)
    milestone_year3 = models.FloatField("year 3 milestone", null=True, blank=True)
    data_source = models.CharField(max_length=300)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="outcomes")

    def __str__(self):
        return self.name


class ContextLink(PlanItem):
    """How the plan reflects a priority it must answer to (SG 2.1, 2.2): a Strategic
    Authority's sector skills priority, or an Industrial Strategy sector."""

    class Kind(models.TextChoices):
        STRATEGIC_AUTHORITY = "sa", "Strategic Authority sector skills priority"
        INDUSTRIAL_STRATEGY = "is", "Industrial Strategy sector"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="context_links")
    kind = models.CharField(max_length=2, choices=Kind.choices)
    name = models.CharField(max_length=200)
    sector = models.ForeignKey(
        "sectors.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reflected = models.BooleanField("the plan reflects it", default=True)
    statement = models.TextField(
        blank=True, help_text="How the plan reflects it, or why it does not."
    )
    priorities = models.ManyToManyField(Priority, blank=True, related_name="context_links")

    def __str__(self):
        return self.name

    def clean(self):
        if not (self.statement or "").strip():
            if self.reflected:
                raise ValidationError({"statement": "Say how the plan reflects it"})
            raise ValidationError({"statement": "Say why the plan does not reflect it"})


class Duty(PlanItem):
    """How the plan considered a cross-cutting duty: net zero, climate adaptation and other
    environmental goals (Skills and Post-16 Education Act 2022 s1(6)), equality (SG 2.2)."""

    class Kind(models.TextChoices):
        NET_ZERO = "net_zero", "Net zero"
        ADAPTATION = "adaptation", "Adaptation to climate change"
        ENVIRONMENT = "environment", "Other environmental goals"
        EQUALITY = "equality", "Equality of opportunity"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="duties")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    how_considered = models.TextField()
    priorities = models.ManyToManyField(Priority, blank=True, related_name="duties")
    actions = models.ManyToManyField(Action, blank=True, related_name="duties")

    class Meta(PlanItem.Meta):
        verbose_name_plural = "duties"
        constraints = [models.UniqueConstraint(fields=["plan", "kind"], name="one_duty_per_kind")]

    def __str__(self):
        return self.get_kind_display()


class Revision(models.Model):
    """The whole plan as it stood after one change: numbered, attributed, never edited."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.CharField(max_length=300)
    document = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_revision_number")
        ]

    def __str__(self):
        return f"Version {self.number}: {self.summary}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("A revision of the plan is never changed")
        super().save(*args, **kwargs)


class Snapshot(BaseModel, AuditedModel):
    """A named, frozen version of the plan (e.g. "substantive draft submitted 31 March")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="snapshots")
    name = models.CharField(max_length=200)
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="snapshots")
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_on"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="one_snapshot_name_per_plan")
        ]

    def __str__(self):
        return self.name

    @property
    def audit_area(self):
        return self.plan.area

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("A frozen snapshot is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("A frozen snapshot is never deleted")

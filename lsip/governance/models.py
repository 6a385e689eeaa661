"""An area's board under its terms of reference (SG 3.3, Annex C): who sits on it, what they
have declared, its meetings and the decisions it takes, the LSIF endorsements it gives and
the ERB's grant. The rules that apply to these records live in plain functions beside them
(`membership`, `voting`, `meetings`, `frequency`, `funding`, `corrections`, ...), so pages,
API and tests share them; they import these models, never the other way round.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel

#: The Marches terms of reference: "a maximum of 20 members" (configurable per board).
DEFAULT_MEMBER_CAP = 20


class Withdrawable(models.Model):
    """A record that can be withdrawn once recorded: kept, marked withdrawn with the date and
    the reason, never deleted (`corrections.withdraw`)."""

    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.CharField("reason for withdrawing", max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None


class Board(BaseModel, AuditedModel):
    """The LSIP board of an area for one cycle of the plan.

    A board keeps its own term, which need not match the statutory plan period (guidance
    section 2: the LSIP runs 2026 to 2029; the Marches board commenced in October 2025 for
    its 2025-2028 cycle)."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="boards")
    cycle = models.OneToOneField("areas.Cycle", on_delete=models.PROTECT, related_name="board")
    name = models.CharField(max_length=200)
    term_start = models.DateField(
        "board term from", null=True, blank=True, help_text="When the board commenced."
    )
    term_end = models.DateField(
        "board term to", null=True, blank=True, help_text="When the board's term ends."
    )
    member_cap = models.PositiveSmallIntegerField(
        "most members",
        default=DEFAULT_MEMBER_CAP,
        help_text="The largest membership the terms of reference allow.",
    )
    terms_of_reference = models.TextField(blank=True)
    conflicts_policy = models.TextField(
        "conflicts of interest policy",
        blank=True,
        help_text="Published beside the register of interests (SG Annex C).",
    )

    class Meta:
        ordering = ["area__name", "-cycle__start_year"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:board", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    def clean(self):
        """A board serves one of its own area's cycles."""
        if self.cycle_id and self.area_id and self.cycle.area_id != self.area_id:
            raise ValidationError({"cycle": "Choose a cycle of the board's area"})

    @property
    def chair(self):
        return self.people.filter(is_chair=True, left_on__isnull=True).first()


class Person(BaseModel, AuditedModel):
    """Someone on the board: a member, a stand-in nominated for one member, or another
    attendee (consultants, secretariat, observers), who does not vote."""

    class Kind(models.TextChoices):
        MEMBER = "member", "Member"
        STAND_IN = "stand_in", "Stand-in"
        ATTENDEE = "attendee", "Other attendee"

    class Category(models.TextChoices):
        """The membership categories of the Marches terms of reference."""

        EMPLOYER = "employer", "Employer"
        FURTHER_EDUCATION = "fe", "Further education"
        HIGHER_EDUCATION = "he", "Higher education"
        TRAINING_PROVIDER = "itp", "Independent training provider"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        SKILLS_BOARD = "skills_board", "Skills board"
        ERB = "erb", "Employer Representative Body"
        OTHER = "other", "Other"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="people")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    represents = models.CharField(
        max_length=300, blank=True, help_text="Organisation and role as the register gives it."
    )
    category = models.CharField(max_length=16, choices=Category.choices, blank=True)
    stands_in_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stand_ins",
        limit_choices_to={"kind": "member"},
    )
    is_chair = models.BooleanField("chair", default=False)
    email = models.EmailField(blank=True, help_text="Personal data: never published.")
    phone = models.CharField(max_length=40, blank=True, help_text="Personal data: never published.")
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "board person"

    def __str__(self):
        return self.name

    @property
    def area(self):
        return self.board.area

    @property
    def votes(self) -> bool:
        return self.kind in (self.Kind.MEMBER, self.Kind.STAND_IN)


class BoardCategory(BaseModel, AuditedModel):
    """A membership category of the board's terms of reference (Marches ToR 2, a to h): the
    seats it should fill and, while it is short of them, the vacancy recorded."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="categories")
    letter = models.CharField(max_length=2)
    category = models.CharField(max_length=16, choices=Person.Category.choices)
    description = models.CharField(max_length=300)
    seats = models.PositiveSmallIntegerField(default=1, help_text="Members it should have.")
    vacant_since = models.DateField(
        null=True, blank=True, help_text="Recorded while the category has fewer members."
    )
    vacancy_note = models.CharField(
        max_length=300, blank=True, help_text="What is being done to fill it."
    )

    class Meta:
        ordering = ["letter"]
        verbose_name_plural = "board categories"
        constraints = [
            models.UniqueConstraint(fields=["board", "category"], name="one_category_a_board")
        ]

    def __str__(self):
        return f"{self.letter}. {self.description}"

    @property
    def area(self):
        return self.board.area


class Designation(BaseModel, AuditedModel):
    """The Secretary of State's designation of the ERB that leads an area's LSIP (SG Annex
    C): the body, its effective date, the terms and conditions, and its end if removed."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    body = models.CharField("designated ERB", max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    effective_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True, help_text="If the designation ended.")
    terms = models.TextField("terms and conditions", blank=True)
    notice_url = models.URLField("notice on GOV.UK", blank=True)

    class Meta:
        ordering = ["-effective_on"]

    def __str__(self):
        return f"{self.body}, from {self.effective_on:%-d %B %Y}"


class CommunicationPlan(BaseModel, AuditedModel):
    """The stakeholder communication plan the ERB agrees (SG 5.5), one for a board's cycle."""

    board = models.OneToOneField(Board, on_delete=models.CASCADE, related_name="communication_plan")
    agreed_on = models.DateField(null=True, blank=True)
    agreed_with = models.CharField(
        max_length=200, blank=True, help_text="The Strategic Authority, in devolution areas."
    )
    summary = models.TextField(blank=True)

    def __str__(self):
        return f"Stakeholder communication plan of {self.board}"

    @property
    def area(self):
        return self.board.area


class CommunicationItem(BaseModel, AuditedModel):
    """One stakeholder or group in the communication plan: why they matter and how and when
    the ERB keeps in touch."""

    class Group(models.TextChoices):
        """The kinds of stakeholder SG 5.5 names (the list is not closed)."""

        INNOVATION = "innovation", "Innovation networks such as catapults"
        UNIONS = "unions", "Trade unions and other key stakeholders"
        CAREERS = "careers", "Careers services and Careers Hubs"
        RECRUITMENT = "recruitment", "Recruitment agencies"
        EQUALITY = "equality", "Bodies for groups with protected characteristics"
        OTHER = "other", "Other"

    plan = models.ForeignKey(CommunicationPlan, on_delete=models.CASCADE, related_name="items")
    stakeholder = models.CharField(max_length=200)
    group = models.CharField(max_length=12, choices=Group.choices)
    priority = models.BooleanField("a priority group", default=False)
    expertise = models.TextField("expertise they bring", blank=True)
    message = models.TextField("what is shared with or asked of them", blank=True)
    channel = models.CharField("how", max_length=200, blank=True)
    timing = models.CharField("when or how often", max_length=200, blank=True)
    owner = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-priority", "group", "stakeholder"]

    def __str__(self):
        return self.stakeholder

    @property
    def area(self):
        return self.plan.board.area


class ChairTerm(BaseModel, AuditedModel):
    """Who chaired the board from when to when (Marches ToR 2: the ERB's chief executive at
    first, then whoever the board elects), so a past meeting shows the chair on its day."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="chair_terms")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="chair_terms")
    started_on = models.DateField(null=True, blank=True, help_text="Empty: from the start.")
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["started_on"]

    def __str__(self):
        return f"{self.person} chair from {self.started_on or 'the start'}"

    @property
    def area(self):
        return self.board.area


class RegisterEntry(BaseModel, AuditedModel):
    """A person's entry in the published register of interests (SG Annex C)."""

    class Status(models.TextChoices):
        AWAITED = "awaited", "Awaited"
        NONE = "none", "No interests"
        DECLARED = "declared", "Interests declared"

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="register")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AWAITED)
    requested_on = models.DateField(help_text="When the declaration was asked for.")
    declared_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "register entries"

    def __str__(self):
        return f"Register entry of {self.person}"

    @property
    def area(self):
        return self.person.board.area


class Interest(BaseModel, AuditedModel):
    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="interests")
    description = models.TextField()
    declared_on = models.DateField()

    class Meta:
        ordering = ["declared_on", "created_on"]

    def __str__(self):
        return self.description[:80]

    @property
    def area(self):
        return self.entry.person.board.area


class Meeting(BaseModel, AuditedModel):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    title = models.CharField(max_length=200, default="Board meeting")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    minutes = models.TextField(blank=True)
    minutes_approved_on = models.DateField(null=True, blank=True)
    recorded = models.BooleanField("the meeting was recorded", default=False)
    recording_destroyed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.title}, {self.date:%-d %B %Y}"

    @property
    def area(self):
        return self.board.area

    def clean(self):
        """Marches ToR 4: a recording, if one was made, is destroyed once the minutes are done;
        a meeting that was not recorded has no recording to destroy."""
        if self.recording_destroyed_on and not self.recorded:
            raise ValidationError(
                {"recording_destroyed_on": "Only a recorded meeting has a recording"}
            )

    @property
    def recording_due_for_destruction(self) -> bool:
        """Marches ToR: the recording is destroyed once the minutes are completed."""
        return self.recorded and self.minutes_approved_on and not self.recording_destroyed_on


class MeetingFrequency(BaseModel, AuditedModel):
    """How often the board meets over one period of its terms of reference (Marches ToR 4):
    every `every_weeks` weeks, or, where the terms allow it, every `reduced_every_months`
    months once the board has agreed so by a majority (`reduced_by`)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="frequencies")
    starts_on = models.DateField()
    ends_on = models.DateField()
    every_weeks = models.PositiveSmallIntegerField("every so many weeks")
    reduced_every_months = models.PositiveSmallIntegerField(
        "may be reduced to every so many months",
        null=True,
        blank=True,
        help_text="Empty where the terms allow no reduction in this period.",
    )
    reduced_by = models.ForeignKey(
        "Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The board's decision that agreed the reduced frequency.",
    )

    class Meta:
        ordering = ["starts_on"]
        verbose_name_plural = "meeting frequencies"

    def __str__(self):
        return f"{self.starts_on:%B %Y} to {self.ends_on:%B %Y}: every {self.every_weeks} weeks"

    @property
    def area(self):
        return self.board.area


class AgendaItem(Withdrawable, BaseModel, AuditedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    report_back_of = models.ForeignKey(
        "Decision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A written-procedure decision this item reports and reviews.",
    )

    class Meta:
        ordering = ["position", "created_on"]

    def __str__(self):
        return self.title

    @property
    def area(self):
        return self.meeting.board.area


class Paper(Withdrawable, BaseModel, AuditedModel):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="board-papers/%Y/%m/")

    def __str__(self):
        return self.title

    @property
    def area(self):
        return self.item.meeting.board.area


class Attendance(BaseModel, AuditedModel):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        STAND_IN = "stand_in", "Attending as stand-in"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=10, choices=Status.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attends_once")]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"

    @property
    def area(self):
        return self.meeting.board.area


class Declaration(Withdrawable, BaseModel, AuditedModel):
    """An interest declared on an agenda item at a meeting."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    description = models.TextField()

    def __str__(self):
        return f"{self.person}: {self.description[:60]}"

    def clean(self):
        """An interest is declared on an item by someone on the meeting's board (SG Annex C);
        a new declaration, by someone still on it."""
        if not (self.person_id and self.item_id):
            return
        if self.person.board_id != self.item.meeting.board_id or (
            self._state.adding and self.person.left_on
        ):
            raise ValidationError({"person": "Choose someone on this board"})

    @property
    def area(self):
        return self.item.meeting.board.area


class ActionItem(BaseModel, AuditedModel):
    """The board's action log: what, who, by when, done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200)
    due = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due"]

    def __str__(self):
        return self.description[:80]

    @property
    def area(self):
        return self.meeting.board.area


@dataclass(frozen=True)
class Tally:
    """A motion's count as the terms of reference read it (abstentions are shown, not
    counted: docs/decisions/0010-abstentions-and-drawn-votes.md)."""

    cast_for: int
    against: int
    abstained: int
    seats: int  # members present (or responding, by written procedure)

    @property
    def drawn(self) -> bool:
        """As many votes for as against: the chair's casting vote settles it."""
        return bool(self.cast_for) and self.cast_for == self.against


class Decision(Withdrawable, BaseModel, AuditedModel):
    """A decision of the board, at a meeting or by written procedure, with every vote."""

    class Kind(models.TextChoices):
        MOTION = "motion", "Motion"
        CHAIR_ELECTION = "chair_election", "Election of the chair"
        LSIF_ENDORSEMENT = "lsif", "LSIF bid endorsement"

    class Method(models.TextChoices):
        MEETING = "meeting", "At a meeting"
        WRITTEN = "written", "Written procedure (email)"

    class Outcome(models.TextChoices):
        PASSED = "passed", "Passed"
        FAILED = "failed", "Not passed"
        ELECTED = "elected", "Elected"
        UNDECIDED = "undecided", "No decision"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MOTION)
    method = models.CharField(max_length=10, choices=Method.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    question = models.CharField(max_length=300)
    decided_on = models.DateField()
    chair_agreed = models.BooleanField("the chair agreed to written procedure", default=False)
    excluded = models.ManyToManyField(
        Person,
        blank=True,
        related_name="+",
        help_text="Members left out of the vote for a declared interest.",
    )
    casting_vote = models.CharField(max_length=8, blank=True, help_text="The chair's, on a tie.")
    seats = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Members present (their seats, by member or stand-in) or responding, as "
        "counted when the decision was taken.",
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    elected = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lsif_bid = models.ForeignKey(
        "LsifBid", null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )

    class Meta:
        ordering = ["-decided_on", "-created_on"]

    def __str__(self):
        return self.question

    def tally(self) -> "Tally":
        """For, against and abstained, and the seats counted when the decision was taken."""
        count = Counter(vote.choice for vote in self.votes.all())
        return Tally(
            count[Vote.Choice.FOR],
            count[Vote.Choice.AGAINST],
            count[Vote.Choice.ABSTAIN],
            self.seats or 0,
        )

    @property
    def area(self):
        return self.board.area


class Vote(models.Model):
    """Who voted how: a member, or a stand-in on behalf of the member they stand in for."""

    class Choice(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstain"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=Choice.choices, blank=True)
    candidate = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["decision", "on_behalf_of"], name="one_vote_a_seat")
        ]

    def __str__(self):
        return f"{self.voter}: {self.choice or self.candidate}"


class LsifBid(Withdrawable, BaseModel, AuditedModel):
    """A provider's proposed Local Skills Improvement Fund application (Stage 2 guidance 3.5)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ENDORSED = "endorsed", "Endorsed by the board"
        JOINT_BID_ASKED = "joint", "Not endorsed: providers asked to submit a joint bid"
        NOT_ENDORSED = "refused", "Not endorsed"

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey("areas.Cycle", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=200)
    proposed_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_on"]

    def __str__(self):
        return self.title

    def clean(self):
        """Stage 2 guidance 3.5: an LSIF application is a provider's, in the ERB's area (one
        archived from the directory proposes nothing new)."""
        from lsip.organisations.models import Organisation

        provider = self.provider if self.provider_id else None
        if provider is None or self.area_id is None:  # a page's form, before the area is set
            return
        if (
            provider.area_id != self.area_id
            or provider.type not in Organisation.PROVIDER_TYPES
            or (self._state.adding and provider.archived_on)
        ):
            raise ValidationError({"provider": "Choose a provider of the area's directory"})


class Grant(BaseModel, AuditedModel):
    """The ERB's LSIP grant for a cycle: its claims may not pass its cap, where it has one
    (Stage 2 guidance 2 set £550,000, £1,100,000 for Greater London, for the first LSIP)."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    cycle = models.OneToOneField("areas.Cycle", on_delete=models.PROTECT, related_name="grant")
    reference = models.CharField(max_length=100, blank=True)
    cap = models.DecimalField(
        "most the stages may claim together (£)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Empty while the grant's terms set no figure.",
    )

    def __str__(self):
        return f"LSIP grant {self.cycle}"


class GrantClaim(Withdrawable, BaseModel, AuditedModel):
    class Stage(models.TextChoices):
        ONE = "1", "Stage 1"
        TWO = "2", "Stage 2"

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="claims")
    stage = models.CharField(max_length=1, choices=Stage.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    claimed_on = models.DateField()
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["claimed_on"]

    def __str__(self):
        return f"£{self.amount:,.2f} ({self.get_stage_display()})"

    @property
    def area(self):
        return self.grant.area

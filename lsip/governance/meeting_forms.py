"""Forms of the meeting pages: the schedule, agenda and papers, attendance, declarations,
actions, decisions with one vote field per seat, LSIF bids and grant claims. The rules are
applied by `voting`, `meetings` and `funding`; these forms only collect what they need."""

from decimal import Decimal

from django import forms

from lsip.core.forms import DateField, GovukForm, GovukModelForm
from lsip.governance import meetings, membership
from lsip.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    GrantClaim,
    LsifBid,
    Meeting,
    Paper,
    Person,
    Vote,
)
from lsip.governance.voting import Ballot, check_ballot
from lsip.organisations.models import Organisation

CHECKBOXES = "engagement/govuk_checkboxes.html"


class ScheduleForm(GovukForm):
    first = DateField(label="First meeting")
    until = DateField(label="Schedule until")
    every = forms.IntegerField(label="Every", min_value=1, max_value=24, initial=6)
    unit = forms.ChoiceField(
        label="Interval", choices=[("weeks", "Weeks"), ("months", "Months")], initial="weeks"
    )
    title = forms.CharField(label="Title of each meeting", max_length=200, initial="Board meeting")
    agreed_by = forms.ModelChoiceField(
        label="Decision that agreed this schedule (optional)",
        queryset=Decision.objects.none(),
        required=False,
        help_text="The terms of reference set 6-weekly meetings to May 2026; a less frequent "
        "pattern needs the board's majority agreement.",
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed_by"].queryset = board.decisions.all()
        self.fields["every"].widget.attrs["class"] += " govuk-input--width-3"

    def clean(self):
        data = super().clean()
        first, until = data.get("first"), data.get("until")
        if first and until and until < first:
            self.add_error("until", "The schedule ends after the first meeting")
        return data

    def interval(self) -> dict:
        return {self.cleaned_data["unit"]: self.cleaned_data["every"]}


class MeetingForm(GovukModelForm):
    minutes_approved_on = DateField(label="Minutes approved on", required=False)
    recording_destroyed_on = DateField(label="Recording destroyed on", required=False)

    class Meta:
        model = Meeting
        fields = [
            "title",
            "status",
            "minutes",
            "minutes_approved_on",
            "recorded",
            "recording_destroyed_on",
        ]


class AgendaItemForm(GovukModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "position"]
        labels = {"position": "Position on the agenda"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].widget.attrs["class"] += " govuk-input--width-3"


class PaperForm(GovukModelForm):
    class Meta:
        model = Paper
        fields = ["title", "file"]
        labels = {"file": "File"}
        help_texts = {"file": "PDF, Word, Excel, PowerPoint, OpenDocument or text, up to 20MB."}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            meetings.check_paper_file(upload)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return upload


NOT_RECORDED = ""


class AttendanceForm(GovukForm):
    """One field per active person of the board: present, attending as stand-in (stand-ins
    only), apologies or absent."""

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        recorded = {a.person_id: a.status for a in meeting.attendance.all()}
        self.people = list(
            membership.active(meeting.board)
            .select_related("stands_in_for")
            .order_by("kind", "name")
        )
        for person in self.people:
            choices = [(NOT_RECORDED, "Not recorded"), (Attendance.Status.PRESENT, "Present")]
            if person.kind == Person.Kind.STAND_IN:
                choices.append(
                    (
                        Attendance.Status.STAND_IN,
                        f"Attending as stand-in for {person.stands_in_for}",
                    )
                )
            choices += [
                (Attendance.Status.APOLOGIES, "Apologies"),
                (Attendance.Status.ABSENT, "Absent"),
            ]
            role = person.get_kind_display()
            if person.kind == Person.Kind.STAND_IN:
                role = f"stand-in for {person.stands_in_for}"
            self.fields[self.name_for(person)] = forms.ChoiceField(
                label=f"{person.name} ({role})",
                choices=choices,
                required=False,
                initial=recorded.get(person.pk, NOT_RECORDED),
            )
        self.style()

    def style(self):
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "govuk-select")

    @staticmethod
    def name_for(person):
        return f"person_{person.pk}"

    def statuses(self) -> dict:
        return {p: self.cleaned_data.get(self.name_for(p)) or "" for p in self.people}


class DeclarationForm(GovukForm):
    person = forms.ModelChoiceField(label="Who declared", queryset=Person.objects.none())
    description = forms.CharField(label="The interest declared", widget=forms.Textarea)

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = membership.active(board).order_by("name")
        self.fields["description"].widget.attrs["rows"] = 3


class ActionForm(GovukModelForm):
    due = DateField(label="Due by")
    done_on = DateField(label="Done on", required=False)

    class Meta:
        model = ActionItem
        fields = ["description", "owner", "due", "done_on"]
        labels = {"owner": "Who"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].widget.attrs["rows"] = 3


NOT_VOTING = ""
MOTION_CHOICES = [
    (Vote.Choice.FOR, "For"),
    (Vote.Choice.AGAINST, "Against"),
    (Vote.Choice.ABSTAIN, "Abstain"),
]


def seat_label(voter: Person, member: Person) -> str:
    if voter == member:
        return f"{member.name}{' (chair)' if member.is_chair else ''}"
    return f"{voter.name}, stand-in for {member.name}"


class VotesMixin:
    """One vote field per voter: a choice on a motion, or a candidate in a chair election."""

    def add_vote_fields(self, voters, *, candidates=None):
        """`voters`: [(voter, member)]; `candidates`: the members one may vote for as chair."""
        self.voters = voters
        choices = [(NOT_VOTING, "Not voting"), *MOTION_CHOICES]
        if candidates:
            choices = [
                (NOT_VOTING, "Not voting"),
                ("Motion", MOTION_CHOICES),
                ("Election of the chair: votes for", [(str(c.pk), c.name) for c in candidates]),
            ]
        self.candidates = {str(c.pk): c for c in candidates or []}
        for voter, member in voters:
            self.fields[self.vote_name(voter)] = forms.ChoiceField(
                label=seat_label(voter, member), choices=choices, required=False
            )
            self.fields[self.vote_name(voter)].widget.attrs["class"] = "govuk-select"

    @staticmethod
    def vote_name(voter):
        return f"vote_{voter.pk}"

    def vote_fields(self):
        return [self[self.vote_name(voter)] for voter, _ in self.voters]

    def ballots(self, kind: str) -> list[Ballot]:
        """The ballots cast; a vote that does not fit the kind of decision is a field error."""
        found = []
        for voter, _ in self.voters:
            name = self.vote_name(voter)
            value = self.cleaned_data.get(name) or NOT_VOTING
            if value == NOT_VOTING:
                continue
            if value in self.candidates:
                ballot = Ballot(voter, candidate=self.candidates[value])
            else:
                ballot = Ballot(voter, choice=value)
            try:
                check_ballot(ballot, kind, voter.board)
            except forms.ValidationError as error:
                self.add_error(name, error.messages)
                continue
            found.append(ballot)
        return found


class DecisionForm(VotesMixin, GovukForm):
    """A decision at a meeting, with a vote field for each seat held at it."""

    question = forms.CharField(label="Question put to the board", max_length=300)
    item = forms.ModelChoiceField(
        label="Agenda item", queryset=AgendaItem.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label="Kind of decision",
        choices=[
            (Decision.Kind.MOTION, "Motion"),
            (Decision.Kind.CHAIR_ELECTION, "Election of the chair"),
        ],
    )
    decided_on = DateField(label="Decided on")
    excluded = forms.ModelMultipleChoiceField(
        label="Members excluded for a declared interest",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Those who declared an interest in the agenda item are ticked.",
    )
    casting = forms.ChoiceField(
        label="The chair's casting vote (on a drawn vote)",
        choices=[(NOT_VOTING, "None"), (Vote.Choice.FOR, "For"), (Vote.Choice.AGAINST, "Against")],
        required=False,
    )
    casting_candidate = forms.ModelChoiceField(
        label="The chair's casting vote (on a drawn election)",
        queryset=Person.objects.none(),
        required=False,
    )

    def __init__(self, *args, meeting, voters, kinds=True, **kwargs):
        super().__init__(*args, **kwargs)
        board = meeting.board
        members = membership.active(board, Person.Kind.MEMBER).order_by("name")
        self.fields["item"].queryset = meeting.agenda.all()
        self.fields["excluded"].queryset = members
        self.fields["excluded"].template_name = CHECKBOXES
        self.fields["casting_candidate"].queryset = members
        self.fields["casting_candidate"].empty_label = "None"
        if not kinds:  # an LSIF endorsement is a motion
            del self.fields["kind"]
            del self.fields["casting_candidate"]
        self.add_vote_fields(voters, candidates=list(members) if kinds else None)
        self.style_votes()

    def style_votes(self):
        for name in ("casting",):
            self.fields[name].widget.attrs["class"] = "govuk-select"

    def decision_fields(self):
        return [self[name] for name in self.fields if not name.startswith("vote_")]


class WrittenDecisionForm(VotesMixin, GovukForm):
    """A decision by written procedure (email): every member responds for themself."""

    question = forms.CharField(label="Question put to the board", max_length=300)
    decided_on = DateField(label="Decided on")
    chair_agreed = forms.BooleanField(
        label="The chair agreed to a decision by written procedure", required=False
    )
    excluded = forms.ModelMultipleChoiceField(
        label="Members excluded for a declared interest",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="A member with an interest in the question takes no part, as at a meeting.",
    )
    casting = forms.ChoiceField(
        label="The chair's casting vote (on a drawn vote)",
        choices=[(NOT_VOTING, "None"), (Vote.Choice.FOR, "For"), (Vote.Choice.AGAINST, "Against")],
        required=False,
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        members = membership.active(board, Person.Kind.MEMBER).order_by("name")
        self.fields["excluded"].queryset = members
        self.fields["excluded"].template_name = CHECKBOXES
        self.fields["casting"].widget.attrs["class"] = "govuk-select"
        self.add_vote_fields([(m, m) for m in members])
        for voter, _ in self.voters:
            self.fields[self.vote_name(voter)].choices = [
                (NOT_VOTING, "No response"),
                *MOTION_CHOICES,
            ]

    def decision_fields(self):
        return [self[name] for name in self.fields if not name.startswith("vote_")]


class LsifBidForm(GovukModelForm):
    proposed_on = DateField(label="Proposed on")

    class Meta:
        model = LsifBid
        fields = ["provider", "title", "proposed_on", "note"]
        labels = {"provider": "Provider", "title": "Title of the application"}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(
            area=area, type__in=Organisation.PROVIDER_TYPES, archived_on__isnull=True
        ).order_by("name")
        self.fields["note"].widget.attrs["rows"] = 3


class ChooseMeetingForm(GovukForm):
    meeting = forms.ModelChoiceField(
        label="Meeting at which the board decided", queryset=Meeting.objects.none()
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = board.meetings.exclude(
            status=Meeting.Status.CANCELLED
        ).order_by("-date")


class ClaimForm(GovukForm):
    stage = forms.ChoiceField(label="Stage", choices=GrantClaim.Stage.choices)
    amount = forms.DecimalField(
        label="Amount (£)", max_digits=10, decimal_places=2, min_value=Decimal("0.01")
    )
    claimed_on = DateField(label="Claimed on")
    description = forms.CharField(label="Description", max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].widget.attrs["class"] += " govuk-input--width-10"


class GrantCapForm(GovukForm):
    cap = forms.DecimalField(
        label="Cap across the stages (£)",
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0"),
        required=False,
        help_text="Stage 2 guidance 2 set £550,000 (£1,100,000 for Greater London) for the "
        "first LSIP; leave empty while the grant's terms set no figure.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cap"].widget.attrs["class"] += " govuk-input--width-10"

"""The board's forms: the board itself, a person on it (member, stand-in or other attendee)
and a declaration for the register of interests. The rules are applied by
`lsip.governance.membership` when the views save; these forms only collect the answers."""

import datetime
import re

from django import forms
from django.db.models import Q

from lsip.core.forms import DateField, GovukForm, GovukModelForm, add_rule_errors
from lsip.governance import membership
from lsip.governance.models import (
    DEFAULT_MEMBER_CAP,
    Board,
    BoardCategory,
    CommunicationItem,
    CommunicationPlan,
    Designation,
    MeetingFrequency,
    Person,
)
from lsip.organisations.models import Organisation


class BoardForm(GovukModelForm):
    member_cap = forms.IntegerField(
        label="Most members",
        min_value=1,
        max_value=200,
        help_text="The largest membership the terms of reference allow (the Marches: 20).",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    term_start = DateField(
        label="Board term from",
        required=False,
        help_text="When the board commenced; it may differ from the plan's period.",
    )
    term_end = DateField(label="Board term to", required=False)

    class Meta:
        model = Board
        fields = [
            "name",
            "term_start",
            "term_end",
            "member_cap",
            "terms_of_reference",
            "conflicts_policy",
        ]
        widgets = {
            "terms_of_reference": forms.Textarea(attrs={"rows": 12}),
            "conflicts_policy": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "terms_of_reference": "As agreed by the board: purpose, membership, decision "
            "making, secretariat and how often it meets.",
            "conflicts_policy": "Published on the register of interests page (statutory "
            "guidance, Annex C).",
        }


class BoardCreateForm(BoardForm):
    """A new board for one of the area's cycles that has none."""

    cycle = forms.ModelChoiceField(queryset=None, label="Plan cycle")

    class Meta(BoardForm.Meta):
        fields = ["cycle", "name", "member_cap", "terms_of_reference", "conflicts_policy"]

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        cycles = area.cycles.filter(board__isnull=True).order_by("-start_year")
        self.fields["cycle"].queryset = cycles
        self.fields["cycle"].label_from_instance = lambda cycle: cycle.label
        self.fields["member_cap"].initial = DEFAULT_MEMBER_CAP


#: The fields each kind of person is asked for (personal data is added for those who may
#: see it; "left on" only once someone is on the board).
KIND_FIELDS = {
    Person.Kind.MEMBER: ["name", "organisation", "represents", "category", "is_chair"],
    Person.Kind.STAND_IN: ["name", "stands_in_for", "organisation", "represents", "category"],
    Person.Kind.ATTENDEE: ["name", "organisation", "represents"],
}
PERSONAL_FIELDS = ["email", "phone"]


class PersonForm(GovukModelForm):
    joined_on = DateField(required=False, label="Joined on", help_text="For example 28 10 2025")
    left_on = DateField(
        required=False,
        label="Left on",
        help_text="Enter the date they left to end their place on the board. They then leave "
        "the board and the published register.",
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "stands_in_for",
            "organisation",
            "represents",
            "category",
            "is_chair",
            "email",
            "phone",
            "joined_on",
            "left_on",
        ]
        labels = {
            "stands_in_for": "Stands in for",
            "represents": "What they represent",
            "category": "Membership category",
            "is_chair": "Chair of the board",
        }
        help_texts = {
            "stands_in_for": "The member this person is nominated to stand in for.",
            "represents": "Organisation and role, as the register of interests gives it.",
            "is_chair": "The board has one chair: choosing this person replaces the current one.",
            "email": "Personal data: never published.",
            "phone": "Personal data: never published.",
        }

    def __init__(self, *args, board, personal_data: bool, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.instance
        wanted = list(KIND_FIELDS[person.kind])
        if personal_data:
            wanted += PERSONAL_FIELDS
        wanted.append("joined_on")
        if not person._state.adding:
            wanted.append("left_on")
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                area=board.area
            ).order_by("name")
            self.fields[
                "organisation"
            ].help_text = "If the organisation is in the area's directory of organisations."
        if "stands_in_for" in self.fields:
            members = board.people.filter(kind=Person.Kind.MEMBER)
            current = Q(pk=person.stands_in_for_id) if person.stands_in_for_id else Q(pk=None)
            self.fields["stands_in_for"].queryset = members.filter(
                Q(left_on__isnull=True) | current
            ).order_by("name")
            # Whether it is required is the membership rule's to say (a clear message).
            self.fields["stands_in_for"].required = False
        if "category" in self.fields:
            self.fields["category"].help_text = "Under the board's terms of reference."


#: "30/10/2025: Trustee of a charity" (the date is optional; the declaration's date stands).
DATED_LINE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s*[:\-–]\s*(.+)$")


def parse_interests(text: str, default: datetime.date) -> list[tuple[str, datetime.date]]:
    """One interest a line, each optionally starting with the date it was declared."""
    interests = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        match = DATED_LINE.match(line)
        if match:
            day, month, year, description = match.groups()
            try:
                when = datetime.date(int(year), int(month), int(day))
            except ValueError:
                raise forms.ValidationError(
                    f"“{line[:40]}” does not start with a real date"
                ) from None
            interests.append((description.strip(), when))
        else:
            interests.append((line, default))
    return interests


def interests_text(entry) -> str:
    """The entry's interests as the form shows them, each with its date."""
    return "\n".join(f"{i.declared_on:%d/%m/%Y}: {i.description}" for i in entry.interests.all())


class DeclarationForm(GovukForm):
    no_interests = forms.BooleanField(
        required=False,
        label="They have no interests to declare",
        help_text="The register then says “No interests”.",
    )
    interests = forms.CharField(
        required=False,
        label="Interests",
        help_text="One interest a line. A line may start with the date it was declared, "
        "for example “30/10/2025: Trustee of a local charity”; otherwise the date below "
        "applies.",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    declared_on = DateField(
        label="Date of the declaration",
        help_text="For example 30 10 2025",
        error_messages={"incomplete": "Date of the declaration must include a day, month and year"},
    )

    def clean(self):
        data = super().clean()
        text = (data.get("interests") or "").strip()
        when = data.get("declared_on")
        try:
            membership.check_declaration(
                no_interests=bool(data.get("no_interests")), interests=text.splitlines()
            )
        except forms.ValidationError as error:
            add_rule_errors(self, error)
            return data
        if text and when:
            try:
                data["parsed"] = parse_interests(text, when)
            except forms.ValidationError as error:
                self.add_error("interests", error)
        else:
            data["parsed"] = []
        return data


class CategoryForm(GovukModelForm):
    vacant_since = DateField(
        required=False,
        label="Vacant since",
        help_text="While the category has fewer members than its seats. For example 1 11 2025",
    )

    class Meta:
        model = BoardCategory
        fields = ["description", "seats", "vacant_since", "vacancy_note"]
        labels = {"seats": "Seats", "vacancy_note": "About the vacancy"}
        widgets = {"seats": forms.NumberInput(attrs={"class": "govuk-input--width-3"})}


class DesignationForm(GovukModelForm):
    effective_on = DateField(label="Effective date", help_text="As the notice gives it")
    ended_on = DateField(required=False, label="Ended on", help_text="If it was removed")
    notice_url = forms.URLField(label="Notice on GOV.UK", required=False, assume_scheme="https")

    class Meta:
        model = Designation
        fields = ["body", "organisation", "effective_on", "ended_on", "terms", "notice_url"]
        labels = {"body": "Designated ERB", "organisation": "In the directory of organisations"}
        widgets = {"terms": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(area=area).order_by(
            "name"
        )
        self.fields["organisation"].required = False


class CommunicationPlanForm(GovukModelForm):
    agreed_on = DateField(required=False, label="Agreed on")

    class Meta:
        model = CommunicationPlan
        fields = ["summary", "agreed_on", "agreed_with"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"summary": "Its aims, and the priority groups and expertise it names."}


class CommunicationItemForm(GovukModelForm):
    class Meta:
        model = CommunicationItem
        fields = [
            "stakeholder",
            "group",
            "priority",
            "expertise",
            "message",
            "channel",
            "timing",
            "owner",
        ]
        labels = {"group": "Kind of stakeholder (statutory guidance 5.5)"}
        widgets = {
            "expertise": forms.Textarea(attrs={"rows": 3}),
            "message": forms.Textarea(attrs={"rows": 3}),
        }


class FrequencyForm(GovukModelForm):
    starts_on = DateField(label="From")
    ends_on = DateField(label="To")

    class Meta:
        model = MeetingFrequency
        fields = ["starts_on", "ends_on", "every_weeks", "reduced_every_months"]
        labels = {
            "every_weeks": "Meets every so many weeks",
            "reduced_every_months": "May meet every so many months, with the board's agreement",
        }
        widgets = {
            "every_weeks": forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
            "reduced_every_months": forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        }

"""The board in the JSON API, read and written as on the board's pages.

Who reads: the boards, their people (never an email address, a telephone number or a user
account), the membership categories, the designation and the register of interests are
public, as their pages are; meetings and what hangs off them (agenda items, papers,
attendance, declarations, the action log), decisions with every vote, the communication
plan, LSIF bids and the grant are for those who may read the area's work.

Who writes: the ERB's secretariat (EDIT_AREA in the area), as on the pages, and only with a
write token. Every write goes through the service the page calls (`membership`,
`meetings`, `voting`, `designation`, `funding`, `corrections`, `audit.context.save_as`), so
the same rules apply and the audit trail records who changed what, when. A recorded agenda
item, paper, declaration, decision, grant claim or LSIF bid is changed only in the fields a
correction may touch (`corrections.CHANGEABLE`) and is withdrawn, never deleted; a
decision's votes are never edited."""

import contextlib

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.areas.models import Cycle
from lsip.audit.context import save_as
from lsip.engagement.api import AreaScopedField
from lsip.governance import (
    corrections,
    designation,
    funding,
    meetings,
    membership,
    terms,
    voting,
)
from lsip.governance.models import (
    DEFAULT_MEMBER_CAP,
    ActionItem,
    AgendaItem,
    Attendance,
    Board,
    BoardCategory,
    CommunicationItem,
    CommunicationPlan,
    Decision,
    Declaration,
    Designation,
    Grant,
    GrantClaim,
    Interest,
    LsifBid,
    Meeting,
    Paper,
    Person,
    RegisterEntry,
    Vote,
)
from lsip.organisations.models import Organisation

CREATE = ("create",)
CHANGE = ("update", "partial_update")


def may(read, *writes) -> dict:
    """The capabilities of a viewset's actions: `read` for reading, EDIT_AREA (the ERB's
    secretariat, as on the board's pages) for each of `writes`."""
    return {"list": read, "retrieve": read, **{name: Capability.EDIT_AREA for name in writes}}


@contextlib.contextmanager
def refusals(field: str = "non_field_errors"):
    """A rule's ValidationError as an API 400: its messages on the fields it names, or on
    `field` when it names none."""
    try:
        yield
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise serializers.ValidationError(error.message_dict) from None
        raise serializers.ValidationError({field: error.messages}) from None


def scoped(model, area_path, **kwargs):
    """A related record of the area named in the URL (another area's is "does not exist")."""
    return AreaScopedField(queryset=model.objects.all(), area_path=area_path, **kwargs)


def apply(instance, data: dict):
    for name, value in data.items():
        setattr(instance, name, value)
    return instance


class ChangeOnly:
    """A serializer for changing a record in only some of its fields (`changeable`): every
    other field is read only, so the schema and the API say the same."""

    changeable: tuple[str, ...] = ()

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            if name not in self.changeable and not field.read_only:
                field.read_only, field.required = True, False
        return fields


def changing(serializer_class, fields, name: str):
    """`serializer_class` that changes only `fields` (named `name` in the schema)."""
    return type(name, (ChangeOnly, serializer_class), {"changeable": tuple(fields)})


class GovernanceRecords(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """Records of the area's boards. A change is read by `change_serializer_class`, which
    says which fields it may touch; the answer is the whole record."""

    change_serializer_class = None

    def get_serializer_class(self):
        if self.action in CHANGE and self.change_serializer_class is not None:
            return self.change_serializer_class
        return self.serializer_class


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, help_text="Shown beside the record.")
    withdrawn_on = serializers.DateField(required=False, help_text="Today if left out.")


class Correctable(mixins.UpdateModelMixin):
    """A recorded item: changed through `corrections.change` in the fields a correction may
    touch (refused once withdrawn; a claim keeps within its grant's cap), and withdrawn
    through `corrections.withdraw`: kept, marked with the date and the reason."""

    def perform_update(self, serializer):
        record = apply(serializer.instance, serializer.validated_data)
        with refusals():
            corrections.change(record, actor=self.request.user)

    @extend_schema(request=WithdrawSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, area_slug, pk):
        """Withdraw the record: it is kept, marked withdrawn with the reason, and stops
        counting. It is not deleted."""
        record = self.get_object()
        body = WithdrawSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with refusals():
            corrections.withdraw(
                record,
                reason=body.validated_data["reason"],
                on=body.validated_data.get("withdrawn_on"),
                actor=request.user,
            )
        return Response(self.serializer_class(record, context=self.get_serializer_context()).data)


def correctable(*more):
    """The capabilities of a correctable record's viewset."""
    return may(Capability.VIEW_AREA, *CREATE, *CHANGE, "withdraw", *more)


WITHDRAWN = ["withdrawn_on", "withdrawn_reason"]


# --- The board and its people -------------------------------------------------------------


class PersonSerializer(serializers.ModelSerializer):
    """A person as published: no email address, telephone number or user account."""

    stands_in_for = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation = serializers.CharField(
        source="organisation.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "kind",
            "category",
            "represents",
            "organisation",
            "stands_in_for",
            "is_chair",
            "joined_on",
            "left_on",
        ]


class BoardSerializer(serializers.ModelSerializer):
    cycle = serializers.CharField(source="cycle.label", read_only=True)

    class Meta:
        model = Board
        fields = ["id", "name", "cycle", "member_cap"]


class BoardDetailSerializer(BoardSerializer):
    people = serializers.SerializerMethodField(help_text="The board's current people.")

    class Meta(BoardSerializer.Meta):
        fields = [*BoardSerializer.Meta.fields, "terms_of_reference", "people"]

    def get_people(self, board) -> list[dict]:
        people = board.people.filter(left_on__isnull=True).select_related("organisation")
        return PersonSerializer(people, many=True).data


class BoardWriteSerializer(BoardSerializer):
    """A board as its secretariat sets it up: for one of the area's cycles that has none."""

    cycle_id = scoped(Cycle, "area", source="cycle", help_text="The cycle the board serves.")
    member_cap = serializers.IntegerField(
        min_value=0, max_value=32767, required=False, default=DEFAULT_MEMBER_CAP
    )

    class Meta(BoardSerializer.Meta):
        fields = [
            "id",
            "name",
            "cycle",
            "cycle_id",
            "member_cap",
            "term_start",
            "term_end",
            "terms_of_reference",
            "conflicts_policy",
        ]


@extend_schema_view(create=extend_schema(responses={201: BoardWriteSerializer}))
class BoardViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The boards of an area, one per cycle, with their people: public, like the register.
    The ERB's secretariat sets one up (`terms.set_up_board`: the Marches terms' categories
    and meeting frequencies to start from) and changes its name, term, member cap
    (`membership.set_cap`) and terms of reference. Its people are written at
    `board-people`."""

    model = Board
    change_serializer_class = changing(
        BoardWriteSerializer,
        [f for f in BoardWriteSerializer.Meta.fields if f != "cycle_id"],
        "BoardChangeSerializer",
    )
    capabilities = may(Capability.VIEW_PUBLIC, *CREATE, *CHANGE)

    def get_serializer_class(self):
        if self.action == "create":
            return BoardWriteSerializer
        if self.action in CHANGE:
            return self.change_serializer_class
        return BoardDetailSerializer if self.action == "retrieve" else BoardSerializer

    def area_queryset(self):
        return Board.objects.filter(area=self.area).select_related("cycle")

    def perform_create(self, serializer):
        board = Board(area=self.area, **serializer.validated_data)
        with refusals():
            serializer.instance = terms.set_up_board(board, actor=self.request.user)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        board = serializer.instance
        cap = data.pop("member_cap", board.member_cap)
        with refusals():
            membership.set_cap(apply(board, data), cap, actor=self.request.user)


class BoardPersonSerializer(serializers.ModelSerializer):
    """Someone on a board, as published (no contact details). To end someone's place on the
    board, set `left_on`."""

    board = scoped(Board, "area")
    organisation = scoped(
        Organisation,
        "area",
        required=False,
        allow_null=True,
        help_text="An organisation of the area's directory, if they come from one.",
    )
    organisation_name = serializers.CharField(
        source="organisation.name", read_only=True, allow_null=True, default=None
    )
    stands_in_for = scoped(
        Person,
        "board__area",
        required=False,
        allow_null=True,
        help_text="For a stand-in: the member of the board they stand in for.",
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "board",
            "kind",
            "name",
            "organisation",
            "organisation_name",
            "represents",
            "category",
            "stands_in_for",
            "is_chair",
            "joined_on",
            "left_on",
            "modified_on",
        ]
        read_only_fields = ["modified_on"]


class BoardPersonViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """Everyone who sits or sat on the area's boards: members, stand-ins and other
    attendees. Public, like the board's page. The ERB's secretariat adds and changes them
    through `membership.save_person` (the member cap, the stand-in and chair rules; a
    newcomer's register entry starts as awaited); a person's board and kind stay as
    added."""

    model = Person
    serializer_class = BoardPersonSerializer
    change_serializer_class = changing(
        BoardPersonSerializer,
        [f for f in BoardPersonSerializer.Meta.fields if f not in ("board", "kind")],
        "BoardPersonChangeSerializer",
    )
    capabilities = may(Capability.VIEW_PUBLIC, *CREATE, *CHANGE)

    def area_queryset(self):
        return (
            Person.objects.filter(board__area=self.area)
            .select_related("organisation")
            .order_by("board__created_on", "kind", "name", "created_on")
        )

    def perform_create(self, serializer):
        with refusals():
            serializer.instance = membership.save_person(
                Person(**serializer.validated_data), actor=self.request.user
            )

    def perform_update(self, serializer):
        with refusals():
            membership.save_person(
                apply(serializer.instance, serializer.validated_data), actor=self.request.user
            )


class BoardCategorySerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField(help_text="Its current members' names.")
    state = serializers.SerializerMethodField(
        help_text="filled, vacancy (short of members, the vacancy recorded) or unfilled."
    )

    class Meta:
        model = BoardCategory
        fields = [
            "id",
            "board",
            "letter",
            "category",
            "description",
            "seats",
            "vacant_since",
            "vacancy_note",
            "members",
            "state",
        ]
        read_only_fields = ["board", "letter", "category"]

    def _status(self, category) -> membership.CategoryStatus:
        members = membership.active(category.board, Person.Kind.MEMBER).filter(
            category=category.category
        )
        return membership.CategoryStatus(category, list(members))

    def get_members(self, category) -> list[str]:
        return [m.name for m in self._status(category).members]

    def get_state(self, category) -> str:
        return self._status(category).state


class BoardCategoryViewSet(mixins.UpdateModelMixin, GovernanceRecords):
    """The membership categories of the boards' terms of reference (Marches ToR 2, a to
    h), each filled or its vacancy recorded. Public, as on the board's page; the ERB's
    secretariat changes a category's seats and vacancy (`membership.record_vacancy`)."""

    model = BoardCategory
    serializer_class = BoardCategorySerializer
    capabilities = may(Capability.VIEW_PUBLIC, *CHANGE)

    def area_queryset(self):
        return BoardCategory.objects.filter(board__area=self.area).select_related("board")

    def perform_update(self, serializer):
        with refusals():
            membership.record_vacancy(
                apply(serializer.instance, serializer.validated_data), actor=self.request.user
            )


class DesignationSerializer(serializers.ModelSerializer):
    organisation = scoped(Organisation, "area", required=False, allow_null=True)

    class Meta:
        model = Designation
        fields = [
            "id",
            "body",
            "organisation",
            "effective_on",
            "ended_on",
            "terms",
            "notice_url",
        ]


class DesignationViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The Secretary of State's designations of the area's ERB (SG Annex C), public as on
    the board's page; recorded and ended by the ERB's secretariat (`designation.record`:
    one in force at a time)."""

    model = Designation
    serializer_class = DesignationSerializer
    capabilities = may(Capability.VIEW_PUBLIC, *CREATE, *CHANGE)

    def area_queryset(self):
        return Designation.objects.filter(area=self.area)

    def perform_create(self, serializer):
        record = Designation(area=self.area, **serializer.validated_data)
        with refusals():
            serializer.instance = designation.record(record, actor=self.request.user)

    def perform_update(self, serializer):
        with refusals():
            designation.record(
                apply(serializer.instance, serializer.validated_data), actor=self.request.user
            )


class CommunicationPlanSerializer(serializers.ModelSerializer):
    board = scoped(Board, "area")

    class Meta:
        model = CommunicationPlan
        fields = ["id", "board", "agreed_on", "agreed_with", "summary", "modified_on"]
        read_only_fields = ["modified_on"]


class CommunicationPlanViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The stakeholder communication plan of each board (SG 5.5), the ERB's working record:
    for those who read the area's work, written by the ERB's secretariat."""

    model = CommunicationPlan
    serializer_class = CommunicationPlanSerializer
    change_serializer_class = changing(
        CommunicationPlanSerializer,
        ["agreed_on", "agreed_with", "summary"],
        "CommunicationPlanChangeSerializer",
    )
    capabilities = may(Capability.VIEW_AREA, *CREATE, *CHANGE)

    def area_queryset(self):
        return CommunicationPlan.objects.filter(board__area=self.area).order_by("created_on")

    def perform_create(self, serializer):
        with refusals():
            serializer.instance = save_as(
                self.request.user, CommunicationPlan(**serializer.validated_data)
            )

    def perform_update(self, serializer):
        with refusals():
            save_as(self.request.user, apply(serializer.instance, serializer.validated_data))


class CommunicationItemSerializer(serializers.ModelSerializer):
    plan = scoped(CommunicationPlan, "board__area")

    class Meta:
        model = CommunicationItem
        fields = [
            "id",
            "plan",
            "stakeholder",
            "group",
            "priority",
            "expertise",
            "message",
            "channel",
            "timing",
            "owner",
        ]


class CommunicationItemViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The stakeholders of the communication plans, priority groups first, read and written
    as the plans are."""

    model = CommunicationItem
    serializer_class = CommunicationItemSerializer
    change_serializer_class = changing(
        CommunicationItemSerializer,
        [f for f in CommunicationItemSerializer.Meta.fields if f != "plan"],
        "CommunicationItemChangeSerializer",
    )
    capabilities = CommunicationPlanViewSet.capabilities

    def area_queryset(self):
        return CommunicationItem.objects.filter(plan__board__area=self.area)

    def perform_create(self, serializer):
        with refusals():
            serializer.instance = save_as(
                self.request.user, CommunicationItem(**serializer.validated_data)
            )

    def perform_update(self, serializer):
        with refusals():
            save_as(self.request.user, apply(serializer.instance, serializer.validated_data))


# --- The register of interests --------------------------------------------------------------


class InterestSerializer(serializers.ModelSerializer):
    class Meta:
        model = Interest
        fields = ["description", "declared_on"]


class RegisterEntrySerializer(serializers.ModelSerializer):
    person = serializers.PrimaryKeyRelatedField(read_only=True)
    name = serializers.CharField(source="person.name", read_only=True)
    board = serializers.PrimaryKeyRelatedField(source="person.board", read_only=True)
    interests = InterestSerializer(many=True, read_only=True)

    class Meta:
        model = RegisterEntry
        fields = [
            "id",
            "person",
            "name",
            "board",
            "status",
            "requested_on",
            "declared_on",
            "interests",
            "modified_on",
        ]


class DeclaredInterestSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=2000)
    declared_on = serializers.DateField(
        required=False, help_text="When it was declared; the declaration's date if left out."
    )


class DeclareSerializer(serializers.Serializer):
    """A declaration for the register: no interests, or the interests declared."""

    no_interests = serializers.BooleanField(default=False)
    interests = DeclaredInterestSerializer(many=True, required=False, default=list)
    declared_on = serializers.DateField()

    def validate(self, data):
        with refusals():
            membership.check_declaration(
                no_interests=data["no_interests"], interests=data["interests"]
            )
        return data


class RegisterEntryViewSet(GovernanceRecords):
    """The register of interests of the area's boards (SG Annex C): each person's entry and
    the interests they declared. Public, as the register is published; the ERB's
    secretariat records a declaration (`declare`, through `membership.declare`, which
    replaces the entry's interests)."""

    model = RegisterEntry
    serializer_class = RegisterEntrySerializer
    capabilities = may(Capability.VIEW_PUBLIC, "declare")

    def area_queryset(self):
        return (
            RegisterEntry.objects.filter(person__board__area=self.area)
            .select_related("person")
            .prefetch_related("interests")
            .order_by("person__name", "created_on")
        )

    @extend_schema(request=DeclareSerializer, responses=RegisterEntrySerializer)
    @action(detail=True, methods=["post"])
    def declare(self, request, area_slug, pk):
        """Record the person's declaration: no interests, or their interests."""
        entry = self.get_object()
        body = DeclareSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        interests = [
            (interest["description"], interest.get("declared_on") or data["declared_on"])
            for interest in data["interests"]
        ]
        membership.declare(
            entry, interests=interests, declared_on=data["declared_on"], actor=request.user
        )
        return Response(RegisterEntrySerializer(self.get_queryset().get(pk=entry.pk)).data)


# --- Meetings --------------------------------------------------------------------------------


class MeetingSerializer(serializers.ModelSerializer):
    board = scoped(Board, "area")
    title = serializers.CharField(max_length=200, required=False, default="Board meeting")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "board",
            "date",
            "title",
            "status",
            "minutes",
            "minutes_approved_on",
            "recorded",
            "recording_destroyed_on",
        ]


class AttendanceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Attendance
        fields = ["id", "meeting", "person", "name", "status"]


class AttendanceEntrySerializer(serializers.Serializer):
    person = scoped(Person, "board__area")
    status = serializers.ChoiceField(
        choices=[("", "Not recorded"), *Attendance.Status.choices],
        help_text="Empty to clear what was recorded.",
    )


class AttendanceRecordSerializer(serializers.Serializer):
    attendance = AttendanceEntrySerializer(
        many=True, help_text="Those whose attendance changes; the rest stays as recorded."
    )


@extend_schema_view(create=extend_schema(responses={201: MeetingSerializer}))
class MeetingViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The meetings of the area's boards, for those who may read the area's work. The ERB's
    secretariat adds a meeting through `meetings.schedule` (a working day, within the
    board's meeting frequencies), changes its title, status, minutes and recording
    (`meetings.save_meeting`) and records who attended (`meetings.record_attendance`: a
    stand-in attends in place of their member, never beside them)."""

    model = Meeting
    serializer_class = MeetingSerializer
    change_serializer_class = changing(
        MeetingSerializer,
        [f for f in MeetingSerializer.Meta.fields if f not in ("board", "date")],
        "MeetingChangeSerializer",
    )
    capabilities = may(Capability.VIEW_AREA, *CREATE, *CHANGE, "record_attendance")

    def area_queryset(self):
        return Meeting.objects.filter(board__area=self.area).order_by("date", "created_on")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        board, when = data.pop("board"), data.pop("date")
        title = data.pop("title")
        with refusals("date"), transaction.atomic():
            made = meetings.schedule(board, [when], actor=self.request.user, title=title)
            if not made:
                raise DjangoValidationError({"date": "The board already meets that day"})
            meeting = made[0]
            if data:
                meetings.save_meeting(apply(meeting, data), actor=self.request.user)
        serializer.instance = meeting

    def perform_update(self, serializer):
        with refusals():
            meetings.save_meeting(
                apply(serializer.instance, serializer.validated_data), actor=self.request.user
            )

    @extend_schema(request=AttendanceRecordSerializer, responses=AttendanceSerializer(many=True))
    @action(detail=True, methods=["post"], url_path="attendance")
    def record_attendance(self, request, area_slug, pk):
        """Record who attended: present, attending as stand-in, apologies or absent (empty
        clears it). Answers the meeting's attendance as recorded."""
        meeting = self.get_object()
        body = AttendanceRecordSerializer(data=request.data, context={"view": self})
        body.is_valid(raise_exception=True)
        statuses = {a.person: a.status for a in meeting.attendance.select_related("person")}
        statuses.update({e["person"]: e["status"] for e in body.validated_data["attendance"]})
        with refusals("attendance"):
            meetings.record_attendance(meeting, statuses, actor=request.user)
        recorded = meeting.attendance.select_related("person").order_by("person__name")
        return Response(AttendanceSerializer(recorded, many=True).data)


class AttendanceViewSet(GovernanceRecords):
    """Who attended each meeting of the area's boards, for those who may read the area's
    work; recorded at `meetings/{id}/attendance/`."""

    model = Attendance
    serializer_class = AttendanceSerializer
    capabilities = may(Capability.VIEW_AREA)

    def area_queryset(self):
        return (
            Attendance.objects.filter(meeting__board__area=self.area)
            .select_related("person")
            .order_by("meeting__date", "person__name")
        )


class AgendaItemSerializer(serializers.ModelSerializer):
    meeting = scoped(Meeting, "board__area")
    position = serializers.IntegerField(
        min_value=0, max_value=32767, required=False, help_text="Last on the agenda if left out."
    )

    class Meta:
        model = AgendaItem
        fields = ["id", "meeting", "position", "title", "report_back_of", *WITHDRAWN]
        read_only_fields = ["report_back_of", *WITHDRAWN]


class AgendaItemViewSet(mixins.CreateModelMixin, Correctable, GovernanceRecords):
    """The agenda items of the area's meetings, for those who may read the area's work;
    added, corrected (title, position) and withdrawn by the ERB's secretariat."""

    model = AgendaItem
    serializer_class = AgendaItemSerializer
    change_serializer_class = changing(
        AgendaItemSerializer, corrections.CHANGEABLE[AgendaItem], "AgendaItemChangeSerializer"
    )
    capabilities = correctable()

    def area_queryset(self):
        return AgendaItem.objects.filter(meeting__board__area=self.area).order_by(
            "meeting__date", "position", "created_on"
        )

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        if "position" not in data:
            data["position"] = data["meeting"].agenda.count() + 1
        with refusals():
            serializer.instance = save_as(self.request.user, AgendaItem(**data))


class PaperSerializer(serializers.ModelSerializer):
    item = scoped(AgendaItem, "meeting__board__area")
    file = serializers.FileField(
        write_only=True, help_text="PDF, Word, Excel, PowerPoint, OpenDocument or text, to 20MB."
    )
    download = serializers.SerializerMethodField(
        help_text="The paper's file, for those who may read the area's work."
    )

    class Meta:
        model = Paper
        fields = ["id", "item", "title", "file", "download", *WITHDRAWN]
        read_only_fields = WITHDRAWN

    def get_download(self, paper) -> str:
        area = self.context["view"].area
        path = reverse("governance:paper-download", kwargs={"area_slug": area.slug, "pk": paper.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class PaperViewSet(mixins.CreateModelMixin, Correctable, GovernanceRecords):
    """The papers of the agenda items, for those who may read the area's work. The ERB's
    secretariat uploads one (multipart form data, as the page's form does:
    `meetings.add_paper` checks the file), corrects its title and withdraws it."""

    model = Paper
    serializer_class = PaperSerializer
    change_serializer_class = changing(
        PaperSerializer, corrections.CHANGEABLE[Paper], "PaperChangeSerializer"
    )
    parser_classes = [MultiPartParser, JSONParser]
    capabilities = correctable()

    def area_queryset(self):
        return Paper.objects.filter(item__meeting__board__area=self.area).order_by("created_on")

    def perform_create(self, serializer):
        data = serializer.validated_data
        with refusals("file"):
            serializer.instance = meetings.add_paper(
                data["item"], title=data["title"], file=data["file"], actor=self.request.user
            )


class DeclarationSerializer(serializers.ModelSerializer):
    item = scoped(AgendaItem, "meeting__board__area")
    person = scoped(Person, "board__area")
    name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Declaration
        fields = ["id", "item", "person", "name", "description", *WITHDRAWN]
        read_only_fields = WITHDRAWN


class DeclarationViewSet(mixins.CreateModelMixin, Correctable, GovernanceRecords):
    """Interests declared on agenda items at meetings, for those who may read the area's
    work; recorded, corrected and withdrawn by the ERB's secretariat (a member who declared
    one may be excluded from the item's vote)."""

    model = Declaration
    serializer_class = DeclarationSerializer
    change_serializer_class = changing(
        DeclarationSerializer, corrections.CHANGEABLE[Declaration], "DeclarationChangeSerializer"
    )
    capabilities = correctable()

    def area_queryset(self):
        return (
            Declaration.objects.filter(item__meeting__board__area=self.area)
            .select_related("person")
            .order_by("created_on")
        )

    def perform_create(self, serializer):
        with refusals():
            serializer.instance = save_as(
                self.request.user, Declaration(**serializer.validated_data)
            )


class MeetingActionSerializer(serializers.ModelSerializer):
    meeting = scoped(Meeting, "board__area")

    class Meta:
        model = ActionItem
        fields = ["id", "meeting", "description", "owner", "due", "done_on"]


class MeetingActionViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The boards' action log (what, who, by when, done), for those who may read the area's
    work; written by the ERB's secretariat."""

    model = ActionItem
    serializer_class = MeetingActionSerializer
    change_serializer_class = changing(
        MeetingActionSerializer,
        ["description", "owner", "due", "done_on"],
        "MeetingActionChangeSerializer",
    )
    capabilities = may(Capability.VIEW_AREA, *CREATE, *CHANGE)

    def area_queryset(self):
        return ActionItem.objects.filter(meeting__board__area=self.area).order_by(
            "due", "created_on"
        )

    def perform_create(self, serializer):
        with refusals():
            serializer.instance = save_as(
                self.request.user, ActionItem(**serializer.validated_data)
            )

    def perform_update(self, serializer):
        with refusals():
            save_as(self.request.user, apply(serializer.instance, serializer.validated_data))


# --- Decisions and votes ---------------------------------------------------------------------


class VoteSerializer(serializers.ModelSerializer):
    voter = serializers.CharField(source="voter.name", read_only=True)
    on_behalf_of = serializers.CharField(source="on_behalf_of.name", read_only=True)
    candidate = serializers.CharField(
        source="candidate.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Vote
        fields = ["voter", "on_behalf_of", "choice", "candidate"]


class DecisionSerializer(serializers.ModelSerializer):
    votes = VoteSerializer(many=True, read_only=True)
    excluded = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    elected = serializers.CharField(
        source="elected.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Decision
        fields = [
            "id",
            "board",
            "question",
            "kind",
            "method",
            "meeting",
            "decided_on",
            "chair_agreed",
            "outcome",
            "elected",
            "casting_vote",
            "excluded",
            "lsif_bid",
            "votes",
            "withdrawn_on",
            "withdrawn_reason",
        ]
        read_only_fields = [f for f in fields if f != "question"]


class BallotSerializer(serializers.Serializer):
    voter = scoped(Person, "board__area", help_text="A member, or a stand-in for their member.")
    choice = serializers.ChoiceField(
        choices=Vote.Choice.choices, required=False, allow_blank=True, help_text="On a motion."
    )
    candidate = scoped(
        Person,
        "board__area",
        required=False,
        allow_null=True,
        help_text="In an election of the chair: the member voted for.",
    )


CASTING = [("", "None"), (Vote.Choice.FOR, "For"), (Vote.Choice.AGAINST, "Against")]


class MotionSerializer(serializers.Serializer):
    """What a decision at a meeting and an endorsement have in common."""

    question = serializers.CharField(max_length=300)
    decided_on = serializers.DateField()
    excluded = scoped(
        Person,
        "board__area",
        many=True,
        required=False,
        default=list,
        help_text="Members excluded from the vote for a declared interest.",
    )
    casting = serializers.ChoiceField(
        choices=CASTING, required=False, default="", help_text="The chair's, on a drawn vote."
    )
    votes = BallotSerializer(many=True, help_text="Every vote cast; abstentions count no way.")

    @staticmethod
    def ballots(data) -> list[voting.Ballot]:
        return [
            voting.Ballot(v["voter"], choice=v.get("choice") or "", candidate=v.get("candidate"))
            for v in data["votes"]
        ]


class DecisionRecordSerializer(MotionSerializer):
    """A decision of a board with every vote: at a meeting (`meeting`), or by written
    procedure with the chair's agreement."""

    board = scoped(Board, "area")
    method = serializers.ChoiceField(choices=Decision.Method.choices)
    meeting = scoped(Meeting, "board__area", required=False, allow_null=True)
    item = scoped(AgendaItem, "meeting__board__area", required=False, allow_null=True)
    kind = serializers.ChoiceField(
        choices=[Decision.Kind.MOTION, Decision.Kind.CHAIR_ELECTION],
        default=Decision.Kind.MOTION,
        help_text="An LSIF endorsement is recorded at `lsif-bids/{id}/endorse/`.",
    )
    chair_agreed = serializers.BooleanField(default=False)
    casting_candidate = scoped(
        Person,
        "board__area",
        required=False,
        allow_null=True,
        help_text="The chair's casting vote on a drawn election.",
    )


def decisions_of(area):
    return (
        Decision.objects.filter(board__area=area)
        .select_related("elected")
        .prefetch_related(
            "excluded",
            Prefetch(
                "votes",
                queryset=Vote.objects.select_related("voter", "on_behalf_of", "candidate"),
            ),
        )
    )


@extend_schema_view(
    create=extend_schema(request=DecisionRecordSerializer, responses={201: DecisionSerializer})
)
class DecisionViewSet(Correctable, GovernanceRecords):
    """The decisions of the area's boards with who voted how, for those who may read the
    area's work. The ERB's secretariat records one with every vote through
    `voting.record` (a majority of those voting for or against, abstentions not counted; a
    drawn vote settled by the chair's casting vote; members with a declared interest
    excluded; a stand-in voting only in their member's absence), corrects its question and
    withdraws it; its votes and outcome are never changed."""

    model = Decision
    serializer_class = DecisionSerializer
    change_serializer_class = changing(
        DecisionSerializer, corrections.CHANGEABLE[Decision], "DecisionChangeSerializer"
    )
    capabilities = correctable()

    def area_queryset(self):
        return decisions_of(self.area)

    def create(self, request, *args, **kwargs):
        body = DecisionRecordSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        data = body.validated_data
        with refusals("votes"):
            decision = voting.record(
                data["board"],
                method=data["method"],
                question=data["question"],
                decided_on=data["decided_on"],
                ballots=MotionSerializer.ballots(data),
                actor=request.user,
                meeting=data.get("meeting"),
                item=data.get("item"),
                kind=data["kind"],
                excluded=data["excluded"],
                chair_agreed=data["chair_agreed"],
                casting=data["casting"],
                casting_candidate=data.get("casting_candidate"),
            )
        answer = DecisionSerializer(decisions_of(self.area).get(pk=decision.pk))
        return Response(answer.data, status=status.HTTP_201_CREATED)


# --- LSIF bids and the grant -----------------------------------------------------------------


class LsifBidSerializer(serializers.ModelSerializer):
    cycle = scoped(Cycle, "area")
    provider = scoped(Organisation, "area", help_text="A provider of the area's directory.")
    provider_name = serializers.CharField(source="provider.name", read_only=True)

    class Meta:
        model = LsifBid
        fields = [
            "id",
            "cycle",
            "provider",
            "provider_name",
            "title",
            "proposed_on",
            "status",
            "note",
            *WITHDRAWN,
        ]
        read_only_fields = ["status", *WITHDRAWN]


class EndorseSerializer(MotionSerializer):
    meeting = scoped(Meeting, "board__area", help_text="The meeting at which the board decided.")
    item = scoped(AgendaItem, "meeting__board__area", required=False, allow_null=True)


@extend_schema_view(endorse=extend_schema(request=EndorseSerializer, responses=DecisionSerializer))
class LsifBidViewSet(mixins.CreateModelMixin, Correctable, GovernanceRecords):
    """Providers' proposed LSIF applications (Stage 2 guidance 3.5), for those who may read
    the area's work. The ERB's secretariat records one, corrects and withdraws it, and
    records the board's decision on endorsing it (`endorse`, through `voting.endorse_bid`:
    where more than one application is proposed the board endorses neither, and the
    providers are asked for a joint bid)."""

    model = LsifBid
    serializer_class = LsifBidSerializer
    change_serializer_class = changing(
        LsifBidSerializer, corrections.CHANGEABLE[LsifBid], "LsifBidChangeSerializer"
    )
    capabilities = correctable("endorse")

    def area_queryset(self):
        return LsifBid.objects.filter(area=self.area).select_related("provider")

    def perform_create(self, serializer):
        with refusals():
            serializer.instance = save_as(
                self.request.user, LsifBid(area=self.area, **serializer.validated_data)
            )

    @action(detail=True, methods=["post"])
    def endorse(self, request, area_slug, pk):
        """The board's decision, at a meeting, on endorsing the bid, with every vote."""
        bid = self.get_object()
        body = EndorseSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        data = body.validated_data
        board = Board.objects.filter(area=self.area, cycle=bid.cycle_id).first()
        if board is None:
            raise serializers.ValidationError({"meeting": "The bid's cycle has no board"})
        with refusals("votes"):
            decision = voting.endorse_bid(
                bid,
                board=board,
                method=Decision.Method.MEETING,
                meeting=data["meeting"],
                item=data.get("item"),
                question=data["question"],
                decided_on=data["decided_on"],
                ballots=MotionSerializer.ballots(data),
                actor=request.user,
                excluded=data["excluded"],
                casting=data["casting"],
            )
        answer = DecisionSerializer(decisions_of(self.area).get(pk=decision.pk))
        return Response(answer.data, status=status.HTTP_201_CREATED)


class GrantSerializer(serializers.ModelSerializer):
    cycle = scoped(Cycle, "area")
    cap = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        required=False,
        allow_null=True,
        help_text="Most the stages may claim together (£); empty while the terms set none.",
    )
    claimed = serializers.SerializerMethodField(help_text="Claimed so far, withdrawn left out.")

    class Meta:
        model = Grant
        fields = ["id", "cycle", "reference", "cap", "claimed"]
        read_only_fields = ["reference"]

    def get_claimed(self, grant) -> str:
        return f"{funding.claimed(grant):.2f}"


class GrantViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, GovernanceRecords):
    """The ERB's LSIP grant of each cycle, with what is claimed against its cap (Stage 2
    guidance 2), for those who may read the area's work. The ERB's secretariat opens one
    (`funding.open_grant`: the first LSIP's cap where it applies) and sets its cap
    (`funding.set_cap`: never below what is claimed)."""

    model = Grant
    serializer_class = GrantSerializer
    change_serializer_class = changing(GrantSerializer, ["cap"], "GrantChangeSerializer")
    capabilities = may(Capability.VIEW_AREA, *CREATE, *CHANGE)

    def area_queryset(self):
        return Grant.objects.filter(area=self.area).order_by("cycle__start_year")

    def perform_create(self, serializer):
        data = serializer.validated_data
        held = Grant.objects.filter(area=self.area, cycle=data["cycle"]).first()
        if held is not None:  # one grant a cycle: its cap is changed, not opened twice
            raise serializers.ValidationError(
                {"cycle": [f"The {data['cycle'].label} cycle has its grant: change that one's cap"]}
            )
        with refusals(), transaction.atomic():
            grant = funding.open_grant(self.area, data["cycle"], actor=self.request.user)
            if "cap" in data:
                funding.set_cap(grant, data["cap"], actor=self.request.user)
        serializer.instance = grant

    def perform_update(self, serializer):
        with refusals():
            funding.set_cap(
                serializer.instance,
                serializer.validated_data.get("cap", serializer.instance.cap),
                actor=self.request.user,
            )


class GrantClaimSerializer(serializers.ModelSerializer):
    grant = scoped(Grant, "area")

    class Meta:
        model = GrantClaim
        fields = ["id", "grant", "stage", "amount", "claimed_on", "description", *WITHDRAWN]
        read_only_fields = WITHDRAWN


class GrantClaimViewSet(mixins.CreateModelMixin, Correctable, GovernanceRecords):
    """Claims on the area's grants, for those who may read the area's work. The ERB's
    secretariat records a claim (`funding.add_claim`: the stages together stay within the
    grant's cap), corrects it (the cap still holds) and withdraws it (it then leaves the
    total)."""

    model = GrantClaim
    serializer_class = GrantClaimSerializer
    change_serializer_class = changing(
        GrantClaimSerializer, corrections.CHANGEABLE[GrantClaim], "GrantClaimChangeSerializer"
    )
    capabilities = correctable()

    def area_queryset(self):
        return GrantClaim.objects.filter(grant__area=self.area).order_by("claimed_on", "created_on")

    def perform_create(self, serializer):
        data = serializer.validated_data
        with refusals():
            serializer.instance = funding.add_claim(
                data["grant"],
                stage=data["stage"],
                amount=data["amount"],
                claimed_on=data["claimed_on"],
                description=data.get("description", ""),
                actor=self.request.user,
            )

"""The board in the JSON API, read only: an area's boards with their people (never an email
address or a telephone number), open to everyone as the register is published; the board's
meetings and its decisions with every vote, for those who may read the area's work; the
register of interests, public like the register page. Changes go through the pages (and
`membership`, `voting`, `meetings`)."""

from django.db.models import Prefetch
from rest_framework import mixins, serializers

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.governance.models import (
    Board,
    Decision,
    Interest,
    Meeting,
    Person,
    RegisterEntry,
    Vote,
)


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


class BoardViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The boards of an area, one per cycle, with their people: public, like the register."""

    model = Board
    capabilities = {"list": Capability.VIEW_PUBLIC, "retrieve": Capability.VIEW_PUBLIC}

    def get_serializer_class(self):
        return BoardDetailSerializer if self.action == "retrieve" else BoardSerializer

    def area_queryset(self):
        return Board.objects.filter(area=self.area).select_related("cycle")


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = [
            "id",
            "board",
            "date",
            "title",
            "status",
            "minutes_approved_on",
            "recorded",
            "recording_destroyed_on",
        ]


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The meetings of the area's boards, for those who may read the area's work."""

    model = Meeting
    serializer_class = MeetingSerializer
    capabilities = {"list": Capability.VIEW_AREA, "retrieve": Capability.VIEW_AREA}

    def area_queryset(self):
        return Meeting.objects.filter(board__area=self.area).order_by("date")


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


class DecisionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The decisions of the area's boards with who voted how, for those who may read the
    area's work."""

    model = Decision
    serializer_class = DecisionSerializer
    capabilities = {"list": Capability.VIEW_AREA, "retrieve": Capability.VIEW_AREA}

    def area_queryset(self):
        return (
            Decision.objects.filter(board__area=self.area)
            .select_related("elected")
            .prefetch_related(
                "excluded",
                Prefetch(
                    "votes",
                    queryset=Vote.objects.select_related("voter", "on_behalf_of", "candidate"),
                ),
            )
        )


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


class RegisterEntryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The register of interests of the area's boards (SG Annex C): each person's entry and
    the interests they declared. Public, as the register is published; changes go through
    the board's pages."""

    model = RegisterEntry
    serializer_class = RegisterEntrySerializer
    capabilities = {"list": Capability.VIEW_PUBLIC, "retrieve": Capability.VIEW_PUBLIC}

    def area_queryset(self):
        return (
            RegisterEntry.objects.filter(person__board__area=self.area)
            .select_related("person")
            .prefetch_related("interests")
            .order_by("person__name", "created_on")
        )

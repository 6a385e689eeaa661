"""The plan in the JSON API: an area's plans, each with its whole document as the latest
revision holds it (`revisions.document`) and its version, each plan's numbered revisions, and
moving a priority up or down the plan's order. Other changes go through the pages (and
`lsip.plans.services`)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.plans import revisions, services
from lsip.plans.models import Plan, Priority, Revision


class RevisionSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()
    snapshots = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Revision
        fields = ["number", "at", "actor", "summary", "snapshots"]

    def get_actor(self, revision) -> str | None:
        return revision.actor.get_username() if revision.actor else None


class PlanSerializer(serializers.ModelSerializer):
    cycle = serializers.CharField(source="cycle.label", read_only=True)
    carried_from = serializers.PrimaryKeyRelatedField(read_only=True)
    revision = serializers.SerializerMethodField(
        help_text="The number of the plan's latest revision (its version as a document)."
    )

    class Meta:
        model = Plan
        fields = [
            "id",
            "title",
            "summary",
            "cycle",
            "carried_from",
            "version",
            "revision",
            "created_on",
            "modified_on",
        ]

    def get_revision(self, plan) -> int | None:
        return plan.revisions.values_list("number", flat=True).first()


class PlanDocumentSerializer(PlanSerializer):
    document = serializers.SerializerMethodField(
        help_text="The whole plan as plain data: {'plan': {...}, section: {item id: {field: "
        "value}}} for priorities, actions, activities, occupations, outcomes, context_links "
        "and duties; related records by name, choices by label."
    )

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "document"]

    def get_document(self, plan) -> dict:
        return revisions.document(plan)


class MoveSerializer(serializers.Serializer):
    priority = serializers.UUIDField(help_text="The id of the priority to move.")
    direction = serializers.ChoiceField(choices=["up", "down"])


class PlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Priority
        fields = ["id", "title", "version"]


class PlanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The plans of an area, one per cycle, for those who may read the area's work."""

    model = Plan
    serializer_class = PlanSerializer
    capabilities = {
        "list": Capability.VIEW_AREA,
        "retrieve": Capability.VIEW_AREA,
        "revisions": Capability.VIEW_AREA,
        "move_priority": Capability.EDIT_PLAN,
    }

    def area_queryset(self):
        return Plan.objects.filter(area=self.area).select_related("cycle")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return PlanDocumentSerializer
        if self.action == "revisions":
            return RevisionSerializer
        return PlanSerializer

    @extend_schema(responses=RevisionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def revisions(self, request, area_slug, pk):
        """The plan's revisions, newest first: number, when, who, what changed, snapshots."""
        plan = self.get_object()
        listed = (
            plan.revisions.select_related("actor").prefetch_related("snapshots").defer("document")
        )
        page = self.paginate_queryset(listed)
        if page is not None:
            return self.get_paginated_response(RevisionSerializer(page, many=True).data)
        return Response(RevisionSerializer(listed, many=True).data)

    @extend_schema(request=MoveSerializer, responses=PlaceSerializer(many=True))
    @action(detail=True, methods=["post"], url_path="move-priority")
    def move_priority(self, request, area_slug, pk):
        """Move one priority a place up or down the plan's order (as the plan page's buttons
        do); answers the priorities in their new order."""
        plan = self.get_object()
        move = MoveSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        priority = get_object_or_404(plan.priorities, pk=move.validated_data["priority"])
        services.move_priority(
            priority, up=move.validated_data["direction"] == "up", actor=request.user
        )
        return Response(PlaceSerializer(plan.priorities.all(), many=True).data)

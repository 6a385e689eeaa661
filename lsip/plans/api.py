"""The plan in the JSON API: an area's plans, each with its whole document as the latest
revision holds it (`revisions.document`) and its version, each plan's numbered revisions, and
moving a priority up or down the plan's order; and the plan's priorities, actions, Annex B
activities and outcomes one by one, read and written through `lsip.plans.services` as on the
pages. The other annexes are read in the plan's document."""

import uuid

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.core.api import django_errors
from lsip.engagement.api import AreaScopedField
from lsip.engagement.models import SkillsNeed
from lsip.organisations.models import Organisation
from lsip.plans import locking, revisions, services
from lsip.plans.models import Action, Activity, Aim, Outcome, Plan, Priority, Revision
from lsip.sectors.models import Sector


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


# --- The plan's items: priorities, actions and outcomes, read and written -----------------


class VersionedItemSerializer(serializers.ModelSerializer):
    """A plan item. To change one, send the `version` you read: if someone saved the item
    since, the change is refused (400) and nothing is saved, as on the plan's pages."""

    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The version you read (required to change an item); a new item starts at 1.",
    )

    def validate(self, data):
        if self.instance is not None and "version" not in data:
            raise serializers.ValidationError({"version": "Say which version you read"})
        return data


def _scoped(model, path, **kwargs):
    return AreaScopedField(queryset=model.objects.all(), area_path=path, **kwargs)


class PrioritySerializer(VersionedItemSerializer):
    plan = _scoped(Plan, "area")
    sectors = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=Sector.objects.all(), help_text="Sector ids."
    )
    skills_needs = _scoped(SkillsNeed, "area", many=True, required=False)
    soc_codes = serializers.ListField(child=serializers.CharField(), required=False)
    sic_codes = serializers.ListField(child=serializers.CharField(), required=False)
    levels = serializers.ListField(child=serializers.CharField(), required=False)

    class Meta:
        model = Priority
        fields = [
            "id",
            "plan",
            "position",
            "version",
            "title",
            "description",
            "sectors",
            "soc_codes",
            "sic_codes",
            "levels",
            "skills_needs",
            "evidence_note",
            "modified_on",
        ]
        read_only_fields = ["position", "modified_on"]

    def validate_sectors(self, sectors):
        area = self.context["view"].area
        wrong = [s for s in sectors if s.area_id not in (None, area.pk)]
        if wrong:
            raise serializers.ValidationError("Choose national sectors or the area's own")
        return sectors


class ActionSerializer(VersionedItemSerializer):
    priority = _scoped(Priority, "plan__area")
    aims = serializers.MultipleChoiceField(choices=Aim.choices)

    class Meta:
        model = Action
        fields = [
            "id",
            "priority",
            "position",
            "version",
            "title",
            "description",
            "aims",
            "expected_outcomes",
            "measures",
            "modified_on",
        ]
        read_only_fields = ["position", "modified_on"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["aims"] = list(instance.aims)
        return data

    def validate_aims(self, aims):
        return sorted(aims)


class PlanActivitySerializer(VersionedItemSerializer):
    action = _scoped(Action, "priority__plan__area")
    leads = _scoped(
        Organisation,
        "area",
        many=True,
        required=False,
        help_text="Organisation ids; an activity needs at least one lead (SG Annex B).",
    )
    partners = _scoped(Organisation, "area", many=True, required=False)

    class Meta:
        model = Activity
        fields = [
            "id",
            "action",
            "position",
            "version",
            "title",
            "leads",
            "partners",
            "start",
            "end",
            "milestones",
            "expected_outcomes",
            "measures",
            "modified_on",
        ]
        read_only_fields = ["position", "modified_on"]


class OutcomeSerializer(VersionedItemSerializer):
    plan = _scoped(Plan, "area")
    priorities = _scoped(Priority, "plan__area", many=True, required=False)

    class Meta:
        model = Outcome
        fields = [
            "id",
            "plan",
            "position",
            "version",
            "area_of_outcome",
            "name",
            "metric",
            "unit",
            "baseline",
            "baseline_date",
            "target",
            "milestone_year1",
            "milestone_year2",
            "milestone_year3",
            "data_source",
            "priorities",
            "modified_on",
        ]
        read_only_fields = ["position", "modified_on"]

    def validate(self, data):
        data = super().validate(data)
        plan = data.get("plan") or getattr(self.instance, "plan", None)
        wrong = [p for p in data.get("priorities", []) if plan and p.plan_id != plan.pk]
        if wrong:
            raise serializers.ValidationError({"priorities": "Choose priorities of this plan"})
        return data


#: The `plan` filter of the plan items' lists, in the schema.
BY_PLAN = extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("plan", OpenApiTypes.UUID, description="Only this plan's items.")
        ]
    )
)


class PlanItems(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    AreaRecords,
):
    """Items of the area's plans, read by those who may read the area's work and written by
    those who may edit the plan, through the same service as the plan's pages
    (`services.save`: each change is audited and makes a revision of the plan). Filter by
    `plan`."""

    capabilities = {
        "list": Capability.VIEW_AREA,
        "retrieve": Capability.VIEW_AREA,
        "create": Capability.EDIT_PLAN,
        "update": Capability.EDIT_PLAN,
        "partial_update": Capability.EDIT_PLAN,
    }
    #: The path from the item to its plan, and its many-to-many fields.
    plan_path = "plan"
    links = ()

    def area_queryset(self):
        items = self.model.objects.filter(**{f"{self.plan_path}__area": self.area})
        plan = self.request.query_params.get("plan")
        if plan:
            try:
                items = items.filter(**{f"{self.plan_path}_id": uuid.UUID(plan)})
            except ValueError:
                raise serializers.ValidationError({"plan": ["Enter the id of a plan"]}) from None
        return items.prefetch_related(*self.links).order_by(
            *(f"{self.plan_path}__created_on", "position", "created_on")
        )

    def _save(self, instance, data, expected_version):
        for key, value in data.items():
            if key not in self.links and key != "version":
                setattr(instance, key, value)
        links = {name: data[name] for name in self.links if name in data}
        try:
            with django_errors():
                return services.save(
                    instance,
                    actor=self.request.user,
                    expected_version=expected_version,
                    links=links,
                )
        except locking.ConflictError:
            raise serializers.ValidationError(
                {"version": ["Someone changed this item since you read it: read it again"]}
            ) from None

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = self._save(self.model(), data, None)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        self._save(serializer.instance, data, data["version"])


@BY_PLAN
class PriorityViewSet(PlanItems):
    """The priorities of the area's plans (SG Annex A), read by those who may read the area's
    work and written by those who may edit the plan. Filter by `plan`."""

    model = Priority
    serializer_class = PrioritySerializer
    links = ("sectors", "skills_needs")


@BY_PLAN
class ActionViewSet(PlanItems):
    """Actions of the priorities of the area's plans (SG 2.2), read and written as the
    priorities are. Filter by `plan`."""

    model = Action
    serializer_class = ActionSerializer
    plan_path = "priority__plan"

    def area_queryset(self):
        return super().area_queryset().order_by("priority__position", "position", "created_on")


@BY_PLAN
class PlanActivityViewSet(PlanItems):
    """The Annex B activities of the actions of the area's plans as the plan holds them,
    read and written as the priorities are (where each stands in delivery is at
    `delivery/activities`). Filter by `plan`."""

    model = Activity
    serializer_class = PlanActivitySerializer
    plan_path = "action__priority__plan"
    links = ("leads", "partners")

    def area_queryset(self):
        return (
            super()
            .area_queryset()
            .order_by("action__priority__position", "action__position", "position", "created_on")
        )


@BY_PLAN
class OutcomeViewSet(PlanItems):
    """The outcomes and metrics of the area's plans (SG 7), read and written as the
    priorities are; their values are at `metric-values`. Filter by `plan`."""

    model = Outcome
    serializer_class = OutcomeSerializer
    links = ("priorities",)

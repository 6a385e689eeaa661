"""Delivery in the JSON API: the activities a person may see with where each stands, partners'
updates (a partner contributor posts theirs), and metric values, which a college's own
system can post (each keeps `source` "api"). A partner contributor reaches only the
activities their organisation leads or supports, as on the pages (`lsip.delivery.access`)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, mixins, serializers

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.delivery import access, metrics, updates
from lsip.delivery.models import MetricValue, Status, Update
from lsip.delivery.progress import activity_progress
from lsip.organisations.models import Organisation
from lsip.plans.models import Activity, Outcome


def _drf_error(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(error.message_dict)
    return exceptions.ValidationError({"non_field_errors": error.messages})


class ActivitySerializer(serializers.ModelSerializer):
    priority = serializers.CharField(source="action.priority.title", read_only=True)
    action = serializers.CharField(source="action.title", read_only=True)
    leads = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    partners = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    progress_status = serializers.SerializerMethodField(
        help_text="From the latest accepted update, or the plan (not_started … complete)."
    )
    progress_percent = serializers.SerializerMethodField()
    progress_as_of = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "id",
            "title",
            "priority",
            "action",
            "leads",
            "partners",
            "start",
            "end",
            "milestones",
            "progress_status",
            "progress_percent",
            "progress_as_of",
        ]

    def _progress(self, activity):
        return self.context["progress"].get(activity.pk)

    def get_progress_status(self, activity) -> str:
        found = self._progress(activity)
        return found.status if found else Status.NOT_STARTED

    def get_progress_percent(self, activity) -> int:
        found = self._progress(activity)
        return found.percent if found else 0

    def get_progress_as_of(self, activity) -> str | None:
        found = self._progress(activity)
        return found.as_of.isoformat() if found and found.as_of else None


class ActivityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The Annex B activities of the plan being delivered that you may see, with where each
    stands. A partner contributor sees those their organisation leads or supports."""

    model = Activity
    serializer_class = ActivitySerializer
    capabilities = {"list": Capability.VIEW_AREA, "retrieve": Capability.VIEW_AREA}

    def area_queryset(self):
        return (
            access.visible_activities(self.request.user, self.area)
            .select_related("action__priority")
            .prefetch_related("leads", "partners")
            .order_by("action__priority__position", "action__position", "position")
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        plan = getattr(self, "area", None) and access.current_plan(self.area)
        context["progress"] = {p.activity.pk: p for p in activity_progress(plan)} if plan else {}
        return context


class ValueSerializer(serializers.Serializer):
    outcome = serializers.UUIDField(help_text="The id of an outcome of the plan.")
    on = serializers.DateField()
    value = serializers.FloatField()


class UpdateSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        help_text="Which of your organisations reports; may be left out if you speak for one.",
    )
    activity = serializers.PrimaryKeyRelatedField(queryset=Activity.objects.all())
    links = serializers.ListField(
        child=serializers.URLField(), required=False, write_only=True, default=list
    )
    metric_values = ValueSerializer(many=True, required=False, default=list)
    evidence_links = serializers.SerializerMethodField()

    class Meta:
        model = Update
        fields = [
            "id",
            "activity",
            "organisation",
            "round",
            "as_of",
            "status",
            "percent_complete",
            "narrative",
            "state",
            "question",
            "reviewed_on",
            "links",
            "evidence_links",
            "metric_values",
            "created_on",
        ]
        read_only_fields = ["round", "state", "question", "reviewed_on", "created_on"]

    def get_evidence_links(self, update) -> list[str]:
        return [e.link for e in update.evidence.all() if e.link]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["metric_values"] = [
            {"outcome": str(v.outcome_id), "on": v.on.isoformat(), "value": v.value}
            for v in instance.metric_values.all()
        ]
        return data


class UpdateViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, AreaRecords
):
    """Partners' updates you may see. A partner contributor posts an update on an activity
    their organisation leads or supports; ERB staff accept or send it back on the pages."""

    model = Update
    serializer_class = UpdateSerializer
    capabilities = {
        "list": Capability.VIEW_AREA,
        "retrieve": Capability.VIEW_AREA,
        "create": Capability.CONTRIBUTE,
    }

    def area_queryset(self):
        return (
            access.visible_updates(self.request.user, self.area)
            .select_related("organisation", "activity")
            .prefetch_related("evidence", "metric_values")
            .order_by("-as_of", "-created_on")
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        user = self.request.user
        activity = data["activity"]
        if activity not in access.visible_activities(user, self.area):
            raise exceptions.ValidationError({"activity": "Not an activity you may report on"})
        allowed = access.may_report_on(user, activity)
        organisation = data.get("organisation") or (allowed[0] if len(allowed) == 1 else None)
        if organisation is None or organisation not in allowed:
            raise exceptions.ValidationError(
                {"organisation": "Name the organisation you report for (one you speak for)"}
            )
        outcomes = {str(o.pk): o for o in updates.metrics_for(activity)}
        values = []
        for item in data.get("metric_values", []):
            outcome = outcomes.get(str(item["outcome"]))
            if outcome is None:
                raise exceptions.ValidationError(
                    {"metric_values": f"{item['outcome']} is not a metric of this activity"}
                )
            values.append(updates.Value(outcome, item["on"], item["value"]))
        try:
            serializer.instance = updates.submit_update(
                activity=activity,
                organisation=organisation,
                actor=user,
                as_of=data["as_of"],
                status=data["status"],
                percent_complete=data["percent_complete"],
                narrative=data["narrative"],
                links=[(url, "") for url in data.get("links", [])],
                values=values,
            )
        except DjangoPermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from None
        except DjangoValidationError as error:
            raise _drf_error(error) from None


class MetricValueSerializer(serializers.ModelSerializer):
    outcome = serializers.PrimaryKeyRelatedField(queryset=Outcome.objects.all())
    metric = serializers.CharField(source="outcome.metric", read_only=True)
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = MetricValue
        fields = [
            "id",
            "outcome",
            "metric",
            "on",
            "value",
            "source",
            "source_detail",
            "organisation",
            "note",
            "created_on",
        ]
        read_only_fields = ["source", "source_detail", "created_on"]


class MetricValueViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, AreaRecords):
    """Values of the plan's metrics, each with its source. A college's system posts values
    for its own organisation (a partner contributor's token); ERB staff for any."""

    model = MetricValue
    serializer_class = MetricValueSerializer
    capabilities = {"list": Capability.VIEW_AREA, "create": Capability.CONTRIBUTE}

    def area_queryset(self):
        return (
            access.visible_metric_values(self.request.user, self.area)
            .select_related("outcome", "organisation")
            .order_by("outcome__position", "on")
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        user = self.request.user
        plan = access.current_plan(self.area)
        if plan is None or data["outcome"].plan_id != plan.pk:
            raise exceptions.ValidationError({"outcome": "Not an outcome of the area's plan"})
        organisation = data.get("organisation")
        if access.may_review(user, self.area):
            if organisation is not None and organisation.area_id != self.area.pk:
                raise exceptions.ValidationError({"organisation": "Not an organisation here"})
        else:
            own = access.organisations_of(user, self.area)
            if organisation is None and len(own) == 1:
                organisation = own[0]
            if organisation not in own:
                raise exceptions.ValidationError(
                    {"organisation": "Name the organisation you report for (one you speak for)"}
                )
        client = getattr(self.request, "auth", None)
        try:
            serializer.instance = metrics.add_value(
                outcome=data["outcome"],
                on=data["on"],
                value=data["value"],
                actor=user,
                source=MetricValue.Source.API,
                source_detail=f"API, {user.get_username()}" + (" (token)" if client else ""),
                organisation=organisation,
                note=data.get("note", ""),
            )
        except DjangoValidationError as error:
            raise _drf_error(error) from None

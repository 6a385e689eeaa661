from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets

from lsip.accounts.api_permissions import PublicRead
from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.areas import services
from lsip.areas.models import Area, Cycle, LocalAuthority
from lsip.audit.models import AuditEntry
from lsip.core.api import django_errors


class LocalAuthoritySerializer(serializers.ModelSerializer):
    class Meta:
        model = LocalAuthority
        fields = ["name", "gss_code", "county", "subregion"]


class CycleSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    previous = serializers.PrimaryKeyRelatedField(
        queryset=Cycle.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Cycle
        fields = [
            "id",
            "label",
            "start_year",
            "end_year",
            "status",
            "previous",
            "substantive_draft_due",
            "final_due",
            "publication_due",
        ]
        read_only_fields = ["end_year"]


class AreaSerializer(serializers.ModelSerializer):
    erb = serializers.CharField(source="erb.name", default=None, read_only=True, allow_null=True)
    is_devolved = serializers.BooleanField(read_only=True)
    local_authorities = LocalAuthoritySerializer(many=True, read_only=True)
    cycles = CycleSerializer(many=True, read_only=True)

    class Meta:
        model = Area
        fields = [
            "slug",
            "name",
            "places_covered",
            "strategic_authority",
            "is_devolved",
            "is_devolution_priority",
            "mayor_elected_in",
            "erb",
            "local_authorities",
            "cycles",
        ]


class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    """The 39 LSIP areas: public information."""

    permission_classes = [PublicRead]
    serializer_class = AreaSerializer
    lookup_field = "slug"
    queryset = Area.objects.select_related("erb").prefetch_related("local_authorities", "cycles")


class CycleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    AreaRecords,
):
    """An area's plan cycles: anyone may read them; ERB admins open and change them."""

    serializer_class = CycleSerializer
    model = Cycle
    capabilities = {
        "list": Capability.VIEW_PUBLIC,
        "retrieve": Capability.VIEW_PUBLIC,
        "create": Capability.MANAGE_AREA,
        "update": Capability.MANAGE_AREA,
        "partial_update": Capability.MANAGE_AREA,
    }

    def area_queryset(self):
        return Cycle.objects.filter(area__slug=self.kwargs["area_slug"]).select_related("area")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("end_year", None)
        with django_errors():
            serializer.instance = services.create_cycle(
                area=self.area, actor=self.request.user, **data
            )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        if "start_year" in data:
            data["end_year"] = data["start_year"] + 3
        with django_errors():
            services.update_cycle(cycle=serializer.instance, actor=self.request.user, **data)


class AuditEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEntry
        fields = ["at", "actor_label", "action", "model", "object_id", "object_repr", "changes"]


@extend_schema(description="The area's audit trail, newest first (ERB admins only).")
class AuditEntryViewSet(mixins.ListModelMixin, AreaRecords):
    serializer_class = AuditEntrySerializer
    model = AuditEntry
    capabilities = {"list": Capability.MANAGE_AREA}

    def area_queryset(self):
        return AuditEntry.objects.filter(area__slug=self.kwargs["area_slug"])

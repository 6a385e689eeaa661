"""An area's sectors in the JSON API, read only: the national sectors and the area's own,
each with its SIC 2007 definition (SG 2.1, SG Annex D)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, serializers

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.sectors import services
from lsip.sectors.models import Sector


class SectorCodeSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Canonical SIC 2007 code (41, 62.0, 62.01, 10.51/1).")
    level = serializers.CharField(allow_null=True, help_text="Null if SIC 2007 is not installed.")
    title = serializers.CharField(allow_null=True, help_text="Null if SIC 2007 is not installed.")


class SectorSerializer(serializers.ModelSerializer):
    national = serializers.BooleanField(
        source="is_national", read_only=True, help_text="Shared by every area (SG 2.1)."
    )
    sic_codes = serializers.ListField(child=serializers.CharField(), read_only=True)
    definition = serializers.SerializerMethodField()
    based_on = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)

    class Meta:
        model = Sector
        fields = [
            "id",
            "name",
            "kind",
            "national",
            "description",
            "sic_codes",
            "definition",
            "based_on",
        ]

    @extend_schema_field(SectorCodeSerializer(many=True))
    def get_definition(self, sector):
        items = self.context.get("sic_items", {})
        return [
            {
                "code": code,
                "level": items[code].level if code in items else None,
                "title": items[code].display_title if code in items else None,
            }
            for code in sector.sic_codes
        ]


class SectorViewSet(mixins.ListModelMixin, AreaRecords):
    """The sectors of an area: the national sectors every area shares and the area's own,
    with the SIC 2007 codes that define each. Anyone may read them."""

    serializer_class = SectorSerializer
    model = Sector
    capabilities = {"list": Capability.VIEW_PUBLIC}

    def area_queryset(self):
        return services.sectors_for(self.area).select_related("based_on").order_by("kind", "name")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False) and hasattr(self, "area"):
            context["sic_items"] = services.definition_items(self.get_queryset())
        return context

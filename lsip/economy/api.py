"""The economy API: datasets with their provenance, an area's indicators and its
priority-sector table, computed by the same functions as the pages."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.response import Response

from lsip.accounts.access import capabilities
from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.economy import frames, indicators, priority
from lsip.economy.models import Dataset
from lsip.economy.priority_views import saved_weights
from lsip.economy.views import visible_datasets
from lsip.sectors.services import SicNotInstalledError


class DatasetSerializer(serializers.ModelSerializer):
    source_line = serializers.CharField(read_only=True)

    class Meta:
        model = Dataset
        fields = [
            "id",
            "family",
            "title",
            "publisher",
            "edition",
            "edition_date",
            "licence",
            "source",
            "filename",
            "sha256",
            "periods",
            "measures",
            "breakdowns",
            "skipped",
            "rows",
            "created_on",
            "source_line",
        ]


class DatasetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The labour-market datasets an area's pages draw on: open data, and the area's own
    licensed files for those who may read the area's work."""

    model = Dataset
    serializer_class = DatasetSerializer
    capabilities = {"list": Capability.VIEW_PUBLIC, "retrieve": Capability.VIEW_PUBLIC}

    def area_queryset(self):
        return visible_datasets(self.area, capabilities(self.request.user, self.area))


class IndicatorSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    period = serializers.CharField()
    rows = serializers.ListField(child=serializers.DictField())
    sources = serializers.ListField(child=serializers.CharField())
    note = serializers.CharField()


class IndicatorViewSet(AreaRecords):
    """The indicators of the area profile, for the area, each district and England."""

    capabilities = {"list": Capability.VIEW_PUBLIC}
    pagination_class = None  # one short list, never paged

    @extend_schema(responses=IndicatorSerializer(many=True))
    def list(self, request, area_slug):
        found = indicators.profile(self.area, frames.places_of(self.area))
        return Response(IndicatorSerializer(found.values(), many=True).data)


class PrioritySectorSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    sector = serializers.CharField(source="sector.name")
    kind = serializers.CharField(source="sector.kind")
    score = serializers.FloatField()
    values = serializers.DictField()
    flags = serializers.DictField()
    scaled = serializers.DictField()


class PriorityTableSerializer(serializers.Serializer):
    weights = serializers.DictField()
    method = serializers.CharField()
    periods = serializers.DictField()
    sources = serializers.ListField(child=serializers.CharField())
    rows = PrioritySectorSerializer(many=True)


class PrioritySectorViewSet(AreaRecords):
    """The area's ranked priority-sector table with its saved weights and method."""

    capabilities = {"list": Capability.VIEW_AREA}
    pagination_class = None  # one table, never paged

    @extend_schema(responses=PriorityTableSerializer)
    def list(self, request, area_slug):
        weights, sectors = saved_weights(self.area)
        try:
            result = priority.table(self.area, weights, sectors or None)
        except SicNotInstalledError as error:
            return Response({"detail": str(error)}, status=503)
        data = {
            "weights": result.weights,
            "method": priority.method(result),
            "periods": result.periods,
            "sources": result.sources,
            "rows": result.rows,
        }
        return Response(PriorityTableSerializer(data).data)

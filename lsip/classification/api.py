"""SOC 2020 and SIC 2007 in the JSON API: public, read only, searched as on the pages."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from lsip.accounts.api_permissions import PublicRead
from lsip.classification import querysets
from lsip.classification.models import SicActivity, SicItem, SocExtendedGroup, SocGroup


class SocGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = SocGroup
        fields = ["code", "level", "title", "parent"]


class SocExtendedGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = SocExtendedGroup
        fields = ["code", "title"]


class SocIndexTitleSerializer(serializers.Serializer):
    title = serializers.CharField()
    extended_group = serializers.CharField(source="extended_group_id")


class SocGroupDetailSerializer(SocGroupSerializer):
    tasks = serializers.ListField(child=serializers.CharField())
    related_titles = serializers.ListField(child=serializers.CharField())
    children = SocGroupSerializer(many=True)
    extended_groups = SocExtendedGroupSerializer(many=True)
    index_titles = SocIndexTitleSerializer(
        many=True, source="index_title_rows", help_text="Each title of the coding index once."
    )

    class Meta(SocGroupSerializer.Meta):
        fields = [
            *SocGroupSerializer.Meta.fields,
            "description",
            "entry_routes",
            "tasks",
            "related_titles",
            "children",
            "extended_groups",
            "index_titles",
        ]


class SicItemSerializer(serializers.ModelSerializer):
    digits = serializers.CharField(
        source="url_code", read_only=True, help_text="The code without punctuation (10511)."
    )

    class Meta:
        model = SicItem
        fields = ["code", "digits", "level", "title", "parent"]


class SicActivitySerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="item_id")

    class Meta:
        model = SicActivity
        fields = ["activity", "code", "sic2003"]


class SicItemDetailSerializer(SicItemSerializer):
    children = SicItemSerializer(many=True)
    activities = SicActivitySerializer(
        many=True,
        source="activity_rows",
        help_text="The index activities of a class (and its subclasses) or a subclass.",
    )

    class Meta(SicItemSerializer.Meta):
        fields = [*SicItemSerializer.Meta.fields, "children", "activities"]


def _search_parameters(levels, example: str):
    return extend_schema(
        parameters=[
            OpenApiParameter(
                "q", str, description=f"A code (such as {example}), or words of a title."
            ),
            OpenApiParameter("level", str, enum=[value for value, _ in levels.choices]),
        ]
    )


class ClassificationViewSet(viewsets.ReadOnlyModelViewSet):
    """What the SOC and SIC endpoints share: public reading, search by `q` and `level`."""

    permission_classes = [PublicRead]
    lookup_field = "code"
    levels = None

    def get_serializer_class(self):
        return self.detail_serializer_class if self.action == "retrieve" else self.serializer_class

    def search_terms(self) -> dict:
        level = self.request.query_params.get("level", "")
        if level and level not in self.levels.values:
            raise serializers.ValidationError(
                {"level": f"Choose one of {', '.join(self.levels.values)}"}
            )
        return {"query": self.request.query_params.get("q", ""), "level": level}

    def get_object(self):
        node = self.find(self.kwargs["code"])
        if node is None:
            raise Http404(f"No code {self.kwargs['code']}")
        self.check_object_permissions(self.request, node)
        return node


def _code_parameter(description: str):
    return extend_schema(
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description=description)]
    )


@extend_schema_view(
    list=_search_parameters(SocGroup.Level, "6135 or 61"),
    retrieve=_code_parameter("A major, sub-major, minor or unit group code: 6, 61, 613, 6135."),
)
class SocGroupViewSet(ClassificationViewSet):
    """SOC 2020 groups (ONS); a unit group comes with its coding index titles."""

    serializer_class = SocGroupSerializer
    detail_serializer_class = SocGroupDetailSerializer
    levels = SocGroup.Level

    def get_queryset(self):
        return querysets.soc_groups(**self.search_terms())

    def find(self, code):
        group = querysets.soc_group(code)
        if group is not None:
            group.index_title_rows = list(querysets.soc_index_titles(unit_group=group.code))
        return group


@extend_schema_view(
    list=_search_parameters(SicItem.Level, "86.10, 8610 or 86100"),
    retrieve=_code_parameter(
        "A section letter or a code, dotted (10.51) or as digits (1051, 10510, 10511); "
        "write subclass 10.51/1 as 10511 or 10.511, since a / cannot appear here."
    ),
)
class SicItemViewSet(ClassificationViewSet):
    """UK SIC 2007 items (ONS). A code may be given as 10.51/1, 10511 or 10.511."""

    serializer_class = SicItemSerializer
    detail_serializer_class = SicItemDetailSerializer
    levels = SicItem.Level
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        return querysets.sic_items(**self.search_terms())

    def find(self, code):
        item = querysets.sic_item(code)
        if item is not None:
            detailed = item.level in (SicItem.Level.CLASS, SicItem.Level.SUBCLASS)
            item.activity_rows = querysets.sic_activities(item=item) if detailed else []
        return item

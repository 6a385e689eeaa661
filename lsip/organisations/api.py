from rest_framework import mixins, serializers

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.areas.models import LocalAuthority
from lsip.core.api import django_errors
from lsip.organisations import services
from lsip.organisations.models import Organisation
from lsip.organisations.querysets import organisations_of


class OrganisationSerializer(serializers.ModelSerializer):
    local_authority = serializers.SlugRelatedField(
        slug_field="name", queryset=LocalAuthority.objects.all(), allow_null=True, required=False
    )
    sectors = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "type",
            "local_authority",
            "website",
            "companies_house_number",
            "ukprn",
            "description",
            "size_band",
            "ownership",
            "sic_code",
            "erb_member",
            "sectors",
            "archived_on",
        ]
        read_only_fields = ["archived_on"]


class OrganisationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    AreaRecords,
):
    """An area's organisation directory. Deleting archives: the record and history stay."""

    serializer_class = OrganisationSerializer
    model = Organisation
    capabilities = {
        "list": Capability.VIEW_AREA,
        "retrieve": Capability.VIEW_AREA,
        "create": Capability.EDIT_AREA,
        "update": Capability.EDIT_AREA,
        "partial_update": Capability.EDIT_AREA,
        "destroy": Capability.EDIT_AREA,
    }

    def area_queryset(self):
        return organisations_of(
            self.area,
            query=self.request.query_params.get("q", ""),
            type=self.request.query_params.get("type", ""),
        )

    def perform_create(self, serializer):
        organisation = Organisation(area=self.area, **serializer.validated_data)
        with django_errors():
            serializer.instance = services.save_organisation(
                organisation=organisation, actor=self.request.user
            )

    def perform_update(self, serializer):
        organisation = serializer.instance
        for key, value in serializer.validated_data.items():
            setattr(organisation, key, value)
        with django_errors():
            services.save_organisation(organisation=organisation, actor=self.request.user)

    def perform_destroy(self, instance):
        services.archive_organisation(organisation=instance, actor=self.request.user)

"""The engagement record over the API: engagements, skills needs and (for the ERB only)
contacts. Writes go through the same services as the pages."""

from rest_framework import mixins, serializers

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.areas.models import Cycle
from lsip.core.api import django_errors
from lsip.engagement import services
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.engagement.querysets import engagements_of, needs_of
from lsip.organisations import contacts
from lsip.organisations.models import Contact, Organisation


class AreaScopedField(serializers.PrimaryKeyRelatedField):
    """A related record that must belong to the area named in the URL."""

    def get_queryset(self):
        view = self.context.get("view")
        area = getattr(view, "area", None)
        queryset = super().get_queryset()
        return queryset.filter(**{self.area_path: area}) if area else queryset.none()

    def __init__(self, *, area_path="area", **kwargs):
        self.area_path = area_path
        super().__init__(**kwargs)


class EngagementSerializer(serializers.ModelSerializer):
    organisations = AreaScopedField(many=True, queryset=Organisation.objects.all())
    cycle = AreaScopedField(queryset=Cycle.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Engagement
        fields = [
            "id",
            "type",
            "date",
            "erb_staff",
            "organisations",
            "consent_to_be_named",
            "notes",
            "cycle",
        ]


class SkillsNeedSerializer(serializers.ModelSerializer):
    engagement = AreaScopedField(queryset=Engagement.objects.all())
    organisation = AreaScopedField(queryset=Organisation.objects.all())
    themes = serializers.MultipleChoiceField(choices=SkillsNeed.Theme.choices, required=False)
    soc_confirmed = serializers.BooleanField(read_only=True)

    class Meta:
        model = SkillsNeed
        fields = [
            "id",
            "engagement",
            "organisation",
            "words",
            "soc_code",
            "soc_confidence",
            "soc_method",
            "soc_confirmed",
            "need_type",
            "level",
            "number",
            "timescale",
            "themes",
            "detail",
        ]
        read_only_fields = ["soc_code", "soc_confidence", "soc_method"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["themes"] = list(instance.themes)
        return data

    def validate(self, data):
        engagement = data.get("engagement") or getattr(self.instance, "engagement", None)
        organisation = data.get("organisation") or getattr(self.instance, "organisation", None)
        if (
            engagement
            and organisation
            and not engagement.organisations.filter(pk=organisation.pk).exists()
        ):
            raise serializers.ValidationError(
                {"organisation": "Choose an organisation engaged in this engagement"}
            )
        if "themes" in data:
            data["themes"] = sorted(data["themes"])
        return data


class EngagementViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    AreaRecords,
):
    """The area's engagements (SG 5.1). Filter with `type`, `date_from`, `date_to` and
    `organisation` (an id or part of a name)."""

    serializer_class = EngagementSerializer
    model = Engagement
    capabilities = {
        "list": Capability.VIEW_AREA,
        "retrieve": Capability.VIEW_AREA,
        "create": Capability.EDIT_AREA,
        "update": Capability.EDIT_AREA,
        "partial_update": Capability.EDIT_AREA,
    }

    def area_queryset(self):
        params = self.request.query_params
        return engagements_of(
            self.area,
            type=params.get("type", ""),
            date_from=params.get("date_from") or None,
            date_to=params.get("date_to") or None,
            organisation=params.get("organisation", ""),
        )

    def perform_create(self, serializer):
        with django_errors():
            serializer.instance = services.record_engagement(
                area=self.area, actor=self.request.user, **serializer.validated_data
            )

    def perform_update(self, serializer):
        with django_errors():
            services.update_engagement(
                engagement=serializer.instance,
                actor=self.request.user,
                **serializer.validated_data,
            )


class SkillsNeedViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    AreaRecords,
):
    """The area's skills needs, each coded to SOC 2020 as it is added (SG Annex D)."""

    serializer_class = SkillsNeedSerializer
    model = SkillsNeed
    capabilities = EngagementViewSet.capabilities

    def area_queryset(self):
        return needs_of(self.area, need_type=self.request.query_params.get("need_type", ""))

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        with django_errors():
            serializer.instance = services.add_skills_need(
                engagement=data.pop("engagement"),
                organisation=data.pop("organisation"),
                words=data.pop("words"),
                need_type=data.pop("need_type"),
                actor=self.request.user,
                source="skills needs (API)",
                **data,
            )

    def perform_update(self, serializer):
        with django_errors():
            services.update_skills_need(
                need=serializer.instance, actor=self.request.user, **serializer.validated_data
            )


class ContactSerializer(serializers.ModelSerializer):
    organisation = AreaScopedField(queryset=Organisation.objects.all())

    class Meta:
        model = Contact
        fields = ["id", "organisation", "name", "job_title", "email", "phone", "notes", "erased_on"]
        read_only_fields = ["erased_on"]


class ContactViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    AreaRecords,
):
    """People at the area's organisations: personal data, for the ERB's roles only."""

    serializer_class = ContactSerializer
    model = Contact
    capabilities = {
        action: Capability.VIEW_PERSONAL_DATA
        for action in ("list", "retrieve", "create", "update", "partial_update")
    }

    def area_queryset(self):
        return Contact.objects.filter(organisation__area=self.area).select_related("organisation")

    def perform_create(self, serializer):
        with django_errors():
            serializer.instance = contacts.save_contact(
                contact=Contact(**serializer.validated_data), actor=self.request.user
            )

    def perform_update(self, serializer):
        contact = serializer.instance
        if contact.erased_on:
            raise serializers.ValidationError("An erased contact cannot be changed")
        for key, value in serializer.validated_data.items():
            setattr(contact, key, value)
        with django_errors():
            contacts.save_contact(contact=contact, actor=self.request.user)

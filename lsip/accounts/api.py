from rest_framework import serializers, views
from rest_framework.response import Response

from lsip.accounts.api_permissions import Authenticated
from lsip.accounts.models import RoleAssignment


class RoleSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = serializers.CharField(source="organisation.name", default=None, allow_null=True)

    class Meta:
        model = RoleAssignment
        fields = ["role", "area", "organisation"]


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    roles = RoleSerializer(many=True)


class Me(views.APIView):
    """Who the token belongs to, and the roles it carries."""

    permission_classes = [Authenticated]
    serializer_class = MeSerializer

    def get(self, request):
        user = request.user
        roles = user.roles.select_related("area", "organisation")
        return Response(MeSerializer({"username": user.get_username(), "roles": roles}).data)

"""Base API views built on the role rules (kept apart from the permission classes, which
DRF imports while it loads its settings)."""

from rest_framework import viewsets

from lsip.accounts.api_permissions import AreaCapability
from lsip.core.api import ChangedBetween


class AreaRecords(viewsets.GenericViewSet):
    """The base of every viewset of one area's records: `AreaCapability` guards each action
    (with the view's `capabilities`), and `area_queryset()` reads within the area named by
    the URL. While the OpenAPI schema is generated there is no area, and no records. Lists
    of records with timestamps filter by `changed_since` and `changed_before`."""

    permission_classes = [AreaCapability]
    filter_backends = [ChangedBetween]
    model = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.area_queryset()

    def area_queryset(self):
        raise NotImplementedError

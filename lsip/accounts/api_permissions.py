"""API permission classes built on the same role rules as the pages."""

from django.shortcuts import get_object_or_404
from rest_framework.permissions import BasePermission

from lsip.accounts.access import can
from lsip.areas.models import Area


class DenyAll(BasePermission):
    """The default: an endpoint that does not say who may use it is closed."""

    def has_permission(self, request, view):
        return False


class AreaCapability(BasePermission):
    """Requires, in the area named by the URL, the capability the view gives for its action.

    Views set `capabilities = {"list": Capability.VIEW_AREA, "create": ...}`; an action not
    listed is refused.
    """

    def has_permission(self, request, view):
        view.area = get_object_or_404(Area, slug=view.kwargs["area_slug"])
        needed = view.capabilities.get(view.action)
        return needed is not None and can(request.user, view.area, needed)


class Authenticated(BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)


class PublicRead(BasePermission):
    """Published information anyone may read."""

    def has_permission(self, request, view):
        return request.method in ("GET", "HEAD", "OPTIONS")

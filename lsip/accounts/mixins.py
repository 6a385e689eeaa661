"""View mixins that apply the role rules of `lsip.accounts.access` to pages."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from lsip.accounts.access import capabilities
from lsip.accounts.roles import Capability
from lsip.areas.models import Area


class AreaPermissionMixin:
    """Resolves the area from the URL and requires `capability` in it.

    An anonymous visitor is sent to sign in; a signed-in person without the capability is
    refused (403). Records are then looked up within `self.area` only, so an id from another
    area is simply not found (404).
    """

    capability: Capability = Capability.VIEW_AREA

    def dispatch(self, request, *args, **kwargs):
        self.area = get_object_or_404(Area, slug=kwargs["area_slug"])
        self.capabilities = capabilities(request.user, self.area)
        if self.capability not in self.capabilities:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["area"] = self.area
        context["can"] = {c.value: True for c in self.capabilities}
        return context

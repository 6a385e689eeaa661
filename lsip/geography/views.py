from django.views.generic import TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.geography.maps import outline_map
from lsip.geography.models import Boundary

SOURCE = (
    "Source: ONS Geography, local authority districts May 2024 (BUC); contains OS data "
    "© Crown copyright and database right. Open Government Licence v3.0."
)


class Places(AreaPermissionMixin, TemplateView):
    """The public "Places" page of an area: its districts with their GSS codes, county,
    combined authority and region, and a map of their boundaries."""

    capability = Capability.VIEW_PUBLIC
    template_name = "geography/places.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["local_authorities"] = self.area.local_authorities.all()
        has_boundaries = Boundary.objects.filter(kind=Boundary.Kind.LOCAL_AUTHORITY).exists()
        context["map_spec"] = (
            outline_map(
                self.area, title=f"Local authority districts of {self.area.name}", source=SOURCE
            )
            if has_boundaries
            else None
        )
        return context

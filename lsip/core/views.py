from django.views.generic import TemplateView

from lsip.accounts.access import areas_visible_to, reads_every_area
from lsip.areas.models import Area


class Home(TemplateView):
    """Every LSIP area, with the signed-in person's own areas first (unless they read all)."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["areas"] = Area.objects.select_related("erb").all()
        context["reads_every_area"] = reads_every_area(self.request.user)
        if not context["reads_every_area"]:
            context["my_areas"] = areas_visible_to(self.request.user).order_by("name")
        return context


class ClassificationIndex(TemplateView):
    """The front page of the two ONS classifications LSIPs code skills needs with."""

    template_name = "core/classifications.html"


class Accessibility(TemplateView):
    template_name = "core/accessibility.html"

"""The sector pages of an area (SG 2.1, SG Annex D): the national sectors and the area's own,
each with its SIC 2007 definition; the area's ERB staff add, change, copy and delete the
area's sectors. The national sectors are shared by all 39 areas and not edited here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import add_rule_errors
from lsip.sectors import services
from lsip.sectors.forms import CopySectorForm, SectorForm
from lsip.sectors.labels import NATIONAL_GROUPS, labelled
from lsip.sectors.models import Sector


def list_url(area):
    return reverse("sectors:sector-list", kwargs={"area_slug": area.slug})


def with_definitions(sectors):
    """Each sector with `.definition`: (code, its SIC 2007 item or None) in order."""
    sectors = list(sectors)
    items = services.definition_items(sectors)
    for sector in sectors:
        sector.definition = [(code, items.get(code)) for code in sector.sic_codes]
    return sectors


class SectorList(AreaPermissionMixin, TemplateView):
    """Anyone may read the sectors and their definitions."""

    capability = Capability.VIEW_PUBLIC
    template_name = "sectors/sector_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sectors = services.sectors_for(self.area).annotate(
            used=Count("organisations", distinct=True)
        )
        sectors = labelled(
            with_definitions(sectors.select_related("area").order_by("kind", "name"))
        )
        national = [s for s in sectors if s.area_id is None]
        context["national_groups"] = [
            (title.removesuffix(" (national)"), [s for s in national if s.kind == kind])
            for kind, title in NATIONAL_GROUPS
            if any(s.kind == kind for s in national)
        ]
        context["own"] = [s for s in sectors if s.area_id is not None]
        context["sic_installed"] = services.SicItem.objects.exists()
        return context


class SectorFormView(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    form_class = SectorForm
    template_name = "sectors/sector_form.html"
    sector = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area, "sector": self.sector}

    def get_initial(self):
        if self.sector is None:
            return {}
        return {
            "name": self.sector.name,
            "description": self.sector.description,
            "sic_codes": "\n".join(self.sector.sic_codes),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if self.sector is None:
                sector = services.create_area_sector(
                    area=self.area,
                    name=data["name"],
                    description=data["description"],
                    codes=data["sic_codes"],
                    actor=self.request.user,
                )
            else:
                sector = services.update_area_sector(
                    sector=Sector.objects.get(pk=self.sector.pk),
                    name=data["name"],
                    description=data["description"],
                    codes=data["sic_codes"],
                    actor=self.request.user,
                )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        message = f"{sector.name} saved"
        if form.dropped:
            message += ". Left out as covered by a broader code: " + ", ".join(
                f"{code} (in {broader})" for code, broader in sorted(form.dropped.items())
            )
        messages.success(self.request, message)
        return redirect(f"{list_url(self.area)}#sector-{sector.pk}")

    def get_context_data(self, **kwargs):
        return super().get_context_data(sector=self.sector, **kwargs)


class SectorCreate(SectorFormView):
    pass


class AreaSectorMixin:
    """Finds an area sector within the area of the URL: a national sector's or another
    area's id is not found here (404)."""

    def dispatch(self, request, *args, **kwargs):
        self.sector = get_object_or_404(Sector, area__slug=kwargs["area_slug"], pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class SectorUpdate(AreaSectorMixin, SectorFormView):
    pass


class SectorDelete(AreaSectorMixin, AreaPermissionMixin, TemplateView):
    """Delete an area sector no organisation is in."""

    capability = Capability.EDIT_AREA
    template_name = "sectors/sector_delete.html"

    def get_context_data(self, **kwargs):
        used = self.sector.organisations.count()
        return super().get_context_data(sector=self.sector, used=used, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.delete_area_sector(sector=self.sector, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        messages.success(request, f"{self.sector.name} deleted")
        return redirect(list_url(self.area))


class SectorCopy(AreaPermissionMixin, FormView):
    """Copy a national sector to make the area's own version, then adjust it."""

    capability = Capability.EDIT_AREA
    form_class = CopySectorForm
    template_name = "sectors/sector_copy.html"

    def dispatch(self, request, *args, **kwargs):
        self.national = get_object_or_404(Sector, area__isnull=True, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def get_initial(self):
        return {"name": f"{self.national.name} in {self.area.name}"}

    def form_valid(self, form):
        try:
            sector = services.copy_national_sector(
                sector=self.national,
                area=self.area,
                name=form.cleaned_data["name"],
                actor=self.request.user,
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{sector.name} made from {self.national.name}: adjust it")
        return redirect(
            reverse("sectors:sector-update", kwargs={"area_slug": self.area.slug, "pk": sector.pk})
        )

    def get_context_data(self, **kwargs):
        (national,) = with_definitions([self.national])
        return super().get_context_data(national=national, **kwargs)

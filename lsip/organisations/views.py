import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.organisations import services
from lsip.organisations.forms import OrganisationForm
from lsip.organisations.models import Organisation
from lsip.organisations.querysets import organisations_of

CSV_HEADINGS = ("Name", "Type", "Local authority", "Companies House number", "UKPRN", "Website")


class OrganisationList(AreaPermissionMixin, TemplateView):
    """The area's directory, searchable and filterable; `?format=csv` downloads it."""

    template_name = "organisations/organisation_list.html"

    def get(self, request, *args, **kwargs):
        self.query = request.GET.get("q", "").strip()
        self.type = request.GET.get("type", "")
        self.organisations = organisations_of(self.area, query=self.query, type=self.type)
        if request.GET.get("format") == "csv":
            return self.as_csv()
        return super().get(request, *args, **kwargs)

    def as_csv(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.area.slug}-organisations.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(CSV_HEADINGS)
        for org in self.organisations:
            writer.writerow(
                [
                    org.name,
                    org.get_type_display(),
                    org.local_authority or "",
                    org.companies_house_number,
                    org.ukprn,
                    org.website,
                ]
            )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = Paginator(self.organisations, 50).get_page(self.request.GET.get("page"))
        context["types"] = Organisation.Type.choices
        context["query"], context["type"] = self.query, self.type
        return context


class OrganisationDetail(AreaPermissionMixin, TemplateView):
    template_name = "organisations/organisation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = get_object_or_404(
            Organisation.objects.select_related("local_authority"),
            area=self.area,
            pk=self.kwargs["pk"],
        )
        return context


class OrganisationFormView(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    form_class = OrganisationForm
    template_name = "organisations/organisation_form.html"
    organisation = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, instance=self.organisation)
        return kwargs

    def form_valid(self, form):
        organisation = services.save_organisation(
            organisation=form.instance, actor=self.request.user
        )
        messages.success(self.request, f"{organisation.name} saved")
        return redirect(organisation.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class OrganisationCreate(OrganisationFormView):
    pass


class OrganisationUpdate(OrganisationFormView):
    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_object_or_404(
            Organisation, area__slug=kwargs["area_slug"], pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class OrganisationArchive(AreaPermissionMixin, TemplateView):
    """Confirm, then take an organisation out of the directory (its history is kept)."""

    capability = Capability.EDIT_AREA
    template_name = "organisations/organisation_archive.html"

    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_object_or_404(
            Organisation,
            area__slug=kwargs["area_slug"],
            pk=kwargs["pk"],
            archived_on__isnull=True,
        )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        services.archive_organisation(organisation=self.organisation, actor=request.user)
        messages.success(request, f"{self.organisation.name} archived")
        return redirect("organisations:organisation-list", area_slug=self.area.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

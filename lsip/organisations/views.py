import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.exports import Column, download
from lsip.core.sorting import sort_headers
from lsip.engagement.querysets import engagements_of, needs_of, with_soc_titles
from lsip.engagement.services import merge_organisations
from lsip.organisations import contacts, services
from lsip.organisations.forms import (
    ContactForm,
    MergeForm,
    OrganisationFilterForm,
    OrganisationForm,
    suggest_sic,
)
from lsip.organisations.models import Contact, Organisation
from lsip.organisations.querysets import COLUMNS, organisations_of, sorted_organisations

#: The directory download: no contact data.
CSV_COLUMNS = [
    Column("Name", lambda o: o.name),
    Column("Type", lambda o: o.get_type_display()),
    Column("Local authority", lambda o: o.local_authority.name if o.local_authority else ""),
    Column("Companies House number", lambda o: o.companies_house_number),
    Column("UKPRN", lambda o: o.ukprn),
    Column("Website", lambda o: o.website),
    Column("Size band", lambda o: o.get_size_band_display()),
    Column("Ownership", lambda o: o.get_ownership_display()),
    Column("SIC 2007", lambda o: o.sic_code),
    Column("ERB member", lambda o: {True: "Yes", False: "No"}.get(o.erb_member, "Not known")),
]


class OrganisationList(AreaPermissionMixin, TemplateView):
    """The area's directory, searchable, filterable and sortable by column (`?sort=type`,
    `?sort=-type`); `?format=csv` downloads it."""

    template_name = "organisations/organisation_list.html"

    def get(self, request, *args, **kwargs):
        self.form = OrganisationFilterForm(request.GET or None, area=self.area)
        filters = self.form.filters()
        filters["query"] = filters.pop("q", "")
        self.sort = request.GET.get("sort", "name")
        self.organisations = sorted_organisations(organisations_of(self.area, **filters), self.sort)
        if request.GET.get("format") == "csv":
            return download(
                CSV_COLUMNS, self.organisations, "csv", f"{self.area.slug}-organisations"
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = Paginator(self.organisations, 50).get_page(self.request.GET.get("page"))
        context["form"] = self.form
        query = self.request.GET.copy()
        query.pop("page", None)
        query["format"] = "csv"
        context["csv_query"] = query.urlencode()
        context["headers"] = sort_headers(self.request.GET, COLUMNS, self.sort)
        return context


class _LoadAfterPermission:
    """Looks records up only once the permission check has passed."""

    def dispatch(self, request, *args, **kwargs):
        self.load_objects(**kwargs)
        return super().dispatch(request, *args, **kwargs)


class OrganisationMixin(AreaPermissionMixin, _LoadAfterPermission):
    def load_objects(self, **kwargs):
        self.organisation = get_object_or_404(
            Organisation.objects.select_related("local_authority"),
            area=self.area,
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class OrganisationDetail(OrganisationMixin, TemplateView):
    template_name = "organisations/organisation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.organisation
        context["sectors"] = organisation.sectors.all()
        context["engagements"] = engagements_of(self.area, organisation=organisation.pk)
        context["needs"] = with_soc_titles(needs_of(self.area, organisation=organisation))
        if Capability.VIEW_PERSONAL_DATA in self.capabilities:
            context["contacts"] = organisation.contacts.all()
        if not organisation.sic_code:
            context["sic_suggestion"] = suggest_sic(organisation.description)
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
            organisation=form.instance,
            actor=self.request.user,
            sectors=form.cleaned_data["sectors"],
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


class OrganisationMerge(OrganisationMixin, FormView):
    """Merge another record of the same organisation into this one, after confirming."""

    capability = Capability.EDIT_AREA
    form_class = MergeForm
    template_name = "organisations/organisation_merge.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "keep": self.organisation}

    def form_valid(self, form):
        other = form.cleaned_data["other"]
        if self.request.POST.get("confirm") != "yes":
            return self.render_to_response(self.get_context_data(form=form, other=other))
        try:
            moved = merge_organisations(
                keep=self.organisation, merge=other, actor=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{other.name} merged into {self.organisation.name}: {moved['engagements']} "
            f"engagements, {moved['skills_needs']} skills needs and {moved['contacts']} "
            "contacts moved",
        )
        return redirect(self.organisation.get_absolute_url())


class ContactMixin(OrganisationMixin):
    """Contacts are personal data: only roles that may see it reach these pages."""

    capability = Capability.VIEW_PERSONAL_DATA
    contact = None

    def load_objects(self, **kwargs):
        super().load_objects(**kwargs)
        if "contact_pk" in kwargs:
            self.contact = get_object_or_404(
                Contact, organisation=self.organisation, pk=kwargs["contact_pk"]
            )

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact, **kwargs)


class ContactFormView(ContactMixin, FormView):
    form_class = ContactForm
    template_name = "organisations/contact_form.html"

    def get(self, request, *args, **kwargs):
        if self.contact and self.contact.erased_on:
            messages.error(request, "This contact was erased and cannot be changed")
            return redirect(self.organisation.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.contact and self.contact.erased_on:
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(organisation=self.organisation, instance=self.contact)
        return kwargs

    def form_valid(self, form):
        contacts.save_contact(contact=form.instance, actor=self.request.user)
        messages.success(self.request, "Contact saved")
        return redirect(self.organisation.get_absolute_url())


class ContactExport(ContactMixin, TemplateView):
    """Everything held about one person, as JSON (a subject access request)."""

    def get(self, request, *args, **kwargs):
        data = contacts.export_contact(self.contact)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="contact-{self.contact.pk}.json"'
        return response


class ContactErase(ContactMixin, TemplateView):
    """Confirm, then erase a person on request; the organisation's evidence stays."""

    template_name = "organisations/contact_erase.html"

    def post(self, request, *args, **kwargs):
        if not self.contact.erased_on:
            contacts.erase_contact(contact=self.contact, actor=request.user)
        messages.success(request, "The contact's personal data was erased")
        return redirect(self.organisation.get_absolute_url())

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, FormView, ListView, TemplateView

from lsip.accounts.access import capabilities
from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.areas import services
from lsip.areas.dashboard import dashboard
from lsip.areas.forms import CycleForm
from lsip.areas.models import Area, Cycle
from lsip.audit.models import AuditEntry, kind_of
from lsip.core.forms import add_rule_errors


class AreaList(ListView):
    """Every LSIP area: its Strategic Authority and its Employer Representative Body."""

    template_name = "areas/area_list.html"
    context_object_name = "areas"

    def get_queryset(self):
        return Area.objects.select_related("erb")


class AreaDetail(DetailView):
    """The page of an area: its places, districts, authority, ERB and cycles for everyone;
    for the ERB's own people (who edit the area's work) also where that work stands."""

    model = Area
    slug_url_kwarg = "area_slug"
    template_name = "areas/area_detail.html"
    context_object_name = "area"

    def get_queryset(self):
        return Area.objects.select_related("erb")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["local_authorities"] = self.object.local_authorities.all()
        context["cycles"] = self.object.cycles.select_related("previous")
        context["can"] = {c.value: True for c in capabilities(self.request.user, self.object)}
        if context["can"].get(Capability.EDIT_AREA):
            context["dashboard"] = dashboard(self.object)
        return context


class CycleFormView(AreaPermissionMixin, FormView):
    capability = Capability.MANAGE_AREA
    form_class = CycleForm
    template_name = "areas/cycle_form.html"
    cycle = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        return kwargs

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            cycle = self.save(data)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Cycle {cycle.label} saved")
        return redirect(self.area.get_absolute_url())


class CycleCreate(CycleFormView):
    def save(self, data):
        return services.create_cycle(area=self.area, actor=self.request.user, **data)


class CycleUpdate(CycleFormView):
    def dispatch(self, request, *args, **kwargs):
        self.cycle = get_object_or_404(Cycle, area__slug=kwargs["area_slug"], pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        c = self.cycle
        return {
            "start_year": c.start_year,
            "status": c.status,
            "previous": c.previous,
            "substantive_draft_due": c.substantive_draft_due,
            "final_due": c.final_due,
            "publication_due": c.publication_due,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(cycle=self.cycle, **kwargs)

    def save(self, data):
        data["end_year"] = data["start_year"] + 3
        return services.update_cycle(cycle=self.cycle, actor=self.request.user, **data)


class AuditLog(AreaPermissionMixin, TemplateView):
    """The area's audit trail, newest first, for its ERB admins."""

    capability = Capability.MANAGE_AREA
    template_name = "areas/audit_log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = AuditEntry.objects.filter(area=self.area)
        model = self.request.GET.get("model", "")
        if model:
            entries = entries.filter(model=model)
        context["page"] = Paginator(entries, 50).get_page(self.request.GET.get("page"))
        labels = (
            AuditEntry.objects.filter(area=self.area)
            .order_by("model")
            .values_list("model", flat=True)
            .distinct()
        )
        context["models"] = [(label, kind_of(label)) for label in labels]
        context["model"] = model
        return context

"""What the pages of the plan's annexes share (Annex A, outcomes, context, duties):
the plan of the URL or the item, within the URL's area only, and the list, form and
remove pages of an item. Reading needs VIEW_AREA, changing EDIT_PLAN. Every change goes
through `lsip.plans.services`, which applies only the fields the editor changed
(`lsip.plans.merging`) and refuses a lost update (`locking.ConflictError`): the page then
answers 409 with who changed the item and when, and the item as it now stands beside what
the person typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import add_rule_errors
from lsip.plans import conflicts, merging, services
from lsip.plans.locking import ConflictError
from lsip.plans.models import Plan

PLAN_NAV = "plans/_plan_nav.html"


def plan_nav_template() -> str | None:
    """The plan's shared sub-navigation, once it exists."""
    try:
        get_template(PLAN_NAV)
    except TemplateDoesNotExist:
        return None
    return PLAN_NAV


class PlanPartMixin:
    """Put after AreaPermissionMixin: the plan of the URL (`<uuid:pk>` is the plan's) or,
    with `item_in_url`, the item (`<uuid:pk>` is the item's), within the URL's area only."""

    model: type[Model]
    item_in_url = False
    list_name = ""
    noun = ""

    def dispatch(self, request, *args, **kwargs):
        if self.item_in_url:
            self.item = get_object_or_404(
                self.model.objects.select_related("plan__cycle"),
                plan__area=self.area,
                pk=kwargs["pk"],
            )
            self.plan = self.item.plan
        else:
            self.item = None
            self.plan = get_object_or_404(
                Plan.objects.select_related("cycle"), area=self.area, pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def list_url(self, anchor=None) -> str:
        url = reverse(
            f"plans:{self.list_name}", kwargs={"area_slug": self.area.slug, "pk": self.plan.pk}
        )
        return f"{url}#item-{anchor}" if anchor else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            item=self.item,
            noun=self.noun,
            list_url=self.list_url(),
            plan_nav=plan_nav_template(),
            can_edit=Capability.EDIT_PLAN in self.capabilities,
        )
        return context


class ItemFormView(AreaPermissionMixin, PlanPartMixin, FormView):
    """Add (plan in the URL) or change (item in the URL) one item of the plan."""

    capability = Capability.EDIT_PLAN
    template_name = "plans/annex_form.html"
    links: tuple[str, ...] = ()
    intro = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(plan=self.plan, instance=self.item or self.model(plan=self.plan))
        return kwargs

    def form_valid(self, form):
        instance = form.save(commit=False)
        links = {name: form.cleaned_data[name] for name in self.links if name in form.fields}
        try:
            services.save(
                instance,
                actor=self.request.user,
                expected_version=form.cleaned_data.get("version") if self.item else None,
                links=links,
                read=merging.values_read(form),
            )
        except ConflictError as conflict:
            return conflicts.refused(self, form, conflict)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.noun.capitalize()} “{instance}” saved")
        return redirect(self.list_url(instance.pk))

    def get_context_data(self, **kwargs):
        title = f"Change {self.noun}" if self.item else f"Add {self.article()} {self.noun}"
        return super().get_context_data(title=title, intro=self.intro, **kwargs)

    def article(self):
        return "an" if self.noun[:1].lower() in "aeiou" else "a"


class ItemDeleteView(AreaPermissionMixin, PlanPartMixin, TemplateView):
    """Remove one item, refusing if it changed since the page was opened."""

    capability = Capability.EDIT_PLAN
    item_in_url = True
    template_name = "plans/annex_delete.html"

    def post(self, request, *args, **kwargs):
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            messages.error(request, "Open the item again before removing it")
            return redirect(request.path)
        try:
            services.delete(self.item, actor=request.user, expected_version=version)
        except ConflictError as conflict:
            self.item = conflict.current
            return self.render_to_response(self.get_context_data(conflict=conflict), status=409)
        messages.success(request, f"{self.noun.capitalize()} “{self.item}” removed")
        return redirect(self.list_url())


class ItemListView(AreaPermissionMixin, PlanPartMixin, TemplateView):
    capability = Capability.VIEW_AREA

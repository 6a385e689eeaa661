"""Adding, changing and removing an item of the plan through its page: `ItemFormView`
and `ItemDelete`, the bases of the plan's, priorities', actions' and activities' forms.

Every change needs `EDIT_PLAN` and goes through `lsip.plans.services`, which applies only
the fields the editor changed (`lsip.plans.merging`) and refuses a lost update: the form
then comes back (409) with who changed the item and when, the item as it now stands beside
what was typed, and the new version, so that a deliberate second save overwrites it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import add_rule_errors
from lsip.plans import conflicts, merging, services
from lsip.plans.forms import DeleteForm
from lsip.plans.locking import ConflictError


class ItemFormView(AreaPermissionMixin, FormView):
    """Add or change one item: the parent (when adding) or the item is looked up within the
    URL's area; the save goes through `services.save` with the version read."""

    capability = Capability.EDIT_PLAN
    template_name = "plans/item_form.html"
    noun = ""
    item = None  # the item being changed, None when adding
    parent = None  # the record an item is added to

    def get(self, request, *args, **kwargs):
        self.load()  # after AreaPermissionMixin.dispatch: permission first, then records
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        return super().post(request, *args, **kwargs)

    def load(self):
        raise NotImplementedError

    def new_item(self):
        raise NotImplementedError

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, instance=self.item if self.item else self.new_item())
        return kwargs

    def links(self, form) -> dict:
        return {}

    def success_url_for(self, item):
        raise NotImplementedError

    def form_valid(self, form):
        item = form.instance
        creating = item._state.adding
        if creating:
            siblings = self.siblings()
            item.position = (max((s.position for s in siblings), default=-1) + 1) if siblings else 0
        version = form.cleaned_data.get("version")
        try:
            services.save(
                item,
                actor=self.request.user,
                expected_version=None if creating else (version or 0),
                links=self.links(form),
                read=merging.values_read(form),
            )
        except ConflictError as conflict:
            return conflicts.refused(self, form, conflict)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.noun.capitalize()} “{item}” saved")
        return redirect(self.success_url_for(item))

    def siblings(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            item=self.item,
            noun=self.noun,
            heading=self.heading(),
            cancel_url=self.cancel_url(),
        )
        context["needs_limited"] = getattr(context.get("form"), "needs_limited", False)
        return context

    def heading(self):
        return f"Change {self.noun} “{self.item}”" if self.item else f"Add {self.noun}"

    def cancel_url(self):
        raise NotImplementedError


class ItemDelete(AreaPermissionMixin, FormView):
    """Confirm, then remove an item and what hangs from it, refusing if it changed since."""

    capability = Capability.EDIT_PLAN
    form_class = DeleteForm
    template_name = "plans/item_delete.html"
    noun = ""

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        return {"version": self.item.version}

    def form_valid(self, form):
        try:
            services.delete(
                self.item, actor=self.request.user, expected_version=form.cleaned_data["version"]
            )
        except ConflictError as conflict:
            form.add_error(None, str(conflict))
            form.set_version(conflict.current.version)
            self.item = conflict.current
            context = self.get_context_data(form=form, conflict=conflict)
            return self.render_to_response(context, status=409)
        messages.success(self.request, f"{self.noun.capitalize()} “{self.item}” removed")
        return redirect(self.after_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            item=self.item,
            noun=self.noun,
            consequence=self.consequence(),
            cancel_url=self.cancel_url(),
        )
        return context

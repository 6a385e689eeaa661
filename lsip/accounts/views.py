from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from lsip.accounts import services, tokens
from lsip.accounts.access import reads_every_area
from lsip.accounts.forms import GrantRoleForm, SignInForm, TokenForm
from lsip.accounts.landing import landing_url, roles_by_area
from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.models import PersonalToken, RoleAssignment, User
from lsip.accounts.roles import Capability, Role
from lsip.core.forms import add_rule_errors


class SignIn(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Without a `next` page, each person lands on their own area's work."""
        return landing_url(self.request.user)


class SignOut(auth_views.LogoutView):
    pass


class Profile(LoginRequiredMixin, TemplateView):
    """The signed-in person's roles, and their personal API tokens (`accounts.tokens`):
    create one with a name and a scope, see when each was last used, revoke any."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = self.request.user.roles.select_related("area", "organisation")
        context["tokens"] = tokens.live_tokens(self.request.user)
        context.setdefault("form", TokenForm())
        return context

    def post(self, request, *args, **kwargs):
        """Create a token (its key shown once), or revoke one of the person's own."""
        if request.POST.get("action") == "revoke":
            try:
                token = tokens.revoke_token(request.user, request.POST.get("token"))
            except (PersonalToken.DoesNotExist, ValidationError, ValueError):
                messages.error(request, "That token was not found")
            else:
                messages.success(request, f"The token {token.name!r} was revoked")
            return redirect("accounts:profile")
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                token, key = tokens.create_token(
                    request.user, form.cleaned_data["name"], form.cleaned_data["scope"]
                )
            except ValidationError as error:
                add_rule_errors(form, error)
            else:
                messages.success(
                    request,
                    f"Your new token {token.name!r} is {key} – copy it now: it is not shown again.",
                )
                return redirect("accounts:profile")
        return self.render_to_response(self.get_context_data(form=form))


class ChooseArea(LoginRequiredMixin, TemplateView):
    """A short list of the areas in which the signed-in person holds roles, to choose one."""

    template_name = "accounts/choose_area.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["areas"] = roles_by_area(self.request.user)
        context["reads_every_area"] = reads_every_area(self.request.user)
        return context


class People(AreaPermissionMixin, FormView):
    """The people who hold roles in an area; its ERB admins add and remove them."""

    capability = Capability.MANAGE_AREA
    template_name = "accounts/people.html"
    form_class = GrantRoleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["assignments"] = (
            RoleAssignment.objects.filter(area=self.area)
            .select_related("user", "organisation")
            .order_by("user__username", "role")
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        user = User.objects.filter(username=data["email"].lower()).first()
        password = None
        try:
            with transaction.atomic():
                if user is None:
                    password = services.generate_password()
                    user = services.create_user(
                        email=data["email"],
                        password=password,
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                    )
                services.grant_role(
                    user=user,
                    role=data["role"],
                    area=self.area,
                    organisation=data["organisation"],
                    actor=self.request.user,
                )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        note = (
            f" Their first password is {password} – give it to them securely." if password else ""
        )
        messages.success(self.request, f"{user.username} is now {Role(data['role']).label}.{note}")
        return redirect("accounts:people", area_slug=self.area.slug)


class RoleRemove(AreaPermissionMixin, TemplateView):
    """Confirm, then take a role away from a person."""

    capability = Capability.MANAGE_AREA
    template_name = "accounts/role_remove.html"

    def get_context_data(self, **kwargs):
        assignment = get_object_or_404(RoleAssignment, area=self.area, pk=self.kwargs["pk"])
        return super().get_context_data(assignment=assignment, **kwargs)

    def post(self, request, *args, **kwargs):
        assignment = get_object_or_404(RoleAssignment, area=self.area, pk=kwargs["pk"])
        services.revoke_role(assignment=assignment, actor=request.user)
        messages.success(request, f"Removed {assignment}")
        return redirect("accounts:people", area_slug=self.area.slug)

"""The Django admin, opened to ERB admins for their own areas only.

Superusers see everything. An ERB admin sees and changes the records of the areas where they
hold that role; other areas' records are not listed and cannot be opened.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from lsip.accounts.access import areas_visible_to
from lsip.accounts.roles import Capability


def managed_areas(request):
    return areas_visible_to(request.user, Capability.MANAGE_AREA)


class LsipAdminSite(admin.AdminSite):
    site_header = "lsip administration"
    site_title = "lsip admin"
    index_title = "Records you administer"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_superuser or managed_areas(request).exists())

    def login(self, request, extra_context=None):
        """Everyone signs in on the product's own page; a signed-in non-admin is refused."""
        destination = request.GET.get("next") or reverse("admin:index")
        if not url_has_allowed_host_and_scheme(destination, allowed_hosts={request.get_host()}):
            destination = reverse("admin:index")
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect(destination)
            raise PermissionDenied
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': destination})}")


admin_site = LsipAdminSite(name="admin")


class AreaScopedAdmin(admin.ModelAdmin):
    """A model admin limited to the areas the person administers.

    `area_path` is the lookup from the model to its area ("area", or "" for Area itself).
    Domain records are archived, never deleted, so deleting is for superusers only.
    """

    area_path = "area"

    def _area_filter(self, request):
        return {f"{self.area_path}__in" if self.area_path else "pk__in": managed_areas(request)}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**self._area_filter(request))

    def _allowed(self, request, obj=None):
        if request.user.is_superuser:
            return True
        if obj is None:
            return managed_areas(request).exists()
        return type(obj)._default_manager.filter(pk=obj.pk, **self._area_filter(request)).exists()

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """Offer only records of the person's own areas in every area-bound drop-down."""
        if not request.user.is_superuser:
            related = db_field.related_model
            areas = managed_areas(request)
            if related._meta.label == "areas.Area":
                kwargs["queryset"] = areas
            elif any(f.name == "area" for f in related._meta.get_fields()):
                kwargs["queryset"] = related._default_manager.filter(area__in=areas)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReadOnlyAreaAdmin(AreaScopedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from django.contrib import admin

from lsip.areas.models import Area, Cycle, LocalAuthority
from lsip.core.admin import AreaScopedAdmin, ReadOnlyAreaAdmin, admin_site


@admin.register(Area, site=admin_site)
class AreaAdmin(AreaScopedAdmin):
    area_path = ""
    list_display = ["name", "strategic_authority", "is_devolution_priority", "erb"]
    fields = [
        "name",
        "places_covered",
        "strategic_authority",
        "is_devolution_priority",
        "mayor_elected_in",
        "erb",
    ]
    readonly_fields = ["name", "places_covered", "strategic_authority", "is_devolution_priority"]
    search_fields = ["name"]

    def has_add_permission(self, request):
        return False  # the 39 areas come from Annex B of the statutory guidance


@admin.register(Cycle, site=admin_site)
class CycleAdmin(AreaScopedAdmin):
    list_display = ["area", "label", "status"]
    list_filter = ["status"]


@admin.register(LocalAuthority, site=admin_site)
class LocalAuthorityAdmin(ReadOnlyAreaAdmin):
    list_display = ["name", "gss_code", "area", "county"]
    search_fields = ["name", "gss_code"]

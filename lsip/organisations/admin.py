from django.contrib import admin

from lsip.core.admin import AreaScopedAdmin, admin_site
from lsip.organisations.models import Organisation


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(AreaScopedAdmin):
    list_display = ["name", "type", "area", "local_authority", "archived_on"]
    list_filter = ["type"]
    search_fields = ["name", "companies_house_number", "ukprn"]

from django.contrib import admin

from lsip.audit.models import AuditEntry
from lsip.core.admin import ReadOnlyAreaAdmin, admin_site


@admin.register(AuditEntry, site=admin_site)
class AuditEntryAdmin(ReadOnlyAreaAdmin):
    list_display = ["at", "actor_label", "action", "model", "object_repr"]
    list_filter = ["action", "model"]
    search_fields = ["object_repr", "actor_label"]

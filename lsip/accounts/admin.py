from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from lsip.accounts.models import RoleAssignment, User
from lsip.core.admin import admin_site

# People and roles are managed here by superusers only (Django's model permissions, which ERB
# admins do not hold); ERB admins use their area's People page, which keeps them to their area.
admin_site.register(User, UserAdmin)
admin_site.register(
    RoleAssignment,
    type("RoleAssignmentAdmin", (admin.ModelAdmin,), {"list_display": ["user", "role", "area"]}),
)

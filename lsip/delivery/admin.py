"""The delivery records in the admin, for an ERB admin to correct one (a metric value
uploaded wrong, a round's dates): only their own area's, every change audited. Records are
made on the delivery pages, so the admin adds none, and the links to the plan are shown, not
chosen (a drop-down of activities or outcomes would list other areas')."""

from django.contrib import admin

from lsip.core.admin import AreaScopedAdmin, admin_site
from lsip.delivery.models import Feedback, MetricValue, ReviewEvidence, Round, Update


class CorrectionAdmin(AreaScopedAdmin):
    def has_add_permission(self, request):
        return False


@admin.register(Round, site=admin_site)
class RoundAdmin(CorrectionAdmin):
    area_path = "plan__area"
    list_display = ["name", "plan", "period_start", "period_end", "due_on", "closed_on"]
    readonly_fields = ["plan", "opened_by"]


@admin.register(Update, site=admin_site)
class UpdateAdmin(CorrectionAdmin):
    area_path = "organisation__area"
    list_display = ["activity", "organisation", "as_of", "status", "percent_complete", "state"]
    list_filter = ["state", "status"]
    readonly_fields = [
        "activity",
        "organisation",
        "round",
        "submitted_by",
        "reviewed_by",
        "reviewed_on",
        "answers",
    ]


@admin.register(MetricValue, site=admin_site)
class MetricValueAdmin(CorrectionAdmin):
    area_path = "outcome__plan__area"
    list_display = ["outcome", "on", "value", "source", "source_detail", "organisation"]
    list_filter = ["source"]
    readonly_fields = ["outcome", "update", "entered_by", "source", "source_detail"]


@admin.register(Feedback, site=admin_site)
class FeedbackAdmin(CorrectionAdmin):
    area_path = "priority__plan__area"
    list_display = ["priority", "working", "employer_name", "organisation", "created_on"]
    list_filter = ["working"]
    readonly_fields = ["priority"]


@admin.register(ReviewEvidence, site=admin_site)
class ReviewEvidenceAdmin(CorrectionAdmin):
    area_path = "plan__area"
    list_display = ["title", "tag", "priority", "recorded_on"]
    readonly_fields = ["plan", "priority"]

"""The JSON API, version 1. The schema is at /api/schema/ and the browsable docs at /api/docs/."""

from django.urls import path, reverse
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from lsip.accounts.api import Me
from lsip.approval.api import LifecycleViewSet, ReadinessViewSet
from lsip.areas.api import AreaViewSet, AuditEntryViewSet, CycleViewSet
from lsip.classification.api import SicItemViewSet, SocGroupViewSet
from lsip.classification.coding_api import CodeIndustries, CodeOccupations
from lsip.delivery.api import ActivityViewSet as DeliveryActivities
from lsip.delivery.api import MetricValueViewSet, UpdateViewSet
from lsip.documents.api import PublicationViewSet
from lsip.economy.api import DatasetViewSet, IndicatorViewSet, PrioritySectorViewSet
from lsip.engagement.api import ContactViewSet, EngagementViewSet, SkillsNeedViewSet
from lsip.governance.api import (
    AgendaItemViewSet,
    AttendanceViewSet,
    BoardCategoryViewSet,
    BoardPersonViewSet,
    BoardViewSet,
    CommunicationItemViewSet,
    CommunicationPlanViewSet,
    DecisionViewSet,
    DeclarationViewSet,
    DesignationViewSet,
    GrantClaimViewSet,
    GrantViewSet,
    LsifBidViewSet,
    MeetingActionViewSet,
    MeetingViewSet,
    PaperViewSet,
    RegisterEntryViewSet,
)
from lsip.organisations.api import OrganisationViewSet
from lsip.plans.api import (
    ActionViewSet,
    OutcomeViewSet,
    PlanActivityViewSet,
    PlanViewSet,
    PriorityViewSet,
)
from lsip.sectors.api import SectorViewSet

AREA = r"areas/(?P<area_slug>[-a-z0-9]+)"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("areas", AreaViewSet, basename="area")
router.register(f"{AREA}/cycles", CycleViewSet, basename="cycle")
router.register(f"{AREA}/organisations", OrganisationViewSet, basename="organisation")
router.register(f"{AREA}/audit", AuditEntryViewSet, basename="audit-entry")
router.register(f"{AREA}/engagements", EngagementViewSet, basename="engagement")
router.register(f"{AREA}/skills-needs", SkillsNeedViewSet, basename="skills-need")
router.register(f"{AREA}/contacts", ContactViewSet, basename="contact")
router.register(f"{AREA}/sectors", SectorViewSet, basename="area-sector")
router.register(f"{AREA}/datasets", DatasetViewSet, basename="dataset")
router.register(f"{AREA}/indicators", IndicatorViewSet, basename="indicator")
router.register(f"{AREA}/priority-sectors", PrioritySectorViewSet, basename="priority-sector")
router.register(f"{AREA}/plans", PlanViewSet, basename="plan")
router.register(f"{AREA}/priorities", PriorityViewSet, basename="plan-priority")
router.register(f"{AREA}/actions", ActionViewSet, basename="plan-action")
router.register(f"{AREA}/activities", PlanActivityViewSet, basename="plan-activity")
router.register(f"{AREA}/outcomes", OutcomeViewSet, basename="plan-outcome")
router.register(f"{AREA}/readiness", ReadinessViewSet, basename="readiness")
router.register(f"{AREA}/lifecycle", LifecycleViewSet, basename="lifecycle")
router.register(f"{AREA}/boards", BoardViewSet, basename="board")
router.register(f"{AREA}/register", RegisterEntryViewSet, basename="register-entry")
router.register(f"{AREA}/meetings", MeetingViewSet, basename="meeting")
router.register(f"{AREA}/decisions", DecisionViewSet, basename="decision")
router.register(f"{AREA}/board-people", BoardPersonViewSet, basename="board-person")
router.register(f"{AREA}/board-categories", BoardCategoryViewSet, basename="board-category")
router.register(f"{AREA}/designations", DesignationViewSet, basename="designation")
router.register(
    f"{AREA}/communication-plans", CommunicationPlanViewSet, basename="communication-plan"
)
router.register(
    f"{AREA}/communication-items", CommunicationItemViewSet, basename="communication-item"
)
router.register(f"{AREA}/attendance", AttendanceViewSet, basename="attendance")
router.register(f"{AREA}/agenda-items", AgendaItemViewSet, basename="agenda-item")
router.register(f"{AREA}/papers", PaperViewSet, basename="paper")
router.register(f"{AREA}/declarations", DeclarationViewSet, basename="declaration")
router.register(f"{AREA}/meeting-actions", MeetingActionViewSet, basename="meeting-action")
router.register(f"{AREA}/lsif-bids", LsifBidViewSet, basename="lsif-bid")
router.register(f"{AREA}/grants", GrantViewSet, basename="grant")
router.register(f"{AREA}/grant-claims", GrantClaimViewSet, basename="grant-claim")
router.register(f"{AREA}/delivery/activities", DeliveryActivities, basename="delivery-activity")
router.register(f"{AREA}/delivery/updates", UpdateViewSet, basename="delivery-update")
router.register(f"{AREA}/metric-values", MetricValueViewSet, basename="metric-value")
router.register(f"{AREA}/publications", PublicationViewSet, basename="publication")
router.register("classifications/soc", SocGroupViewSet, basename="soc-group")
router.register("classifications/sic", SicItemViewSet, basename="sic-item")


class ApiRoot(APIView):
    """The front door of version 1: every endpoint (an area's own under `{area_slug}`), and
    where the schema and the browsable docs are. Open to everyone; each endpoint keeps its
    own access rules."""

    permission_classes = [AllowAny]
    schema = None  # the schema describes the endpoints, not this list of them

    def get(self, request):
        root = request.build_absolute_uri(reverse("api-v1:api-root"))
        named = {"me": "me/", "code-soc": "code/soc/", "code-sic": "code/sic/"}
        for prefix, _viewset, basename in router.registry:
            named[basename] = prefix.replace(AREA, "areas/{area_slug}") + "/"
        return Response(
            {
                "schema": request.build_absolute_uri(reverse("api-schema")),
                "docs": request.build_absolute_uri(reverse("api-docs")),
                "endpoints": {name: root + path for name, path in named.items()},
            }
        )


app_name = "api-v1"
urlpatterns = [
    path("", ApiRoot.as_view(), name="api-root"),
    path("me/", Me.as_view(), name="me"),
    path("code/soc/", CodeOccupations.as_view(), name="code-soc"),
    path("code/sic/", CodeIndustries.as_view(), name="code-sic"),
    *router.urls,
]

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from lsip.core.admin import admin_site
from lsip.core.views import ClassificationIndex

#: A busy database (SQLite's "database is locked") answers 503, try again; else Django's 500.
handler500 = "lsip.core.busy.server_error"

urlpatterns = [
    path("", include("lsip.core.urls")),
    path("", include("lsip.accounts.urls")),
    path("areas/", include("lsip.areas.urls")),
    path("areas/<slug:area_slug>/places/", include("lsip.geography.urls")),
    path("areas/<slug:area_slug>/economy/", include("lsip.economy.urls")),
    path("areas/<slug:area_slug>/plan/", include("lsip.plans.urls")),
    path("areas/<slug:area_slug>/board/", include("lsip.governance.urls")),
    path("areas/<slug:area_slug>/organisations/", include("lsip.organisations.urls")),
    path("areas/<slug:area_slug>/coding/", include("lsip.classification.area_urls")),
    path("areas/<slug:area_slug>/imports/", include("lsip.engagement.import_urls")),
    path("areas/<slug:area_slug>/jobs/", include("lsip.jobs.urls")),
    path("areas/<slug:area_slug>/engagement/", include("lsip.engagement.urls")),
    path("areas/<slug:area_slug>/sectors/", include("lsip.sectors.urls")),
    path("areas/<slug:area_slug>/approval/", include("lsip.approval.urls")),
    path("areas/<slug:area_slug>/delivery/", include("lsip.delivery.urls")),
    path("areas/<slug:area_slug>/documents/", include("lsip.documents.urls")),
    path("public/", include("lsip.documents.public_urls")),
    path("classifications/", ClassificationIndex.as_view(), name="classifications"),
    path("classifications/", include("lsip.classification.urls")),
    path("economy/", include("lsip.economy.national_urls")),
    path("approval/", include("lsip.approval.national_urls")),
    path("england/", include("lsip.national.urls")),
    path("interchange/", include("lsip.interchange.urls")),
    path("admin/", admin_site.urls),
    path("api/v1/", include("lsip.config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its script as a file: the Content-Security-Policy forbids inline.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

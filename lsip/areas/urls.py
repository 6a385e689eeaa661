from django.urls import path

from lsip.areas import views

app_name = "areas"
urlpatterns = [
    path("", views.AreaList.as_view(), name="area-list"),
    path("<slug:area_slug>/", views.AreaDetail.as_view(), name="area-detail"),
    path("<slug:area_slug>/cycles/new/", views.CycleCreate.as_view(), name="cycle-create"),
    path(
        "<slug:area_slug>/cycles/<uuid:pk>/edit/", views.CycleUpdate.as_view(), name="cycle-update"
    ),
    path("<slug:area_slug>/audit/", views.AuditLog.as_view(), name="audit-log"),
]

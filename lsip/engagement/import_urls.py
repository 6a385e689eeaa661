from django.urls import path

from lsip.engagement import import_views

app_name = "imports"
urlpatterns = [
    path("", import_views.ImportList.as_view(), name="import-list"),
    path("new/", import_views.ImportUpload.as_view(), name="import-upload"),
    path("<str:token>/map/", import_views.ImportMap.as_view(), name="import-map"),
    path("<str:token>/preview/", import_views.ImportPreview.as_view(), name="import-preview"),
    path("<str:token>/apply/", import_views.ImportApply.as_view(), name="import-apply"),
]

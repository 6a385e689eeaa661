from django.urls import path

from lsip.documents import public_views as views

app_name = "public"

urlpatterns = [
    path("", views.PublicIndex.as_view(), name="index"),
    path("<slug:area_slug>/", views.PublicArea.as_view(), name="area"),
    path("<slug:area_slug>/<uuid:pk>/", views.PublicDocument.as_view(), name="publication"),
    path(
        "<slug:area_slug>/<uuid:pk>/download.<str:fmt>",
        views.PublicDownload.as_view(),
        name="download",
    ),
]

from django.urls import path

from lsip.sectors import views

app_name = "sectors"
urlpatterns = [
    path("", views.SectorList.as_view(), name="sector-list"),
    path("new/", views.SectorCreate.as_view(), name="sector-create"),
    path("<uuid:pk>/edit/", views.SectorUpdate.as_view(), name="sector-update"),
    path("<uuid:pk>/delete/", views.SectorDelete.as_view(), name="sector-delete"),
    path("<uuid:pk>/copy/", views.SectorCopy.as_view(), name="sector-copy"),
]

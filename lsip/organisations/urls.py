from django.urls import path

from lsip.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.OrganisationList.as_view(), name="organisation-list"),
    path("new/", views.OrganisationCreate.as_view(), name="organisation-create"),
    path("<uuid:pk>/", views.OrganisationDetail.as_view(), name="organisation-detail"),
    path("<uuid:pk>/edit/", views.OrganisationUpdate.as_view(), name="organisation-update"),
    path("<uuid:pk>/archive/", views.OrganisationArchive.as_view(), name="organisation-archive"),
]

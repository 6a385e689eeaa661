from django.urls import path

from lsip.organisations import views

app_name = "organisations"
CONTACT = "<uuid:pk>/contacts/<uuid:contact_pk>"
urlpatterns = [
    path("", views.OrganisationList.as_view(), name="organisation-list"),
    path("new/", views.OrganisationCreate.as_view(), name="organisation-create"),
    path("<uuid:pk>/", views.OrganisationDetail.as_view(), name="organisation-detail"),
    path("<uuid:pk>/edit/", views.OrganisationUpdate.as_view(), name="organisation-update"),
    path("<uuid:pk>/archive/", views.OrganisationArchive.as_view(), name="organisation-archive"),
    path("<uuid:pk>/merge/", views.OrganisationMerge.as_view(), name="organisation-merge"),
    path("<uuid:pk>/contacts/new/", views.ContactFormView.as_view(), name="contact-create"),
    path(f"{CONTACT}/edit/", views.ContactFormView.as_view(), name="contact-update"),
    path(f"{CONTACT}/export/", views.ContactExport.as_view(), name="contact-export"),
    path(f"{CONTACT}/erase/", views.ContactErase.as_view(), name="contact-erase"),
]

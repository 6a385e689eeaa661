from django.urls import path

from lsip.national import views

app_name = "england"
urlpatterns = [
    path("", views.NationalView.as_view(), name="overview"),
    path("compare/", views.Compare.as_view(), name="compare"),
]

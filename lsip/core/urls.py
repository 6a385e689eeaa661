from django.urls import path

from lsip.core import views

app_name = "core"
urlpatterns = [
    path("", views.Home.as_view(), name="home"),
    path("accessibility/", views.Accessibility.as_view(), name="accessibility"),
]

from django.urls import path

from lsip.economy import national_views

app_name = "national"
urlpatterns = [path("", national_views.Comparison.as_view(), name="comparison")]

from django.urls import path

from lsip.geography import views

app_name = "geography"
urlpatterns = [
    path("", views.Places.as_view(), name="places"),
]

from django.urls import path

from lsip.interchange import views

app_name = "interchange"
urlpatterns = [path("schema/area-v1.json", views.area_schema, name="area-schema")]

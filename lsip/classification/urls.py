from django.urls import path

from lsip.classification import views

app_name = "classification"
urlpatterns = [
    path("soc/", views.SocIndex.as_view(), name="soc-index"),
    path("soc/<str:code>/", views.SocDetail.as_view(), name="soc-detail"),
    path("sic/", views.SicIndex.as_view(), name="sic-index"),
    path("sic/<str:code>/", views.SicDetail.as_view(), name="sic-detail"),
]

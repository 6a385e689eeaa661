from django.urls import path

from lsip.economy import priority_views, views

app_name = "economy"
urlpatterns = [
    path("", views.ProfileView.as_view(), name="profile"),
    path("priority-sectors/", priority_views.PriorityView.as_view(), name="priority"),
    path("data/", views.DatasetList.as_view(), name="dataset-list"),
    path("data/import/", views.DatasetImport.as_view(), name="dataset-import"),
    path("data/<uuid:pk>/", views.DatasetDetail.as_view(), name="dataset-detail"),
]

from django.urls import path

from lsip.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.JobList.as_view(), name="job-list"),
    path("<uuid:pk>/", views.JobDetail.as_view(), name="job-detail"),
    path("<uuid:pk>/status/", views.JobStatus.as_view(), name="job-status"),
    path("<uuid:pk>/retry/", views.JobRetry.as_view(), name="job-retry"),
    path("<uuid:pk>/file/", views.JobResultFile.as_view(), name="job-file"),
]

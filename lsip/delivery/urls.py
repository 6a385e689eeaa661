from django.urls import path

from lsip.delivery import views

app_name = "delivery"
urlpatterns = [
    path("", views.Dashboard.as_view(), name="dashboard"),
    path("my-updates/", views.MyUpdates.as_view(), name="my-updates"),
    path("updates/", views.UpdateList.as_view(), name="update-list"),
    path("updates/<uuid:pk>/review/", views.UpdateReview.as_view(), name="update-review"),
    path("activities/<uuid:pk>/", views.ActivityDetail.as_view(), name="activity"),
    path("activities/<uuid:pk>/update/", views.UpdateCreate.as_view(), name="update-new"),
    path("evidence/<uuid:pk>/", views.EvidenceFile.as_view(), name="evidence-file"),
    path("rounds/", views.RoundList.as_view(), name="round-list"),
    path("rounds/<uuid:pk>/", views.RoundDetail.as_view(), name="round-detail"),
    path("metrics/", views.Metrics.as_view(), name="metrics"),
    path("feedback/", views.FeedbackSummary.as_view(), name="feedback-summary"),
    path("feedback/<uuid:pk>/", views.FeedbackFormView.as_view(), name="feedback-form"),
    path("feedback/<uuid:pk>/thanks/", views.FeedbackThanks.as_view(), name="feedback-thanks"),
    path("review/", views.Review.as_view(), name="review"),
    path("reports/<int:year>/", views.ReportView.as_view(), name="report"),
    path("monitoring/", views.Monitoring.as_view(), name="monitoring"),
]

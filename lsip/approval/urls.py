from django.urls import path

from lsip.approval import views

app_name = "approval"
urlpatterns = [
    path("", views.TimelineView.as_view(), name="timeline"),
    path("readiness/", views.ReadinessView.as_view(), name="readiness"),
    path("steps/<slug:kind>/", views.StepView.as_view(), name="step"),
    path("confirm/<slug:party>/", views.ConfirmView.as_view(), name="confirm"),
    path("confirm/<slug:party>/defer/", views.ConfirmView.as_view(), {"defer": True}, name="defer"),
    path("disagreements/new/", views.DisagreementCreate.as_view(), name="disagreement-create"),
    path("disagreements/<uuid:pk>/", views.DisagreementMove.as_view(), name="disagreement-move"),
    path("feedback/new/", views.FeedbackCreate.as_view(), name="feedback-create"),
    path("feedback/<uuid:pk>/", views.FeedbackAnswer.as_view(), name="feedback-answer"),
]

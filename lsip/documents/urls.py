from django.urls import path

from lsip.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentsView.as_view(), name="overview"),
    path("plan/", views.DocumentPage.as_view(), name="plan"),
    path("progress/", views.StartProgressReport.as_view(), name="progress-create"),
    path("progress/<int:year>/", views.DocumentPage.as_view(), name="progress"),
    path("progress/<int:year>/act/", views.ProgressAction.as_view(), name="progress-action"),
    path(
        "sections/<slug:document>/<slug:key>/",
        views.NarrativeEdit.as_view(),
        name="narrative",
    ),
    path("build/", views.StartBuild.as_view(), name="build"),
    path("builds/<uuid:pk>/", views.BuildDownload.as_view(), name="build-download"),
    path("publish/", views.Publish.as_view(), name="publish"),
    path("branding/", views.BrandingEdit.as_view(), name="branding"),
]

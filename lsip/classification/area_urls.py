from django.urls import path

from lsip.classification import area_views, file_views

app_name = "coding"
urlpatterns = [
    path("", area_views.CodeTitles.as_view(), name="code-titles"),
    path("file/", file_views.CodeFile.as_view(), name="code-file"),
    path("review/", area_views.ReviewQueue.as_view(), name="review-queue"),
    path("review/<uuid:pk>/", area_views.ReviewConfirm.as_view(), name="review-confirm"),
    path("needs/<uuid:pk>/confirm/", area_views.NeedConfirm.as_view(), name="need-confirm"),
]

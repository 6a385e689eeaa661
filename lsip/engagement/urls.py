from django.urls import path

from lsip.engagement import views

app_name = "engagement"
urlpatterns = [
    path("", views.EngagementList.as_view(), name="engagement-list"),
    path("new/", views.EngagementCreate.as_view(), name="engagement-create"),
    path("breadth/", views.BreadthView.as_view(), name="breadth"),
    path("record/", views.EngagementRecordExport.as_view(), name="record-export"),
    path("skills-needs/", views.SkillsNeedsExport.as_view(), name="needs-export"),
    path("<uuid:pk>/", views.EngagementDetail.as_view(), name="engagement-detail"),
    path("<uuid:pk>/edit/", views.EngagementUpdate.as_view(), name="engagement-update"),
    path("<uuid:pk>/needs/new/", views.SkillsNeedFormView.as_view(), name="need-create"),
    path(
        "<uuid:pk>/needs/<uuid:need_pk>/edit/",
        views.SkillsNeedFormView.as_view(),
        name="need-update",
    ),
]

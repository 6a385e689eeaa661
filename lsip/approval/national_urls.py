from django.urls import path

from lsip.approval import views

app_name = "approval_national"
urlpatterns = [
    path("", views.NationalView.as_view(), name="table"),
    path("calendar/<int:year>/", views.CalendarUpdate.as_view(), name="calendar"),
]

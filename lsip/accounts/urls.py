from django.urls import path

from lsip.accounts import views

app_name = "accounts"
urlpatterns = [
    path("accounts/sign-in/", views.SignIn.as_view(), name="login"),
    path("accounts/sign-out/", views.SignOut.as_view(), name="logout"),
    path("accounts/profile/", views.Profile.as_view(), name="profile"),
    path("accounts/areas/", views.ChooseArea.as_view(), name="choose-area"),
    path("areas/<slug:area_slug>/people/", views.People.as_view(), name="people"),
    path(
        "areas/<slug:area_slug>/people/<uuid:pk>/remove/",
        views.RoleRemove.as_view(),
        name="role-remove",
    ),
]

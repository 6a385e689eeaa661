from django.urls import path

from lsip.accounts import password_views, views

app_name = "accounts"
urlpatterns = [
    path("accounts/sign-in/", views.SignIn.as_view(), name="login"),
    path("accounts/sign-out/", views.SignOut.as_view(), name="logout"),
    path("accounts/profile/", views.Profile.as_view(), name="profile"),
    path("accounts/password/", password_views.PasswordChange.as_view(), name="password-change"),
    path(
        "accounts/password/changed/",
        password_views.PasswordChangeDone.as_view(),
        name="password-change-done",
    ),
    path(
        "accounts/password/reset/",
        password_views.PasswordReset.as_view(),
        name="password-reset",
    ),
    path(
        "accounts/password/reset/sent/",
        password_views.PasswordResetSent.as_view(),
        name="password-reset-sent",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        password_views.PasswordResetConfirm.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "accounts/password/reset/done/",
        password_views.PasswordResetComplete.as_view(),
        name="password-reset-complete",
    ),
    path("accounts/areas/", views.ChooseArea.as_view(), name="choose-area"),
    path("areas/<slug:area_slug>/people/", views.People.as_view(), name="people"),
    path(
        "areas/<slug:area_slug>/people/<uuid:pk>/remove/",
        views.RoleRemove.as_view(),
        name="role-remove",
    ),
]

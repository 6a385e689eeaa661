from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lsip.accounts"
    label = "accounts"
    verbose_name = "People and roles"

from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "lsip.economy"
    verbose_name = "Area and economy"

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lsip.plans"
    verbose_name = "The plan"

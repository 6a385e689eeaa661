from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lsip.core"
    label = "core"
    verbose_name = "Core"

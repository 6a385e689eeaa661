from django.apps import AppConfig


class RefdataConfig(AppConfig):
    name = "lsip.refdata"
    label = "refdata"
    verbose_name = "Reference data"

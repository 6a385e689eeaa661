from django.apps import AppConfig


class ClassificationConfig(AppConfig):
    name = "lsip.classification"
    label = "classification"
    verbose_name = "SOC 2020 and SIC 2007"

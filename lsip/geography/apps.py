from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "lsip.geography"
    label = "geography"
    verbose_name = "Geography"

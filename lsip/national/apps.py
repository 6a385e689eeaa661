from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "lsip.national"
    label = "national"
    verbose_name = "All areas (Skills England)"

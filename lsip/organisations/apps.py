from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "lsip.organisations"
    label = "organisations"
    verbose_name = "Organisations"

from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "lsip.interchange"
    label = "interchange"
    verbose_name = "One LSIP as one document"

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "lsip.documents"
    verbose_name = "Documents and publication"

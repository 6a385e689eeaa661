from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AreasConfig(AppConfig):
    name = "lsip.areas"
    label = "areas"
    verbose_name = "LSIP areas"

    def ready(self):
        from lsip.areas.services import sync_statutory_areas_after_migrate

        post_migrate.connect(sync_statutory_areas_after_migrate, sender=self)

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SectorsConfig(AppConfig):
    name = "lsip.sectors"
    label = "sectors"
    verbose_name = "Sectors"

    def ready(self):
        from lsip.sectors.services import sync_national_sectors_after_migrate

        post_migrate.connect(sync_national_sectors_after_migrate, sender=self)

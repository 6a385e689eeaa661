from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class JobsConfig(AppConfig):
    name = "lsip.jobs"
    verbose_name = "Background jobs"

    def ready(self):
        # Each app says what long work it has in its own `jobs.py` (registry.register).
        autodiscover_modules("jobs")

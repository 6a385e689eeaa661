from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lsip.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from lsip.audit import recorder

        recorder.connect()

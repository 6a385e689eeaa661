from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "lsip.engagement"
    label = "engagement"
    verbose_name = "Engagement and skills needs"

    def ready(self):
        from lsip.classification.services import code_confirmed
        from lsip.engagement.services import apply_confirmed_code

        code_confirmed.connect(apply_confirmed_code, dispatch_uid="engagement-confirmed-code")

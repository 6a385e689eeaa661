from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "lsip.governance"
    verbose_name = "Governance"

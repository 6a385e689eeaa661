from django.apps import AppConfig


class ApprovalConfig(AppConfig):
    name = "lsip.approval"
    verbose_name = "Submission and approval"

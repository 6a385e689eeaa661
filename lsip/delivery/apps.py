from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "lsip.delivery"
    verbose_name = "Delivery and review"

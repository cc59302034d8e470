from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "inspir.core"
    label = "core"

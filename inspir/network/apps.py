from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "inspir.network"
    label = "network"

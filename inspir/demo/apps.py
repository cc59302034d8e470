from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "inspir.demo"
    label = "demo"

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inspir.accounts"
    label = "accounts"

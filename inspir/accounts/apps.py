from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inspir.accounts"
    label = "accounts"

    def ready(self) -> None:
        from inspir.accounts import signals  # noqa: F401 - connects the receivers

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inspir.accounts"
    label = "accounts"

    def ready(self) -> None:
        from inspir.accounts import signals  # noqa: F401 - connects the receivers
        from inspir.accounts.mfa_adapter import restore_check
        from inspir.core.backup import register_restore_check

        register_restore_check(restore_check)
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.accounts.actions import register_actions

        register_actions()

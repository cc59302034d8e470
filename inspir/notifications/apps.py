from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # What its e-mails say, rendered by the worker in each recipient's language
        # (core/mail_kinds.py): the generic notice and the daily digest.
        from inspir.notifications.emails import register_mail_kinds

        register_mail_kinds()

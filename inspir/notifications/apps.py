from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Which of its fields are prose to translate (core/texts.py).
        from inspir.notifications.texts import declare_texts

        declare_texts()
        # What its e-mails say, rendered by the worker in each recipient's language
        # (core/mail_kinds.py): the generic notice and the daily digest.
        from inspir.notifications.emails import register_mail_kinds

        register_mail_kinds()
        # One's notifications in the main navigation, with the unread count (kept in the
        # cache: no query on most pages).
        from inspir.core.navigation import register_menu_entry
        from inspir.notifications.selectors import unread_count

        register_menu_entry(
            url_name="notifications:list",
            label=_("Notifications"),
            order=85,
            visible=lambda user: bool(user and user.is_authenticated),
            count=unread_count,
        )
        # A log-in counts the unread notices once, so that the pages after it need not.
        from django.contrib.auth.signals import user_logged_in

        from inspir.notifications.signals import count_at_login

        user_logged_in.connect(count_at_login, dispatch_uid="notifications-count-at-login")
        # The daily digests, from the worker's schedule (core/scheduler.py).
        from inspir.core.scheduler import JobSpec, register_job

        register_job(JobSpec("send_digests", "send_digests", interval_seconds=900))
        # The notice of an accepted invitation, to its sender: accounts, below, sends a signal
        # and names no notice (accounts_notices.py).
        from inspir.notifications.accounts_notices import connect

        connect()
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.notifications.personal_data import NOTIFICATIONS_PROVIDER

        register_provider(NOTIFICATIONS_PROVIDER)

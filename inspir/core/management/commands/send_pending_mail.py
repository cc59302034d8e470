from typing import Any

from django.core.management.base import BaseCommand

from inspir.core.mail import pending_mail_process


class Command(BaseCommand):
    help = (
        "Queue again the e-mails whose next attempt is due, and mark as uncertain the sends "
        "interrupted while talking to the mail server. Run it every minute (the worker's "
        "schedule does)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = pending_mail_process()
        self.stdout.write(
            f"{counts['requeued']} e-mail(s) queued again, "
            f"{counts['uncertain']} interrupted send(s) marked uncertain."
        )

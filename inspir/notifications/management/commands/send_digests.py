from typing import Any

from django.core.management.base import BaseCommand

from inspir.notifications.digests import digests_send


class Command(BaseCommand):
    help = "Send the daily digests of notifications whose local hour has come."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = digests_send()
        self.stdout.write(f"{sent} digest(s) asked for.")

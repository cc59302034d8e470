from typing import Any

from django.core.management.base import BaseCommand

from inspir.governance.services.consent import rounds_close_due, rounds_remind


class Command(BaseCommand):
    help = (
        "Close the consent rounds whose closing time has passed (computing their outcome "
        "once, however many workers run) and remind, once, the members who have not given "
        "their position on a round closing within a day. The worker's schedule runs it "
        "every 5 minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = rounds_remind()
        closed = rounds_close_due()
        self.stdout.write(f"closed: {closed}, reminded: {reminded}")

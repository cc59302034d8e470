from typing import Any

from django.core.management.base import BaseCommand

from inspir.accounts.reminders import invitation_reminders_send
from inspir.governance.services.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Remind people of what is due: a network's input 3 days and 1 day before inputs "
        "close, a meeting the day before (in each participant's zone), a follow-up due within "
        "7 days or overdue, an invitation not accepted 3 days after it was sent. Each "
        "reminder is sent once, however often this runs. The worker's schedule runs it every "
        "15 minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = reminders_send()
        counts["invitations"] = invitation_reminders_send()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))

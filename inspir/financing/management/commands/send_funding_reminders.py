from typing import Any

from django.core.management.base import BaseCommand

from inspir.financing.services.reminders import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Remind the team of each funding proposal still being prepared (idea, drafting) of "
        "its submission deadline, 7 days and 1 day before. Each reminder is sent once, "
        "however often this runs. The worker's schedule runs it every hour."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        told = deadline_reminders_send()
        self.stdout.write(f"funding proposal deadlines: {told}")

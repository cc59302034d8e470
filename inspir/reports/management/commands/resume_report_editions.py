from typing import Any

from django.core.management.base import BaseCommand

from inspir.reports.services import stalled_resume


class Command(BaseCommand):
    help = "Queue again the annual report editions whose layout stopped half-way."

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = stalled_resume()
        self.stdout.write(f"resumed {len(resumed)} edition(s)")

from typing import Any

from django.core.management.base import BaseCommand

from inspir.newsletters.services.issues import stalled_resume
from inspir.newsletters.services.subscriptions import pending_purge


class Command(BaseCommand):
    help = (
        "Queue again the sending of newsletter issues whose task stopped half-way, and "
        "delete the subscriptions never confirmed in time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = stalled_resume()
        purged = pending_purge()
        self.stdout.write(f"resumed {len(resumed)} issue(s); purged {purged} pending row(s)")

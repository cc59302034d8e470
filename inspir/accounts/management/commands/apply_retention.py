from typing import Any

from django.core.management.base import BaseCommand

from inspir.accounts.privacy import retention_apply
from inspir.core.submit_once import submissions_purge


class Command(BaseCommand):
    help = (
        "Erase accounts unused for longer than ACCOUNT_RETENTION_DAYS, and forget the submits "
        "of forms too old to be sent again. Run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        erased = retention_apply()
        self.stdout.write(f"{erased} inactive account(s) erased.")
        purged = submissions_purge()
        self.stdout.write(f"{purged} old form submission(s) forgotten.")

from typing import Any

from django.core.management.base import BaseCommand

from inspir.accounts.privacy import retention_apply


class Command(BaseCommand):
    help = "Erase accounts unused for longer than ACCOUNT_RETENTION_DAYS. Run it daily."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = retention_apply()
        self.stdout.write(f"{erased} inactive account(s) erased.")

from typing import Any

from django.core.management.base import BaseCommand

from inspir.accounts.privacy import retention_apply
from inspir.core.mail import sent_bodies_drop
from inspir.core.submit_once import submissions_purge


class Command(BaseCommand):
    help = (
        "Erase accounts unused for longer than ACCOUNT_RETENTION_DAYS, forget the submits "
        "of forms too old to be sent again, and empty e-mails sent more than "
        "SENT_EMAIL_RETENTION_DAYS ago. Run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        erased = retention_apply()
        self.stdout.write(f"{erased} inactive account(s) erased.")
        purged = submissions_purge()
        self.stdout.write(f"{purged} old form submission(s) forgotten.")
        emptied = sent_bodies_drop()
        self.stdout.write(f"{emptied} sent e-mail(s) emptied of their content.")

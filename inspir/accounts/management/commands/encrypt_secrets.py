from typing import Any

from django.core.management.base import BaseCommand, CommandError

from inspir.accounts.mfa_adapter import authenticator_secrets_encrypt
from inspir.core.encryption import SecretUnreadableError


class Command(BaseCommand):
    help = (
        "Encrypt with the first key of SECRETS_ENCRYPTION_KEY every authenticator secret "
        "stored in clear or under a former key. Run it after upgrading and after adding a new "
        "key; running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = authenticator_secrets_encrypt()
        except SecretUnreadableError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{summary.encrypted} of {summary.authenticators} authenticator(s) re-encrypted "
            "with the current key; the others already were."
        )

from typing import Any

from django.core.management.base import BaseCommand

from inspir.demo.totp import demo_totp_code


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo coordinators' shared authenticator."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(demo_totp_code())

"""The demo's accounts have published passwords and second-factor secrets: they must never
exist on a real installation."""

from django.conf import settings
from django.core.management.base import CommandError


def refuse_outside_demo() -> None:
    if not settings.DEMO_DATA_ALLOWED:
        raise CommandError(
            "This installation runs the production settings: the demo network and its "
            "log-ins, whose passwords are published, cannot be loaded here."
        )

"""The demo's accounts have published passwords and second-factor secrets: they must never
exist on a real installation."""

from django.conf import settings
from django.core.management.base import CommandError

from inspir.accounts.models import User
from inspir.demo import data
from inspir.network.models import Organisation, Person


def refuse_outside_demo() -> None:
    if not settings.DEMO_DATA_ALLOWED:
        raise CommandError(
            "This installation runs the production settings: the demo network and its "
            "log-ins, whose passwords are published, cannot be loaded here."
        )


def demo_refuses_installation() -> str | None:
    """Why `start_installation` refuses this database, if it holds the demo."""
    if not demo_data_present():
        return None
    return (
        "This database holds the demo network (its example organisations or its "
        "log-ins, whose passwords are published). Start a real installation on an "
        "empty database."
    )


def demo_data_present() -> bool:
    """Whether this database holds the demo: one of its log-ins, examples or people."""
    return (
        User.objects.filter(email__in=[spec.email for spec in data.DEMO_LOGINS]).exists()
        or Organisation.objects.filter(name__endswith=data.EXAMPLE_SUFFIX).exists()
        or Person.objects.filter(email__in=[spec.email for spec in data.PEOPLE]).exists()
    )

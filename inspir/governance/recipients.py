"""Whom a governance e-mail reaches, and in which language."""

from django.conf import settings

from inspir.core.i18n import language_codes
from inspir.network.models import Person


def recipient_language(person: Person) -> str:
    """The first platform language the person speaks, else the platform's default."""
    spoken = person.languages or []
    return next((code for code in spoken if code in language_codes()), settings.LANGUAGE_CODE)


def recipient_address(person: Person) -> str:
    """The person's own address, else that of their (active) account; "" if neither."""
    if person.email:
        return person.email
    account = getattr(person, "user", None)
    return account.email if account is not None and account.is_active else ""

"""Whom an e-mail about a person reaches, and in which language: the network's people as
core's mail recipients (`inspir.core.mail_kinds.Recipient`)."""

from collections.abc import Mapping
from typing import Any

from inspir.core.mail_kinds import Recipient, language_for
from inspir.network.models import Person


def person_address(person: Person) -> str:
    """The person's own address, else that of their (active) account; "" if neither."""
    if person.email:
        return person.email
    account = getattr(person, "user", None)
    return account.email if account is not None and account.is_active else ""


def person_recipient(person: Person, context: Mapping[str, Any] | None = None) -> Recipient | None:
    """The person as a recipient, in the first platform language they speak (else the
    platform's default), with their id in the message's context; None without an address."""
    address = person_address(person)
    if not address:
        return None
    return Recipient(
        address=address,
        language=language_for(person.languages),
        name=person.name,
        context={"person": person.pk, **(context or {})},
    )

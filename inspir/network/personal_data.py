"""What the network's registry holds about a person (core/personal_data.py's registry)."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject


def _export(subject: Subject) -> dict[str, Any]:
    person = subject.person
    return {
        "person": None
        if person is None
        else {
            "name": person.name,
            "organisation": person.organisation.name if person.organisation else None,
            "country": person.country.code,
            "time_zone": person.time_zone,
            "languages": person.languages,
            "writes_languages": person.writes_languages,
            "email": person.email,
            "phone": person.phone,
        }
    }


def _erase(subject: Subject) -> None:
    """Person: kept, because mandates, meeting attendance and consent positions recorded by
    the network point at it; its name becomes "—" and its address, phone and languages are
    removed, so what points at it no longer names anyone. Country, time zone and
    organisation stay: they identify no one on their own."""
    person = subject.person
    if person is None:
        return
    person.name = "—"
    person.email = ""
    person.phone = ""
    person.languages = []
    person.writes_languages = []
    person.save(update_fields=["name", "email", "phone", "languages", "writes_languages"])


NETWORK_PROVIDER = PersonalDataProvider(
    name="network", models=("network.Person",), export=_export, erase=_erase
)

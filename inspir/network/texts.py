"""Which fields of the network's registry hold prose to translate (core/texts.py)."""

from inspir.core.texts import not_prose, single_language


def declare_texts() -> None:
    from inspir.network.models import Country, Network, Organisation, Person

    not_prose(Country, "code", reason="an ISO code")
    not_prose(Network, "name", reason="a name, written once")
    not_prose(Organisation, "name", "acronym", reason="a name and its acronym, written once")
    not_prose(Person, "name", "time_zone", "phone", reason="a name, a zone and a number")
    for model in (Network, Organisation):
        single_language(
            model,
            "description_fr",
            "description_en",
            "description_es",
            reason="one column per language with a marked fallback (decision 0001)",
        )

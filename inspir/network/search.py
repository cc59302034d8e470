"""What the network's registry lets people find in the platform-wide search
(core/search.py): organisations and networks, which everyone may open, and people, whom
only those who see the people pages find (the same rule: `Action.VIEW_PEOPLE`)."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import Action, network_ids_where, networks_where
from inspir.core.search import SearchDocument, SearchProvider
from inspir.network.models import Network, Organisation, Person
from inspir.network.selectors import people_visible_to
from inspir.network.texts import description_by_language

LANGUAGES = ("fr", "en", "es")


def _descriptions(record: Network | Organisation) -> dict[str, str]:
    """Its description per language: the translation a reader of that language reads, else
    the original."""
    return description_by_language(record)


def _words(descriptions: dict[str, str]) -> list[str]:
    """Every language's text once, so that a word of any of them finds the record."""
    return list(dict.fromkeys(descriptions.values()))


def organisation_document(organisation: Organisation) -> SearchDocument:
    descriptions = _descriptions(organisation)
    return SearchDocument(
        object_id=organisation.pk,
        title=str(organisation),
        text=" ".join([organisation.acronym, *_words(descriptions)]),
        summaries=descriptions,
        url_name="network:organisation_detail",
        url_kwargs={"slug": organisation.slug},
    )


def network_document(network: Network) -> SearchDocument:
    descriptions = _descriptions(network)
    return SearchDocument(
        object_id=network.pk,
        title=network.name,
        text=" ".join(_words(descriptions)),
        summaries=descriptions,
        url_name="network:network_detail",
        url_kwargs={"slug": network.slug},
    )


ERASED_NAME = "—"


def person_document(person: Person) -> SearchDocument | None:
    if not person.name or person.name == ERASED_NAME:
        return None  # an erased person is found by nobody
    organisation = person.organisation
    where = organisation.acronym or organisation.name if organisation else ""
    # The people pages list a person under their organisation.
    if organisation is not None:
        url_name, url_kwargs = "network:organisation_detail", {"slug": organisation.slug}
    else:
        url_name, url_kwargs = "network:person_list", {}
    return SearchDocument(
        object_id=person.pk,
        title=person.name,
        summaries=dict.fromkeys(LANGUAGES, where),
        url_name=url_name,
        url_kwargs=url_kwargs,
    )


def visible_people(user: Any) -> QuerySet[Person]:
    """Exactly the people the people pages show this reader."""
    ids = network_ids_where(user, Action.VIEW_PEOPLE)
    if ids is not None and not ids:
        return Person.objects.none()
    return people_visible_to(networks=networks_where(user, Action.VIEW_PEOPLE))


def people_visibility_key(user: Any) -> Any:
    """What `visible_people` is built from: the networks whose people the reader sees."""
    return network_ids_where(user, Action.VIEW_PEOPLE)


PROVIDERS = [
    SearchProvider(
        kind="network.organisation",
        label=_("Organisations"),
        order=10,
        model=Organisation,
        document=organisation_document,
    ),
    SearchProvider(
        kind="network.network",
        label=_("Networks"),
        order=20,
        model=Network,
        document=network_document,
    ),
    SearchProvider(
        kind="network.person",
        label=_("People"),
        order=30,
        model=Person,
        document=person_document,
        visible=visible_people,
        visibility_key=people_visibility_key,
        queryset=lambda: Person.objects.select_related("organisation"),
    ),
]

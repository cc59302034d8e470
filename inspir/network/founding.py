"""Write the founding skeleton (`founding_data.py`): countries, networks, organisations.

Loading only adds what is missing. A network or an organisation is keyed on its slug: one
that exists is left as it is (its name, description, dates, countries or memberships may have
been corrected by the network since), and the memberships and countries of a row are written
only when that row is created. Running it again therefore creates no duplicate and undoes no
edit; it puts back only a network or organisation whose slug no longer exists.

The one thing it completes on an existing network is a start date it lacks: a database made
before networks had dates has them all empty (the migration that added the column cannot know
them), and the sources date every network. An empty start means "unknown", never a choice
someone made against the sources, so filling it undoes no edit; a date someone has entered
is kept, whatever the sources say.
Countries are reference data and are brought up to date every time (`countries_sync`).

A description the sources give in several languages is kept as one original, in the language
of the record's countries (`network/texts.py`), with the others as its translations."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation

from inspir.core.audit import audit_log
from inspir.network import founding_data as data
from inspir.network.models import Country, Membership, Network, Organisation
from inspir.network.reference import countries_sync
from inspir.network.texts import (
    countries_languages,
    country_languages,
    description_translations_set,
    original_language,
)


@dataclass(frozen=True)
class FoundingSummary:
    countries: int
    networks: int  # networks of the skeleton now in the database
    organisations: int  # organisations of the skeleton now in the database
    networks_created: int
    organisations_created: int
    # Existing networks given the start date they lacked (a database made before the dates).
    start_dates_filled: int = 0


def _networks_load(countries: dict[str, Country]) -> tuple[dict[str, Network], int, int]:
    """The skeleton's networks by slug, with how many were created and how many existing ones
    were given their missing start date."""
    networks: dict[str, Network] = {}
    created = dated = 0
    covered = data.network_countries()
    # NETWORKS lists parents before children, so each parent exists when it is needed.
    for spec in data.NETWORKS:
        network = Network.objects.filter(slug=spec.slug).first()
        if network is None:
            texts = spec.descriptions
            language = original_language(texts, countries_languages(covered[spec.slug]))
            with translation.override(language):  # the language its original is kept in
                network = Network.objects.create(
                    slug=spec.slug,
                    name=spec.name,
                    level=spec.level,
                    parent=networks[spec.parent] if spec.parent else None,
                    description=texts[language],
                    start_date=spec.start_date,
                )
            description_translations_set(network, texts)
            network.countries.set([countries[code] for code in covered[spec.slug]])
            created += 1
        elif network.start_date is None and _may_start_on(network, spec.start_date):
            # The one column written (see the module's docstring): the row's version and
            # every other field stay as they were edited.
            network.start_date = spec.start_date
            network.save(update_fields=["start_date"])
            dated += 1
        networks[spec.slug] = network
    return networks, created, dated


def _may_start_on(network: Network, day: datetime.date) -> bool:
    """Whether `day` can be the network's start: not after an end someone entered."""
    return network.end_date is None or network.end_date >= day


def _organisations_load(countries: dict[str, Country], networks: dict[str, Network]) -> int:
    direct_network = data.network_for_country()
    existing = set(
        Organisation.objects.filter(
            slug__in=[spec.slug for spec in data.ORGANISATIONS]
        ).values_list("slug", flat=True)
    )
    created = 0
    for spec in data.ORGANISATIONS:
        if spec.slug in existing:
            continue
        texts = spec.descriptions
        language = original_language(texts, country_languages(spec.country))
        with translation.override(language):  # the language its original is kept in
            organisation = Organisation.objects.create(
                slug=spec.slug,
                name=spec.name,
                acronym=spec.acronym,
                kind=spec.kind,
                is_social_movement=spec.movement,
                country=countries[spec.country],
                website=spec.website,
                description=texts[language],
            )
        Membership.objects.create(
            organisation=organisation,
            network=networks[spec.network or direct_network[spec.country]],
            role=spec.role,
            start_date=data.MEMBERSHIPS_KNOWN_IN,
        )
        description_translations_set(organisation, texts)
        created += 1
    return created


@transaction.atomic
def founding_network_load() -> FoundingSummary:
    """Create what is missing of the founding skeleton; safe to run any number of times."""
    country_count = countries_sync()
    countries = {country.code: country for country in Country.objects.all()}
    networks, networks_created, start_dates_filled = _networks_load(countries)
    organisations_created = _organisations_load(countries, networks)
    if networks_created or organisations_created:
        audit_log(
            action="network.founding.loaded",
            actor=None,
            changes={
                "networks": [None, networks_created],
                "organisations": [None, organisations_created],
            },
        )
    return FoundingSummary(
        countries=country_count,
        networks=len(networks),
        organisations=Organisation.objects.filter(
            slug__in=[spec.slug for spec in data.ORGANISATIONS]
        ).count(),
        networks_created=networks_created,
        organisations_created=organisations_created,
        start_dates_filled=start_dates_filled,
    )

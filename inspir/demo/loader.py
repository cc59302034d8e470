"""Load the demo network (`data.py`) into the database.

The demo is the founding skeleton (`inspir.network.founding`, which a real installation
starts from) plus the examples, people, log-ins and activity. Loading is idempotent: the
skeleton is loaded first (it only adds what is missing), then every demo row is keyed on its
slug or e-mail address and updated in place, so running `manage.py load_demo` again creates
nothing new. Rows the demo does not describe (added by hand while trying the platform out)
are left alone."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import translation

from inspir.accounts.models import NetworkRole, Role, User
from inspir.demo import data
from inspir.demo.activity import load_activity
from inspir.demo.advocacy import advocacy_load
from inspir.demo.financing import financing_load
from inspir.demo.governance import load_governance
from inspir.demo.learning import learning_load
from inspir.demo.newsletters import load_newsletters
from inspir.demo.notices import load_notices
from inspir.demo.planning import planning_load
from inspir.demo.reports import load_reports
from inspir.demo.website import load_website
from inspir.network import founding_data
from inspir.network.founding import founding_network_load
from inspir.network.models import Country, Membership, Network, Organisation, Person
from inspir.network.texts import (
    countries_languages,
    country_languages,
    description_language,
    description_translations_set,
)
from inspir.translations.models import Translator


class DemoDataError(ValueError):
    """`data.py` contradicts itself or the 2020 report; nothing was written."""


@dataclass(frozen=True)
class LoadSummary:
    countries: int
    networks: int
    organisations: int
    memberships: int
    people: int
    logins: int
    committees: int = 0
    mandates: int = 0


def check_data() -> None:
    """Refuse to load a demo whose own data cannot give the report's key figures."""
    members = data.MEMBERS
    problems = []
    if len(members) != data.KEY_FIGURES_2020["member_organisations"]:
        problems.append(f"{len(members)} member organisations")
    if sum(spec.movement for spec in members) != data.KEY_FIGURES_2020["social_movements"]:
        problems.append("wrong number of social movements")
    total = sum(spec.beneficiaries or 0 for spec in members)
    if total != data.KEY_FIGURES_2020["direct_beneficiaries"]:
        problems.append(f"direct beneficiaries add up to {total}")
    if {spec.country for spec in members} != data.DEMO_COUNTRIES:
        problems.append("member countries differ from the 24 demo countries")
    slugs = [spec.slug for spec in data.ORGANISATIONS]
    if len(slugs) != len(set(slugs)):
        problems.append("two organisations share a slug")
    invented = [
        spec.name
        for spec in data.ORGANISATIONS
        if not spec.confirmed and not spec.name.endswith(data.EXAMPLE_SUFFIX)
    ]
    if invented:
        problems.append(f"invented names without {data.EXAMPLE_SUFFIX!r}: {invented}")
    real = sorted(spec.slug for spec in data.ORGANISATIONS if spec.confirmed)
    if real != sorted(spec.slug for spec in founding_data.ORGANISATIONS):
        problems.append("the real organisations differ from the founding skeleton's")
    if problems:
        raise DemoDataError("; ".join(problems))


def _load_networks(countries: dict[str, Country]) -> dict[str, Network]:
    networks: dict[str, Network] = {}
    covered = data.network_countries()
    # NETWORKS lists parents before children, so each parent exists when it is needed.
    for spec in data.NETWORKS:
        texts = spec.descriptions
        language = description_language(
            Network.objects.filter(slug=spec.slug).first(),
            texts,
            countries_languages(covered[spec.slug]),
        )
        with translation.override(language):  # the language its original is kept in
            network, _ = Network.objects.update_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "level": spec.level,
                    "parent": networks[spec.parent] if spec.parent else None,
                    "description": texts[language],
                },
            )
        description_translations_set(network, texts)
        network.countries.set([countries[code] for code in covered[spec.slug]])
        networks[spec.slug] = network
    return networks


def _load_organisations(
    countries: dict[str, Country], networks: dict[str, Network]
) -> tuple[dict[str, Organisation], int]:
    direct_network = data.network_for_country()
    organisations: dict[str, Organisation] = {}
    memberships = 0
    for spec in data.ORGANISATIONS:
        texts = spec.descriptions
        # The founding skeleton, loaded first, may have kept another language as the original.
        language = description_language(
            Organisation.objects.filter(slug=spec.slug).first(),
            texts,
            [*spec.languages, *country_languages(spec.country)],
        )
        with translation.override(language):  # the language its original is kept in
            organisation, _ = Organisation.objects.update_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "acronym": spec.acronym,
                    "kind": spec.kind,
                    "is_social_movement": spec.movement,
                    "country": countries[spec.country],
                    "beneficiaries": spec.beneficiaries,
                    "beneficiaries_year": data.BENEFICIARIES_YEAR if spec.beneficiaries else None,
                    "website": spec.website,
                    "description": texts[language],
                    "languages": list(spec.languages),
                },
            )
        Membership.objects.update_or_create(
            organisation=organisation,
            network=networks[spec.network or direct_network[spec.country]],
            role=spec.role,
            defaults={"start_date": spec.start_date, "end_date": None},
        )
        description_translations_set(organisation, texts)
        organisations[spec.slug] = organisation
        memberships += 1
    return organisations, memberships


def _load_people(
    countries: dict[str, Country], organisations: dict[str, Organisation]
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for spec in data.PEOPLE:
        country = countries[spec.country]
        person, _ = Person.objects.update_or_create(
            email=spec.email,
            defaults={
                "name": spec.name,
                "organisation": organisations[spec.organisation],
                "country": country,
                "time_zone": country.main_time_zone,
                "languages": list(spec.languages),
            },
        )
        people[spec.email] = person
    return people


def _load_logins(networks: dict[str, Network], people: dict[str, Person]) -> int:
    # Every demo account shares one password, so it is hashed once: hashing it anew for
    # each account would take most of the loading time.
    password_hash = make_password(data.DEMO_PASSWORD)
    for spec in data.DEMO_LOGINS:
        user = User.objects.filter(email=spec.email).first()
        if user is None:
            user = User.objects.create_user(spec.email)
        user.first_name = spec.first_name
        user.last_name = spec.last_name
        user.person = people[spec.person] if spec.person else None
        user.is_staff = user.is_superuser = spec.is_superuser
        user.is_active = True
        user.password = password_hash
        user.save()
        for slug, role in spec.roles:
            NetworkRole.objects.update_or_create(
                user=user, network=networks[slug], defaults={"role": role}
            )
        EmailAddress.objects.update_or_create(
            user=user, email=spec.email, defaults={"verified": True, "primary": True}
        )
        for slug, languages in spec.translates:
            Translator.objects.update_or_create(
                network=networks[slug], user=user, defaults={"languages": list(languages)}
            )
        coordinates = any(role == Role.COORDINATOR for _slug, role in spec.roles)
        if spec.is_superuser or coordinates or spec.person in _office_holders():
            _give_demo_second_factor(user)
    return len(data.DEMO_LOGINS)


def _office_holders() -> set[str]:
    """The e-mails of the demo people holding a committee office (chair, secretariat): they
    need a second factor, as coordinators do."""
    return {
        mandate.person
        for committee in data.COMMITTEES
        for mandate in committee.mandates
        if committee.rules[mandate.rule].office
    }


def _give_demo_second_factor(user: User) -> None:
    """The demo's coordinators and office holders get the shared demo authenticator and
    recovery codes."""
    # Replaced on every load, so that the demo secret in data.py is always the one in use.
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, data.DEMO_TOTP_SECRET)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


@transaction.atomic
def load_demo() -> LoadSummary:
    """Create or update the whole demo network; safe to run any number of times."""
    check_data()
    country_count = founding_network_load().countries
    countries = {country.code: country for country in Country.objects.all()}
    networks = _load_networks(countries)
    organisations, memberships = _load_organisations(countries, networks)
    people = _load_people(countries, organisations)
    logins = _load_logins(networks, people)
    # The demo's texts are written in English but where activity.py says otherwise, whatever
    # language the command runs in (core/texts.py records the language of each text).
    with translation.override("en"):
        governance = load_governance(networks, people)
        load_activity(networks, people)
        # The plan 2020–2021 and its context analysis, linked to the activity's decisions.
        planning_load(networks, people)
        # The other domains of the plan: positions and campaigns, the library, financing.
        advocacy_load(networks, people)
        learning_load(networks, people)
        financing_load(networks, people)
        # The website's news from the networks, and the newsletter's subscribers and issues.
        load_website(networks)
        load_newsletters(networks)
    # The 2020 annual report, drawn from all of the above (its texts are in French).
    load_reports()
    load_notices()
    return LoadSummary(
        countries=country_count,
        networks=len(networks),
        organisations=len(organisations),
        memberships=memberships,
        people=len(people),
        logins=logins,
        committees=governance.committees,
        mandates=governance.mandates,
    )

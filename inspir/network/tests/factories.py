import datetime

import factory

from inspir.core.report_sections import ReportScope
from inspir.network.models import (
    Country,
    Level,
    Membership,
    MembershipRole,
    Network,
    Organisation,
    OrganisationKind,
    Person,
)

# Real ISO codes, so that country names resolve in every language.
COUNTRY_CODES = ["BJ", "BF", "TG", "SN", "BO", "GT", "IN", "NP", "BE", "PE", "ID", "PH"]


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Iterator(COUNTRY_CODES)
    time_zones = factory.LazyAttribute(lambda c: ["UTC"])


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    level = Level.INTERCONTINENTAL
    parent = None


def continental(parent: Network | None = None, **kwargs: object) -> Network:
    parent = parent or NetworkFactory()
    return NetworkFactory(level=Level.CONTINENTAL, parent=parent, **kwargs)


def national(parent: Network | None = None, **kwargs: object) -> Network:
    parent = parent or continental()
    return NetworkFactory(level=Level.NATIONAL, parent=parent, **kwargs)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.TRADE_UNION
    is_social_movement = True
    country = factory.SubFactory(CountryFactory)
    beneficiaries = 1000
    beneficiaries_year = 2020
    description = "An organisation of the network."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    network = factory.SubFactory(NetworkFactory)
    role = MembershipRole.MEMBER
    start_date = datetime.date(2019, 11, 1)
    end_date = None


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    country = factory.SubFactory(CountryFactory)
    time_zone = "Europe/Brussels"
    languages = factory.LazyFunction(lambda: ["fr"])
    email = factory.Sequence(lambda n: f"person{n}@example.org")


def member_of(network: Network, **organisation_fields: object) -> Organisation:
    """An organisation that is a current member of `network`."""
    organisation = OrganisationFactory(**organisation_fields)
    MembershipFactory(organisation=organisation, network=network)
    return organisation


def report_scope(network: Network, year: int = 2020) -> ReportScope:
    """The annual report's scope for `network` (with every network below it) and `year`."""
    return ReportScope(
        network_id=network.pk,
        network_ids=tuple(Network.objects.subtree_of([network.pk]).values_list("pk", flat=True)),
        level=network.level,
        year=year,
    )

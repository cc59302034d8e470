import datetime

import factory

from inspir.advocacy.models import (
    Alliance,
    Campaign,
    CampaignKind,
    Channel,
    Demand,
    Position,
    Submission,
)
from inspir.network.tests.factories import NetworkFactory


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Position {n}")
    summary = "Social protection for every worker."
    body = "The pandemic showed the gaps."


class DemandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Demand

    position = factory.SubFactory(PositionFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Demand {n}")


class AllianceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alliance

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Coalition {n}")


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    position = factory.SubFactory(PositionFactory)
    target_name = "UN Special Rapporteur on extreme poverty"
    submitted_on = datetime.date(2020, 10, 1)
    channel = Channel.DIRECT


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Campaign {n}")
    kind = CampaignKind.ALLIED
    starts_on = datetime.date(2020, 11, 1)

import datetime
from decimal import Decimal

import factory

from inspir.financing.models import (
    Currency,
    Funder,
    FunderKind,
    FundingCall,
    FundingProposal,
    ProposalStatus,
)
from inspir.financing.rules import counting_year
from inspir.network.tests.factories import NetworkFactory, OrganisationFactory


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Funder {n}")
    acronym = ""
    kind = FunderKind.MULTILATERAL


class FundingCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall

    funder = factory.SubFactory(FunderFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    opens_on = datetime.date(2020, 3, 1)
    deadline = datetime.date(2020, 9, 30)


class FundingProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProposal
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "What the proposal funds."
    funder = factory.SubFactory(FunderFactory, network=factory.SelfAttribute("..network"))
    lead_organisation = factory.SubFactory(OrganisationFactory)
    amount_requested = Decimal("100000.00")
    currency = Currency.EUR
    status = ProposalStatus.DRAFTING
    deadline = datetime.date(2020, 10, 1)
    submitted_on = None
    decided_on = None
    year = factory.LazyAttribute(lambda proposal: counting_year(proposal))

    @factory.post_generation
    def team(self, create: bool, people: list | None, **kwargs: object) -> None:
        if create and people:
            self.team.set(people)

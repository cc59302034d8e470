import datetime

import factory

from inspir.governance.models import (
    AgendaItem,
    Committee,
    Decision,
    Domain,
    FollowUp,
    Mandate,
    Meeting,
    Outcome,
    Participant,
    Proposal,
    SeatKind,
    SeatRole,
    SeatRule,
)
from inspir.network.tests.factories import NetworkFactory, PersonFactory

UTC = datetime.UTC


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("network",)

    network = factory.SubFactory(NetworkFactory)
    time_zone = "Europe/Brussels"


class SeatRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatRule

    committee = factory.SubFactory(CommitteeFactory)
    role = SeatRole.REPRESENTATIVE
    kind = SeatKind.VOTING
    seats = 1
    minimum = 0
    position = factory.Sequence(lambda n: n)


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    rule = factory.SubFactory(SeatRuleFactory)
    committee = factory.LazyAttribute(lambda m: m.rule.committee)
    person = factory.SubFactory(PersonFactory)
    start_date = datetime.date(2020, 1, 1)
    end_date = None


def seat(committee: Committee, person=None, **rule_fields: object) -> Mandate:
    """A current mandate for `person` (a new one if not given) on a new rule of `committee`."""
    rule = SeatRuleFactory(committee=committee, **rule_fields)
    return MandateFactory(rule=rule, person=person or PersonFactory())


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    time_zone = "Europe/Brussels"
    video_url = "https://meet.example.org/inspir"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Item {n}")
    position = factory.Sequence(lambda n: n)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    title = factory.Sequence(lambda n: f"Proposal {n}")
    text = "Exchange visits between mutual health organisations."
    domain = Domain.LEARNING
    origin_network = factory.SubFactory(NetworkFactory)
    network = factory.LazyAttribute(lambda p: p.origin_network)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    committee = factory.LazyAttribute(
        lambda decision: decision.meeting.committee if decision.meeting else CommitteeFactory()
    )
    title = factory.Sequence(lambda n: f"Decision {n}")
    outcome = Outcome.ADOPTED
    statement = "The committee adopts the proposal."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    decision = factory.SubFactory(DecisionFactory)
    network = factory.SubFactory(NetworkFactory)

import datetime

import factory

from inspir.governance.models import Domain
from inspir.network.tests.factories import NetworkFactory
from inspir.planning.models import (
    ActionStatus,
    Assessment,
    ContextNote,
    Indicator,
    PlanAction,
    PlanPeriod,
    Stakeholder,
    StakeholderKind,
    StakeholderLevel,
    Suggestion,
    SuggestionKind,
)


class PlanPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanPeriod
        django_get_or_create = ("name",)

    name = "2020–2021"
    starts_on = datetime.date(2020, 1, 1)
    ends_on = datetime.date(2021, 12, 31)


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    period = factory.SubFactory(PlanPeriodFactory)
    network = factory.SubFactory(NetworkFactory)
    domain = Domain.ADVOCACY
    title = factory.Sequence(lambda n: f"Action {n}")
    description = "What the action does."
    starts_on = datetime.date(2020, 3, 1)
    ends_on = datetime.date(2021, 6, 30)
    status = ActionStatus.ONGOING
    progress = 40


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    action = factory.SubFactory(PlanActionFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "people"
    target = 100
    actual = 40


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Stakeholder {n}")
    kind = StakeholderKind.INTERGOVERNMENTAL
    level = StakeholderLevel.INTERNATIONAL
    influence = 4
    stance = 1
    assessed_on = datetime.date(2020, 6, 1)

    @factory.post_generation
    def assessment(self, create: bool, extracted: object, **kwargs: object) -> None:
        """The stakeholder's current values are its latest assessment, as the services keep
        them."""
        if create:
            Assessment.objects.create(
                stakeholder=self,
                assessed_on=self.assessed_on,
                influence=self.influence,
                stance=self.stance,
            )


class ContextNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContextNote
        django_get_or_create = ("network",)

    network = factory.SubFactory(NetworkFactory)
    text = "Social protection covers too few people."


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suggestion

    kind = SuggestionKind.NEW
    period = factory.SubFactory(PlanPeriodFactory)
    network = factory.SubFactory(NetworkFactory)
    from_network = factory.SubFactory(NetworkFactory)
    domain = Domain.LEARNING
    title = factory.Sequence(lambda n: f"Suggestion {n}")
    description = "An exchange visit between two national networks."
    reason = "Our members asked for it."

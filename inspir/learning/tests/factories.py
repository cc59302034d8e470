import datetime

import factory

from inspir.learning.models import Need, NeedPriority, Resource, ResourceKind
from inspir.network.tests.factories import NetworkFactory


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    kind = ResourceKind.SEMINAR
    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "What was done and with whom."
    lessons = ""
    starts_on = datetime.date(2020, 6, 1)

    @factory.post_generation
    def branches(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            self.branches.set(extracted)  # type: ignore[attr-defined]

    @factory.post_generation
    def principles(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            self.principles.set(extracted)  # type: ignore[attr-defined]


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Need {n}")
    description = "What the network needs to learn."
    priority = NeedPriority.HIGH

import factory
from django.utils import timezone

from inspir.network.tests.factories import NetworkFactory
from inspir.newsletters.models import Consent, Issue, Subscriber, SubscriberStatus


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "fr"
    status = SubscriberStatus.ACTIVE
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def consent(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            Consent.objects.create(
                subscriber=self,
                given_at=timezone.now(),
                source="test",
                wording="I agree.",
                language=self.language,
                confirmed_at=self.confirmed_at,
            )


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Issue {n}")
    introduction = "What happened this month."

import datetime

import factory
from django.utils import translation

from inspir.network.tests.factories import NetworkFactory
from inspir.website.models import Post, PostStatus

PAST = datetime.datetime(2020, 11, 2, 9, 0, tzinfo=datetime.UTC)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    network = factory.SubFactory(NetworkFactory)
    language = "en"
    title = factory.Sequence(lambda n: f"News {n} of the network")
    summary = "What happened, in one sentence."
    body = "A paragraph.\n\nAnother paragraph with **strong** words."
    status = PostStatus.PUBLISHED
    publish_at = PAST

    @classmethod
    def _create(cls, model_class, *args, **kwargs):  # type: ignore[no-untyped-def]
        # The texts' originals are recorded in the language the post is written in.
        with translation.override(kwargs.get("language", "en")):
            return super()._create(model_class, *args, **kwargs)

"""What the website holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): the posts they wrote. A post is its network's
publication: erasure keeps it, without its author. The contact form keeps nothing but the
e-mail it sends (core's `OutgoingEmail`, which core's own provider declares)."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.website.models import Post


def _export(subject: Subject) -> dict[str, Any]:
    return {
        "website_posts": list(
            Post.objects.filter(author=subject.user)
            .order_by("pk")
            .values("pk", "title", "network__name", "status", "publish_at", "created_at")
        )
    }


def _erase(subject: Subject) -> None:
    Post.objects.filter(author=subject.user).update(author=None)


WEBSITE_PROVIDER = PersonalDataProvider(
    name="website", models=("website.Post",), export=_export, erase=_erase
)

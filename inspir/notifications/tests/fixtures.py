"""A kind of notice for the tests only (the real kinds are registered by the apps that own
the events): its title is a catalogue string, so the reader's language shows; it is gone
when its context says so."""

from typing import Any

import pytest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.tests.factories import UserFactory
from inspir.core.mail_kinds import MessageGone
from inspir.network.tests.factories import PersonFactory
from inspir.notifications.kinds import (
    NoticeKind,
    NoticeText,
    register_notice_kind,
    unregister_notice_kind,
)

KIND = "tests.thing.happened"
DIGEST_KIND = "tests.thing.digested"


def render(context: dict[str, Any], user: Any) -> NoticeText:
    if context.get("gone"):
        raise MessageGone(f"thing {context['thing']} no longer exists")
    return NoticeText(
        title=f"{_('Home')} #{context['thing']}",
        url=f"/things/{context['thing']}/",
        body=f"{_('Search')} {context['thing']}",
    )


@pytest.fixture
def notice_kind():
    kind = NoticeKind(code=KIND, label=gettext_lazy("Home"), render=render)
    register_notice_kind(kind)
    register_notice_kind(
        NoticeKind(
            code=DIGEST_KIND,
            label=gettext_lazy("Search"),
            render=render,
            default_delivery="digest",
        )
    )
    yield kind
    unregister_notice_kind(KIND)
    unregister_notice_kind(DIGEST_KIND)


def person_user(language: str = "fr", zone: str = "Europe/Brussels", **kwargs: Any) -> Any:
    person = PersonFactory(languages=[language], time_zone=zone)
    return UserFactory(person=person, first_name=person.name, **kwargs)

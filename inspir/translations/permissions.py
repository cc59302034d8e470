"""Who may do what with translations, on the shared vocabulary of
`inspir.accounts.permissions` (decision 0020).

- Asking for a translation: anyone who may read the network's internal pages, since that is
  where its texts are read.
- Translating a text into a language, and reviewing someone else's translation: the
  translators the text's network (or a network above it) named for that language, and the
  network's coordinators.
- Naming translators, and reading the coverage figures: the network's coordinators."""

from typing import Any

from django.conf import settings

from inspir.accounts.permissions import (
    Action,
    AnyUser,
    is_member_user,
    network_ids_where,
    reach_of,
)

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def coordinated_ids(user: AnyUser) -> frozenset[int] | None:
    """The networks `user` coordinates (with those below them); None for every network."""
    return network_ids_where(user, Action.MANAGE_MEMBERS)


def translating_ids(user: AnyUser, language: str) -> frozenset[int] | None:
    """The networks whose texts `user` may translate into `language`: those they were
    named translator for (and the networks below), and those they coordinate. None means
    every network (staff)."""
    if not is_member_user(user) or language not in LANGUAGE_CODES:
        return frozenset()
    coordinated = coordinated_ids(user)
    if coordinated is None:
        return None
    named = _named(user).get(language, frozenset())
    if not named:
        return coordinated
    return coordinated | reach_of(user).below(named)


def _named(user: Any) -> dict[str, frozenset[int]]:
    """The networks `user` translates for, by language; read once per request."""
    kept = getattr(user, "_translator_networks", None)
    if kept is None:
        from inspir.translations.models import Translator

        found: dict[str, set[int]] = {}
        for network_id, languages in Translator.objects.filter(user=user).values_list(
            "network_id", "languages"
        ):
            for language in languages:
                found.setdefault(language, set()).add(network_id)
        kept = {language: frozenset(ids) for language, ids in found.items()}
        user._translator_networks = kept
    return kept


def translation_languages(user: AnyUser) -> list[str]:
    """The languages `user` translates into somewhere (every language for coordinators)."""
    if not is_member_user(user):
        return []
    if coordinated_ids(user) != frozenset():
        return list(LANGUAGE_CODES)
    named = _named(user)
    return [code for code in LANGUAGE_CODES if code in named]


def may_translate(user: AnyUser, network_id: int | None, language: str) -> bool:
    """Whether `user` may translate a text of the network `network_id` into `language`."""
    ids = translating_ids(user, language)
    if ids is None:
        return True
    if network_id is None:  # a text of no network: the intercontinental coordinators'
        return coordinated_ids(user) is None
    return network_id in ids


def may_read_texts_of(user: AnyUser, network_id: int | None) -> bool:
    """Whether `user` reads the internal pages where a text of `network_id` is shown."""
    if not is_member_user(user):
        return False
    ids = network_ids_where(user, Action.VIEW_INTERNAL)
    return ids is None or network_id is None or network_id in ids


def has_translation_work(user: AnyUser) -> bool:
    """Whether the translations page is in `user`'s navigation: every signed-in member (it
    lists what they asked for, and their queues when they translate). No query."""
    if not user or not is_member_user(user):
        return False
    readable = network_ids_where(user, Action.VIEW_INTERNAL)
    return readable is None or bool(readable)  # None: staff, who read every network

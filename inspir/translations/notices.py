"""Whom translations tell, and how each notice reads (`inspir.notifications`).

- A text written or changed: the translators of its network (and of the networks above)
  into each of its other languages, in their daily digest by default ("needed").
- Someone asked for a text in a language: its translators into that language, at once.
- The translation is there: those who asked for it.

Each event has a stable key, so that a retry or a second click tells nobody twice."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.models import User
from inspir.core.i18n import language_name
from inspir.core.mail_kinds import MessageGone
from inspir.core.models import TextOriginal
from inspir.core.texts import reading, record_of
from inspir.network.models import Network
from inspir.notifications.kinds import DIGEST, NoticeKind, NoticeText, register_notice_kind
from inspir.notifications.services import notify_users
from inspir.translations.models import TranslationRequest, Translator
from inspir.translations.permissions import LANGUAGE_CODES

NEEDED = "translations.needed"
ASKED = "translations.asked"
DONE = "translations.done"


def _above(network_id: int) -> list[int]:
    """The network and those above it (the tree is three levels deep): one query."""
    row = (
        Network.objects.filter(pk=network_id)
        .values_list("pk", "parent_id", "parent__parent_id")
        .first()
    )
    return [pk for pk in row or () if pk is not None]


def _translators(network_id: int | None) -> list[Translator]:
    """The translators named by the network or a network above it (two queries)."""
    if network_id is None:
        return []
    return list(
        Translator.objects.filter(network_id__in=_above(network_id))
        .select_related("user__person")
        .order_by("pk")
    )


def translators_for(network_id: int | None, language: str) -> list[User]:
    """The translators into `language` of a text of the network `network_id`."""
    return [t.user for t in _translators(network_id) if language in t.languages]


def text_written(original_id: int) -> None:
    """A text was written or changed (core.texts): each of its other languages is work for
    their translators, told once per revision."""
    original = TextOriginal.objects.filter(pk=original_id).first()
    if original is None or original.network_id is None:
        return
    translators = _translators(original.network_id)
    for language in LANGUAGE_CODES:
        if language == original.language:
            continue
        users = [t.user for t in translators if language in t.languages]
        if users:
            notify_users(
                kind=NEEDED,
                users=users,
                context={"original": original.pk, "language": language},
                key=f"text:{original.pk}:r{original.revision}:{language}",
                network_id=original.network_id,
            )


def translation_asked(original: TextOriginal, language: str, *, actor: Any) -> None:
    notify_users(
        kind=ASKED,
        users=translators_for(original.network_id, language),
        context={"original": original.pk, "language": language},
        key=f"text:{original.pk}:r{original.revision}:{language}:asked",
        network_id=original.network_id,
        actor=actor,
    )


def translation_done(original: TextOriginal, language: str, *, actor: Any) -> int:
    """Tell those who asked for the text in `language` that it is there; returns how many
    requests this answered."""
    from django.utils import timezone

    waiting = list(
        TranslationRequest.objects.filter(
            original=original, language=language, answered_at__isnull=True
        ).select_related("requested_by__person")
    )
    if not waiting:
        return 0
    notify_users(
        kind=DONE,
        users=[request.requested_by for request in waiting],
        context={"original": original.pk, "language": language},
        key=f"text:{original.pk}:r{original.revision}:{language}:done",
        network_id=original.network_id,
        actor=actor,
    )
    TranslationRequest.objects.filter(pk__in=[r.pk for r in waiting]).update(
        answered_at=timezone.now()
    )
    return len(waiting)


# --- How they read ------------------------------------------------------------------------------


def _record(context: dict[str, Any]) -> tuple[TextOriginal, Any]:
    original = (
        TextOriginal.objects.select_related("content_type").filter(pk=context["original"]).first()
    )
    if original is None:
        raise MessageGone(f"text {context['original']} no longer exists")
    record = record_of(original)
    if record is None:
        raise MessageGone(f"text {context['original']} no longer exists")
    return original, record


def _what(original: TextOriginal, record: Any) -> str:
    title_field = "title" if hasattr(record, "title") else original.field
    title = reading(record, title_field) if title_field != original.field else str(record)
    return _("%(kind)s “%(title)s”") % {"kind": record._meta.verbose_name, "title": title}


def _editor(original: TextOriginal, language: str) -> str:
    return reverse("translations:edit", kwargs={"original": original.pk, "language": language})


def _needed(context: dict[str, Any], user: Any) -> NoticeText:
    original, record = _record(context)
    return NoticeText(
        title=_("To translate into %(language)s: %(what)s")
        % {"language": language_name(context["language"]), "what": _what(original, record)},
        url=_editor(original, context["language"]),
    )


def _asked(context: dict[str, Any], user: Any) -> NoticeText:
    original, record = _record(context)
    return NoticeText(
        title=_("A translation into %(language)s is asked for: %(what)s")
        % {"language": language_name(context["language"]), "what": _what(original, record)},
        url=_editor(original, context["language"]),
    )


def _done(context: dict[str, Any], user: Any) -> NoticeText:
    original, record = _record(context)
    url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
    return NoticeText(
        title=_("Now in %(language)s: %(what)s")
        % {"language": language_name(context["language"]), "what": _what(original, record)},
        url=url,
    )


def register_notice_kinds() -> None:
    register_notice_kind(
        NoticeKind(
            code=NEEDED,
            label=gettext_lazy("A text of a network I translate for needs translating"),
            render=_needed,
            default_delivery=DIGEST,
        )
    )
    register_notice_kind(
        NoticeKind(
            code=ASKED,
            label=gettext_lazy("Someone asked for a translation I could make"),
            render=_asked,
        )
    )
    register_notice_kind(
        NoticeKind(
            code=DONE,
            label=gettext_lazy("A text I asked to have translated was translated"),
            render=_done,
        )
    )

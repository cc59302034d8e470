"""Whom planning tells, and how each notice reads (`inspir.notifications`).

- A suggestion made to a plan: its owners, at once ("made").
- A suggestion accepted, merged into an action or declined: its author ("decided").

Each event has a stable key, so that a retry or a second click tells nobody twice."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.core.mail_kinds import MessageGone
from inspir.notifications.kinds import NoticeKind, NoticeText, register_notice_kind
from inspir.notifications.services import notify_users
from inspir.planning.models import Suggestion, SuggestionStatus
from inspir.planning.permissions import plan_owners

MADE = "planning.suggestion.made"
DECIDED = "planning.suggestion.decided"


def suggestion_made(suggestion: Suggestion, *, actor: Any) -> None:
    notify_users(
        kind=MADE,
        users=plan_owners(suggestion.network_id),
        context={"suggestion": suggestion.pk},
        key=f"suggestion:{suggestion.pk}:made",
        network_id=suggestion.network_id,
        actor=actor,
    )


def suggestion_decided(suggestion: Suggestion, *, actor: Any) -> None:
    if suggestion.author_id is None:
        return
    notify_users(
        kind=DECIDED,
        users=[suggestion.author],
        context={"suggestion": suggestion.pk},
        key=f"suggestion:{suggestion.pk}:decided",
        network_id=suggestion.network_id,
        actor=actor,
    )


def _suggestion(context: dict[str, Any]) -> Suggestion:
    found = (
        Suggestion.objects.select_related("network", "from_network", "result")
        .filter(pk=context["suggestion"])
        .first()
    )
    if found is None:
        raise MessageGone(f"suggestion {context['suggestion']} no longer exists")
    return found


def _made(context: dict[str, Any], user: Any) -> NoticeText:
    suggestion = _suggestion(context)
    return NoticeText(
        title=_("%(network)s suggests for the plan of %(plan)s: “%(title)s”")
        % {
            "network": suggestion.from_network.name,
            "plan": suggestion.network.name,
            "title": suggestion.title,
        },
        url=suggestion.get_absolute_url(),
    )


def _decided(context: dict[str, Any], user: Any) -> NoticeText:
    suggestion = _suggestion(context)
    sentences = {
        SuggestionStatus.ACCEPTED: _("Your suggestion “%(title)s” was accepted into the plan."),
        SuggestionStatus.MERGED: _(
            "Your suggestion “%(title)s” was merged into the action “%(action)s”."
        ),
        SuggestionStatus.DECLINED: _("Your suggestion “%(title)s” was declined."),
    }
    sentence = sentences.get(SuggestionStatus(suggestion.status))
    if sentence is None:
        raise MessageGone(f"suggestion {suggestion.pk} is not decided")
    return NoticeText(
        title=sentence
        % {
            "title": suggestion.title,
            "action": suggestion.result.title if suggestion.result else "",
        },
        url=suggestion.get_absolute_url(),
        body=suggestion.answer,
    )


def register_notice_kinds() -> None:
    register_notice_kind(
        NoticeKind(
            code=MADE,
            label=gettext_lazy("Someone suggested an action or a change to a plan I own"),
            render=_made,
        )
    )
    register_notice_kind(
        NoticeKind(
            code=DECIDED,
            label=gettext_lazy("A suggestion I made to the plan was decided"),
            render=_decided,
        )
    )

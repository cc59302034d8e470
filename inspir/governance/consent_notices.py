"""What consent rounds tell the committee (`inspir.notifications`): a round opened, a round
closing soon without one's position, the outcome. Each event is named by a stable key
("round:7:opened"), so that a retry or a second worker tells nobody twice. Registered from
`GovernanceConfig.ready()`; called by services/consent.py inside its transactions."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.core.mail_kinds import MessageGone
from inspir.core.texts import reading
from inspir.core.time import moment_text, reader_zone
from inspir.governance.models import Decision, Mandate
from inspir.notifications.kinds import NoticeKind, NoticeText, register_notice_kind
from inspir.notifications.services import notify_users

ROUND_OPENED = "governance.round.opened"
ROUND_CLOSING = "governance.reminder.round_closing"
ROUND_CLOSED = "governance.round.closed"


def _decision(context: dict[str, Any]) -> Decision:
    try:
        return Decision.objects.select_related("committee__network").get(pk=context["decision"])
    except Decision.DoesNotExist:
        raise MessageGone from None


def _closes(decision: Decision, user: Any) -> str:
    zone = reader_zone(user, decision.committee.time_zone)
    return moment_text(decision.closes_at, zone) if decision.closes_at else ""


def _opened(context: dict[str, Any], user: Any) -> NoticeText:
    decision = _decision(context)
    title = _("Your position is asked on “%(title)s”, until %(closes)s") % {
        "title": reading(decision, "title"),
        "closes": _closes(decision, user),
    }
    return NoticeText(title=title, url=decision.get_absolute_url())


def _closing(context: dict[str, Any], user: Any) -> NoticeText:
    decision = _decision(context)
    title = _("Reminder: the consent round on “%(title)s” closes %(closes)s") % {
        "title": reading(decision, "title"),
        "closes": _closes(decision, user),
    }
    return NoticeText(title=title, url=decision.get_absolute_url())


def _closed(context: dict[str, Any], user: Any) -> NoticeText:
    decision = _decision(context)
    title = _("Consent round closed: “%(title)s” — %(outcome)s") % {
        "title": reading(decision, "title"),
        "outcome": decision.get_outcome_display(),
    }
    return NoticeText(title=title, url=decision.get_absolute_url())


KINDS = (
    NoticeKind(
        code=ROUND_OPENED,
        label=gettext_lazy("My committee asks for my position in a consent round"),
        render=_opened,
    ),
    NoticeKind(
        code=ROUND_CLOSING,
        label=gettext_lazy("Reminder: a consent round closes soon and I have not answered"),
        render=_closing,
    ),
    NoticeKind(
        code=ROUND_CLOSED,
        label=gettext_lazy("A consent round of my committee closed, with its outcome"),
        render=_closed,
    ),
)


def register_notice_kinds() -> None:
    for kind in KINDS:
        register_notice_kind(kind)


def _members(decision: Decision, *, without_position: bool = False) -> list[Any]:
    """The accounts of those sitting on the committee today (one query)."""
    mandates = Mandate.objects.current().filter(
        committee_id=decision.committee_id, person__user__isnull=False
    )
    if without_position:
        mandates = mandates.exclude(person__in=decision.consents.values("person_id"))
    users = {
        mandate.person.user.pk: mandate.person.user
        for mandate in mandates.select_related("person__user")
    }
    return list(users.values())


def _tell(kind: str, decision: Decision, users: Iterable[Any], key: str, actor: Any) -> int:
    return len(
        notify_users(
            kind=kind,
            users=users,
            context={"decision": decision.pk},
            key=key,
            network_id=decision.committee.network_id,
            actor=actor,
        )
    )


def round_opened(decision: Decision, *, actor: Any) -> int:
    return _tell(ROUND_OPENED, decision, _members(decision), f"round:{decision.pk}:opened", actor)


def round_closing(decision: Decision) -> int:
    users = _members(decision, without_position=True)
    return _tell(ROUND_CLOSING, decision, users, f"round:{decision.pk}:closing", None)


def round_closed(decision: Decision) -> int:
    return _tell(ROUND_CLOSED, decision, _members(decision), f"round:{decision.pk}:closed", None)

"""Suggestions to the plan: a member suggests, from their own network, a new action or a
change to one; the plan's owners accept it (the action is created or changed, its history
naming the suggestion), merge it into an existing action, or decline it with a reason. The
suggester is told either way. A suggestion is decided once: a second click, or two owners
at once, find it decided and write nothing."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core.audit import audit_log
from inspir.core.errors import Conflict, Invalid, Refused
from inspir.network.models import Network
from inspir.planning import notices
from inspir.planning.models import (
    PlanAction,
    PlanPeriod,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from inspir.planning.permissions import (
    owns_plan_of,
    readable_network_ids,
    suggesting_network_ids,
)
from inspir.planning.rules import ANSWER_MAX_LENGTH, SUGGESTED_FIELDS
from inspir.planning.services.actions import action_create, action_update


def _summary(suggestion: Suggestion) -> dict[str, list[Any]]:
    return {
        "kind": [None, suggestion.kind],
        "title": [None, suggestion.title],
        "from_network": [None, suggestion.from_network_id],
    }


@transaction.atomic
def suggestion_make(
    *,
    actor: AnyUser,
    from_network: Network,
    network: Network | None = None,
    period: PlanPeriod | None = None,
    action: PlanAction | None = None,
    data: Mapping[str, Any],
    reason: str = "",
) -> Suggestion:
    """A suggestion from `from_network` (one of the actor's own networks): a change to
    `action`, or a new action for the plan of `network` (that network or one above it) in
    `period`."""
    allowed = suggesting_network_ids(actor)
    if allowed is not None and from_network.pk not in allowed:
        raise Refused(_("You may suggest only from a network you belong to."))
    unknown = set(data) - set(SUGGESTED_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be suggested: {sorted(unknown)}")
    if action is not None:
        network, period = action.network, action.period
    if network is None or period is None:
        raise ValueError("A new action's suggestion names its plan and period")
    readable = readable_network_ids(actor)
    line = reach_of(actor).above(frozenset({from_network.pk}))
    if network.pk not in line or (readable is not None and network.pk not in readable):
        raise Invalid(
            _("Suggest to the plan of your network or of a network above it: %(network)s is not.")
            % {"network": network.name}
        )
    if not (data.get("title") or "").strip():
        raise Invalid(_("Give the suggested action a title."))
    starts, ends = data.get("starts_on"), data.get("ends_on")
    if isinstance(starts, datetime.date) and isinstance(ends, datetime.date) and ends < starts:
        raise Invalid(_("An action ends after it starts."))
    suggestion = Suggestion.objects.create(
        kind=SuggestionKind.CHANGE if action is not None else SuggestionKind.NEW,
        period=period,
        network=network,
        from_network=from_network,
        action=action,
        action_version=action.version if action is not None else None,
        author=actor if actor.is_authenticated else None,
        **{
            name: data.get(name) or ("" if name not in ("starts_on", "ends_on") else None)
            for name in SUGGESTED_FIELDS
        },
        reason=reason.strip(),
    )
    audit_log(
        action="planning.suggestion.made",
        actor=actor,
        obj=suggestion,
        network=network,
        changes=_summary(suggestion),
    )
    notices.suggestion_made(suggestion, actor=actor)
    return suggestion


def _pending(suggestion: Suggestion, actor: AnyUser) -> Suggestion:
    """The suggestion locked for deciding; refused to anyone but the plan's owners, and a
    conflict once decided (by a second click, or by another owner meanwhile)."""
    if not owns_plan_of(actor, suggestion.network_id):
        raise Refused(_("Only the owners of this plan decide on its suggestions."))
    current = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("network", "from_network", "action", "author")
        .get(pk=suggestion.pk)
    )
    if current.status != SuggestionStatus.PENDING:
        raise Conflict(
            _("This suggestion was decided already (%(status)s): nothing was changed.")
            % {"status": current.get_status_display()}
        )
    return current


def _note(suggestion: Suggestion) -> str:
    return _("Suggested by %(network)s: “%(title)s”") % {
        "network": suggestion.from_network.name,
        "title": suggestion.title,
    }


def _decided(
    suggestion: Suggestion, *, actor: AnyUser, status: str, result: PlanAction | None, answer: str
) -> Suggestion:
    suggestion.status = status
    suggestion.result = result
    suggestion.answer = answer
    suggestion.decided_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "result", "answer", "decided_by", "decided_at"])
    notices.suggestion_decided(suggestion, actor=actor)
    return suggestion


def _audited(suggestion: Suggestion, actor: AnyUser) -> dict[str, Any]:
    """What a decision's audit entry records besides its code (written at each call, so that
    the activity log's test finds every code)."""
    answer = {"answer": [None, suggestion.answer]} if suggestion.answer else {}
    return {
        "actor": actor,
        "obj": suggestion,
        "network": suggestion.network,
        "changes": {**_summary(suggestion), **answer},
    }


@transaction.atomic
def suggestion_accept(
    *,
    suggestion: Suggestion,
    actor: AnyUser,
    data: Mapping[str, Any],
    version: int | None = None,
    answer: str = "",
) -> Suggestion:
    """Accept: a new action made from `data` (the suggestion as the owner finalised it), or
    the suggested change applied to its action, provided the action is still at `version`
    (the one the owner compared the suggestion with; else `EditConflict`). The action's
    history names the suggestion."""
    current = _pending(suggestion, actor)
    values = {name: data[name] for name in SUGGESTED_FIELDS if name in data}
    if current.kind == SuggestionKind.NEW:
        result = action_create(
            actor=actor,
            period=current.period,
            network=current.network,
            data=values,
            note=_note(current),
            audit_extra={"suggestion": current.pk},
        )
    else:
        if current.action is None or version is None:
            raise Invalid(_("The action this change was suggested to no longer exists."))
        result = action_update(
            action=current.action,
            actor=actor,
            version=version,
            data=values,
            note=_note(current),
            audit_extra={"suggestion": current.pk},
        )
    decided = _decided(
        current, actor=actor, status=SuggestionStatus.ACCEPTED, result=result, answer=answer
    )
    audit_log(action="planning.suggestion.accepted", **_audited(decided, actor))
    return decided


@transaction.atomic
def suggestion_merge(
    *, suggestion: Suggestion, actor: AnyUser, into: PlanAction, answer: str = ""
) -> Suggestion:
    """Merge: the suggestion is covered by `into`, an action of the same plan and period,
    which the owner may then change as the suggestion asks."""
    current = _pending(suggestion, actor)
    if into.network_id != current.network_id or into.period_id != current.period_id:
        raise Invalid(_("Merge into an action of the same plan and period."))
    decided = _decided(
        current, actor=actor, status=SuggestionStatus.MERGED, result=into, answer=answer
    )
    audit_log(action="planning.suggestion.merged", **_audited(decided, actor))
    return decided


@transaction.atomic
def suggestion_decline(*, suggestion: Suggestion, actor: AnyUser, answer: str) -> Suggestion:
    """Decline, with the reason the suggester reads."""
    answer = (answer or "").strip()
    if not answer:
        raise Invalid(_("Say why the suggestion is declined: its author reads the reason."))
    if len(answer) > ANSWER_MAX_LENGTH:
        raise Invalid(_("Keep the reason shorter."))
    current = _pending(suggestion, actor)
    decided = _decided(
        current, actor=actor, status=SuggestionStatus.DECLINED, result=None, answer=answer
    )
    audit_log(action="planning.suggestion.declined", **_audited(decided, actor))
    return decided

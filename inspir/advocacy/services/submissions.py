"""Writes to where a position was submitted and what came of it: recorded by those who act
for the position's network, atomic, audited, versioned."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.advocacy.models import Alliance, Channel, Outcome, Position, Submission
from inspir.advocacy.permissions import writes_advocacy_of
from inspir.advocacy.rules import SUBMISSION_FIELDS
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import Network


def _check_writer(actor: AnyUser, network_id: int) -> None:
    if not writes_advocacy_of(actor, network_id):
        raise Refused(_("Only those who act for this network may record its submissions."))


def _line_ids(network_id: int) -> set[int]:
    """The network, those above it and those below it: whose stakeholders its positions
    may be taken to. One query."""
    rows = Network.objects.filter(pk=network_id).values_list("pk", "parent_id", "parent__parent_id")
    above = {pk for row in rows for pk in row if pk is not None}
    below = set(Network.objects.filter(parent_id=network_id).values_list("pk", flat=True)) | set(
        Network.objects.filter(parent__parent_id=network_id).values_list("pk", flat=True)
    )
    return above | below


def _audit(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def _check(submission: Submission) -> None:
    errors: dict[str, Any] = {}
    submission.target_name = " ".join((submission.target_name or "").split())
    submission.ally = " ".join((submission.ally or "").split())
    if submission.stakeholder_id is None and not submission.target_name:
        errors["target_name"] = _("Choose a stakeholder or name the target.")
    if submission.stakeholder is not None and submission.stakeholder.network_id not in _line_ids(
        submission.position.network_id
    ):
        errors["stakeholder"] = _("Choose a stakeholder of this network's analysis.")
    if submission.alliance is not None and submission.alliance.network_id != (
        submission.position.network_id
    ):
        errors["alliance"] = _("Choose one of this network's alliances.")
    if submission.channel == Channel.ALLY and submission.alliance is None and not submission.ally:
        errors["ally"] = _("Say which ally relayed it: one of the alliances, or its name.")
    if (
        submission.follow_up_on is not None
        and submission.submitted_on is not None
        and submission.follow_up_on < submission.submitted_on
    ):
        errors["follow_up_on"] = _("A follow-up comes after the submission.")
    if errors:
        raise Invalid(errors)
    try:
        submission.full_clean(exclude=["position", "created_by", "stakeholder", "alliance"])
    except ValidationError as error:
        raise Invalid(error.message_dict) from error


@transaction.atomic
def submission_create(*, position: Position, actor: AnyUser, data: Mapping[str, Any]) -> Submission:
    """Record that `position` was submitted, to whom, when and how."""
    _check_writer(actor, position.network_id)
    unknown = set(data) - set(SUBMISSION_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    submission = Submission(position=position, **data)
    submission.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _check(submission)
    submission.save()
    audit_log(
        action="advocacy.submission.created",
        actor=actor,
        obj=submission,
        network=position.network,
        changes={
            name: [None, _audit(getattr(submission, name))]
            for name in SUBMISSION_FIELDS
            if getattr(submission, name) not in (None, "")
        }
        | {"position": [None, position.pk]},
    )
    return submission


def _update(
    *, submission: Submission, actor: AnyUser, version: int, data: Mapping[str, Any], code: str
) -> Submission:
    _check_writer(actor, submission.position.network_id)
    current = lock_version(
        Submission.objects.select_related("position__network"),
        submission.pk,
        version,
        of=("self",),
    )
    before = {name: _audit(getattr(current, name)) for name in data}
    for name, value in data.items():
        setattr(current, name, value)
    _check(current)
    changes = field_changes(before, {name: _audit(getattr(current, name)) for name in data})
    if not changes:
        return current
    save_version(current)
    # The code is one of two literals, chosen by the caller.
    if code == "outcome":
        audit_log(
            action="advocacy.submission.outcome_recorded",
            actor=actor,
            obj=current,
            network=current.position.network,
            changes=changes,
        )
    else:
        audit_log(
            action="advocacy.submission.updated",
            actor=actor,
            obj=current,
            network=current.position.network,
            changes=changes,
        )
    return current


@transaction.atomic
def submission_update(
    *, submission: Submission, actor: AnyUser, version: int, data: Mapping[str, Any]
) -> Submission:
    """Change what was recorded of a submission, if it is still at `version`."""
    unknown = set(data) - set(SUBMISSION_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    return _update(submission=submission, actor=actor, version=version, data=data, code="update")


@transaction.atomic
def submission_outcome_record(
    *,
    submission: Submission,
    actor: AnyUser,
    version: int,
    outcome: str,
    outcome_notes: str = "",
    follow_up: str = "",
    follow_up_on: datetime.date | None = None,
) -> Submission:
    """Record what came of a submission and what follows, if it is still at `version`."""
    if outcome not in Outcome.values:
        raise Invalid({"outcome": _("Choose what came of it.")})
    data = {
        "outcome": outcome,
        "outcome_notes": (outcome_notes or "").strip(),
        "follow_up": (follow_up or "").strip(),
        "follow_up_on": follow_up_on,
    }
    return _update(submission=submission, actor=actor, version=version, data=data, code="outcome")


def alliances_of(network_id: int) -> list[Alliance]:
    return list(Alliance.objects.filter(network_id=network_id))

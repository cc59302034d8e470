"""Composing an issue, sending it to oneself as a test, and sending it to its subscribers.

Sending runs in the background (`inspir.newsletters.tasks.issue_send`) and may be run any
number of times for one issue — a retried task, a second worker, the periodic job resuming
one that stopped — without anyone receiving it twice:

1. the recipients are counted once: one `Delivery` per subscriber, under a unique
   (issue, subscriber) constraint, so a repeat makes no second row;
2. each delivery is handed to `core.mail` in its own transaction, which records the
   `OutgoingEmail` and sets it on the delivery only if no other run did meanwhile
   (otherwise the transaction is rolled back, message and all);
3. once none waits, the issue is sent.

`core.mail` then delivers each message once, retrying refusals; a delivery's status is its
message's."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.mail import notify
from inspir.core.mail_kinds import Recipient
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import Network
from inspir.newsletters import rules
from inspir.newsletters.models import Delivery, Issue, IssueItem, IssueStatus, SubscriberStatus
from inspir.newsletters.selectors.access import editing_network_ids
from inspir.newsletters.selectors.issues import recipients

ISSUE_KIND = "newsletters.issue"
FIXING_BATCH = 500


def _check_editor(actor: AnyUser, network_id: int) -> None:
    ids = editing_network_ids(actor)
    if not actor.is_authenticated or (ids is not None and network_id not in ids):
        raise Refused


def _items_save(issue: Issue, items: Sequence[tuple[str, int]]) -> None:
    IssueItem.objects.filter(issue=issue).delete()
    IssueItem.objects.bulk_create(
        IssueItem(issue=issue, kind=kind, object_id=object_id, order=place)
        for place, (kind, object_id) in enumerate(items, start=1)
    )


def _items_of(issue: Issue) -> list[str]:
    return [
        f"{kind}:{object_id}"
        for kind, object_id in IssueItem.objects.filter(issue=issue)
        .order_by("order", "pk")
        .values_list("kind", "object_id")
    ]


@transaction.atomic
def issue_create(
    *,
    network: Network,
    actor: AnyUser,
    title: str,
    introduction: str = "",
    items: Sequence[tuple[str, int]] = (),
) -> Issue:
    """A draft issue of `network`'s newsletter with `items` (kind, id) in their order."""
    _check_editor(actor, network.pk)
    issue = Issue.objects.create(
        network=network,
        title=title.strip(),
        introduction=introduction.strip(),
        created_by=actor if actor.is_authenticated else None,
    )
    _items_save(issue, items)
    audit_log(
        action="newsletters.issue.created",
        actor=actor,
        obj=issue,
        network=network,
        changes={
            "title": [None, issue.title],
            "introduction": [None, issue.introduction],
            "items": [None, _items_of(issue)],
        },
    )
    return issue


@transaction.atomic
def issue_update(
    *,
    issue: Issue,
    actor: AnyUser,
    version: int,
    title: str,
    introduction: str,
    items: Sequence[tuple[str, int]],
) -> Issue:
    """Change a draft, if it is still at `version` (else `EditConflict`, nothing written)."""
    _check_editor(actor, issue.network_id)
    current = lock_version(Issue.objects.select_related("network"), issue.pk, version)
    if not rules.is_editable(current.status):
        raise Invalid(_not_editable())
    before = {"title": current.title, "introduction": current.introduction}
    before_items = _items_of(current)
    current.title = title.strip()
    current.introduction = introduction.strip()
    after = {"title": current.title, "introduction": current.introduction}
    changes: dict[str, Any] = field_changes(before, after)
    after_items = [f"{kind}:{object_id}" for kind, object_id in items]
    if after_items != before_items:
        _items_save(current, items)
        changes["items"] = [before_items, after_items]
    if not changes:
        return current
    save_version(current)
    audit_log(
        action="newsletters.issue.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current


def _not_editable() -> str:
    from django.utils.translation import gettext as _

    return _("This issue has been sent: it stays as it went out.")


def issue_test_send(*, issue: Issue, actor: AnyUser, language: str) -> None:
    """Send the issue to `actor`'s own address in `language`, marked as a test."""
    _check_editor(actor, issue.network_id)
    address = getattr(actor, "email", "")
    if not address:
        raise Invalid(_no_address())
    with transaction.atomic():
        notify(
            kind=ISSUE_KIND,
            recipients=[Recipient(address=address, language=language)],
            context={"issue": issue.pk, "test": True},
            topic="newsletters.issue.test",
            object_id=issue.pk,
        )
        audit_log(
            action="newsletters.issue.test_sent",
            actor=actor,
            obj=issue,
            network=issue.network,
            changes={"language": [None, language]},
        )


def _no_address() -> str:
    from django.utils.translation import gettext as _

    return _("Your account has no e-mail address to send the test to.")


def _enqueue(issue_id: int) -> None:
    """Queue the sending task with the change (core.tasks.enqueue_with_change)."""
    from inspir.core.tasks import enqueue_with_change
    from inspir.newsletters.tasks import issue_send

    enqueue_with_change(issue_send, issue_id)


@transaction.atomic
def issue_send_request(*, issue: Issue, actor: AnyUser, version: int) -> Issue:
    """Send the draft to its subscribers, in the background. Only a draft is sent, once: a
    second request (a double click, another editor) finds it no longer a draft."""
    _check_editor(actor, issue.network_id)
    current = lock_version(Issue.objects.select_related("network"), issue.pk, version)
    if not rules.is_editable(current.status):
        raise Invalid(_not_editable())
    if not current.title.strip():
        raise Invalid(_no_title())
    now = timezone.now()
    current.status = IssueStatus.SENDING
    current.sent_by = actor  # type: ignore[assignment]
    current.send_requested_at = now
    current.progress_at = now
    save_version(current)
    audit_log(
        action="newsletters.issue.send_requested",
        actor=actor,
        obj=current,
        network=current.network,
        changes={"status": [IssueStatus.DRAFT, IssueStatus.SENDING]},
    )
    _enqueue(current.pk)
    return current


def _no_title() -> str:
    from django.utils.translation import gettext as _

    return _("An issue needs a title before it is sent.")


# --- The sending task --------------------------------------------------------------------------


def deliveries_fix(issue: Issue) -> int:
    """Make one delivery per recipient, once: a second run finds them made (and the unique
    constraint turns away any row made twice at the same instant). Returns how many."""
    if issue.recipients_fixed_at is not None:
        return 0
    made = 0
    with transaction.atomic():
        locked = Issue.objects.select_for_update().get(pk=issue.pk)
        if locked.recipients_fixed_at is not None:
            return 0
        ids = list(recipients(locked).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), FIXING_BATCH):
            rows = [
                Delivery(issue=locked, subscriber_id=pk) for pk in ids[start : start + FIXING_BATCH]
            ]
            made += len(Delivery.objects.bulk_create(rows, ignore_conflicts=True))
        now = timezone.now()
        Issue.objects.filter(pk=locked.pk).update(recipients_fixed_at=now, progress_at=now)
    issue.recipients_fixed_at = timezone.now()
    return made


class _HandedOverElsewhere(Exception):
    """Another run handed this delivery over first: undo this one's message."""


def delivery_hand_over(delivery: Delivery) -> bool:
    """Hand one delivery to core.mail (one `OutgoingEmail`, queued for the worker), or
    leave it out if its subscriber left meanwhile. False when another run did it first."""
    now = timezone.now()
    waiting = Delivery.objects.filter(
        pk=delivery.pk, handed_over_at__isnull=True, skipped_at__isnull=True
    )
    subscriber = delivery.subscriber
    try:
        with transaction.atomic():
            if subscriber.status != SubscriberStatus.ACTIVE:
                return waiting.update(skipped_at=now) == 1
            [outgoing] = notify(
                kind=ISSUE_KIND,
                recipients=[
                    Recipient(
                        address=subscriber.email,
                        language=subscriber.language,
                        context={"subscriber": subscriber.pk},
                    )
                ],
                context={"issue": delivery.issue_id},
                topic="newsletters.issue",
                object_id=delivery.issue_id,
            )
            if waiting.update(outgoing=outgoing, handed_over_at=now) != 1:
                raise _HandedOverElsewhere
    except _HandedOverElsewhere:
        return False
    return True


def waiting_deliveries(issue_id: int, limit: int) -> list[Delivery]:
    return list(
        Delivery.objects.filter(
            issue_id=issue_id, handed_over_at__isnull=True, skipped_at__isnull=True
        )
        .select_related("subscriber")
        .order_by("pk")[:limit]
    )


def issue_send_run(*, issue_id: int, batch_size: int = rules.HAND_OVER_BATCH) -> str:
    """The sending task's work: count the recipients (once), hand over every delivery not
    yet handed over, batch by batch, then mark the issue sent. Safe to run again at any
    point: it continues with what is left."""
    issue = Issue.objects.select_related("network").filter(pk=issue_id).first()
    if issue is None or issue.status != IssueStatus.SENDING:
        return "nothing to send"
    deliveries_fix(issue)
    handed = 0
    while batch := waiting_deliveries(issue.pk, batch_size):
        for delivery in batch:
            handed += delivery_hand_over(delivery)
        Issue.objects.filter(pk=issue.pk).update(progress_at=timezone.now())
    with transaction.atomic():
        finished = Issue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).update(
            status=IssueStatus.SENT, sent_at=timezone.now()
        )
        if finished:
            audit_log(
                action="newsletters.issue.sent",
                actor=issue.sent_by,
                obj=issue,
                network=issue.network,
                changes={"status": [IssueStatus.SENDING, IssueStatus.SENT]},
            )
    return f"{handed} handed over"


def stalled_resume(*, now: Any = None, issue_ids: Iterable[int] | None = None) -> list[int]:
    """Queue again the sending of the issues whose task stopped moving on (a worker that
    died, a crash half-way): each claimed by moving its `progress_at` on, so that two runs
    of this job queue it once. Returns the ids queued."""
    from inspir.newsletters.selectors.issues import stalled_issue_ids

    now = now or timezone.now()
    ids = (
        list(issue_ids)
        if issue_ids is not None
        else stalled_issue_ids(before=now - rules.SENDING_STALLED)
    )
    queued = []
    for pk in ids:
        with transaction.atomic():
            seen = Issue.objects.filter(pk=pk).values_list("progress_at", flat=True).first()
            claimed = Issue.objects.filter(
                pk=pk, status=IssueStatus.SENDING, progress_at=seen
            ).update(progress_at=now)
            if claimed:
                _enqueue(pk)
                queued.append(pk)
    return queued

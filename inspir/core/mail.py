"""Every e-mail the platform sends goes out here, once.

`notify` asks for a kind of message (`inspir.core.mail_kinds`) for each recipient, with a
context of ids: it records one `OutgoingEmail` per recipient, with the kind, the context and
the recipient's language, and the worker renders each message (subject, text, HTML,
attachments) in that language when it delivers it, then stores what it rendered on the
record, so that a retry or a resend sends the very same message. `send_email` records
messages whose content the caller already has (allauth's, and the earlier form of tasks).

Both record one `OutgoingEmail` per recipient in the caller's transaction, each with
its own Message-ID, and queues the delivery task (`inspir.core.tasks.email_deliver`). With the
database queue the task row is written in that same transaction: a change that rolls back
sends nothing, a committed one cannot lose its mail. With a queue outside the database (the
immediate backend of the demo and the tests) the task is queued once the transaction has
committed, so that nothing is sent for a change that did not happen.

Delivery (`deliver`) first claims the record (queued -> sending, one more attempt) in its own
committed update, so that of two tasks for the same message only one renders it and talks to
the mail server, and a message already sent is never sent again. A message not yet rendered
is rendered then; if what it is about is gone, it ends `dropped` (not sent, with the reason);
if rendering fails otherwise, nothing was transmitted and it is retried like a refusal. Then:

- accepted by the server -> `sent`;
- refused before the server could have accepted it (no connection, a 4xx reply, a dropped
  connection before the message itself was transmitted) -> `retrying`, after a growing
  delay, until `EMAIL_MAX_ATTEMPTS` attempts, then `failed`;
- refused for good (a 5xx reply, an address that cannot be written) -> `failed`;
- anything else once the message was being transmitted (the connection dropped, no answer)
  -> `uncertain`: the server may have accepted it, so it is not repeated automatically.

`pending_mail_process` (command `send_pending_mail`, every minute from the worker's schedule)
queues again what is due and marks as uncertain a send that stayed "sending" past the grace
period (its worker died, possibly after the server had accepted the message).
"""

import datetime
import logging
import smtplib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives, mailers, make_msgid
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone, translation

from inspir.core.audit import audit_log
from inspir.core.mail_kinds import MessageGoneError, Recipient, Rendered, renderer
from inspir.core.models import OutgoingEmail
from inspir.core.site import site_host

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

# Delay before the next attempt after attempt n (the last one repeats).
RETRY_DELAYS = tuple(datetime.timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 360, 720, 1440))
# A queued message that no task has picked up after this long is queued again (a task lost
# with a queue outside the database, or a worker that was stopped).
REQUEUE_AFTER = datetime.timedelta(minutes=10)
# A send still "sending" after this long lost its worker: the outcome is unknown. Far longer
# than one SMTP conversation may last (each step times out after the mailer's timeout).
SENDING_GRACE = datetime.timedelta(minutes=10)
# At most this many messages queued again per run of `send_pending_mail`.
REQUEUE_BATCH = 500
LAST_ERROR_LENGTH = 300

# Statuses someone must look at: the list of undelivered mail shows them.
UNDELIVERED = (Status.FAILED, Status.UNCERTAIN)
WAITING = (Status.QUEUED, Status.RETRYING, Status.SENDING)


class NotResendableError(Exception):
    """The message is not one to send again: it arrived, is on its way, or was sent again."""


def notify(
    *,
    kind: str,
    recipients: Iterable[Recipient],
    context: Mapping[str, Any] | None = None,
    topic: str = "",
    object_id: Any = "",
    headers: Mapping[str, str] | None = None,
) -> list[OutgoingEmail]:
    """Ask for a message of `kind` to each recipient (one copy each; an address given twice
    gets one), rendered later by the worker in the recipient's language. `context` is JSON:
    ids and plain values, never rendered text; each recipient's own `context` is added to
    it. `topic` and `object_id` say what the message is about, as for `send_email`;
    `headers` are extra header lines (the renderer may add more).
    Call it inside the transaction of the change the message reports: with the database
    queue the delivery tasks are written in that transaction, so a change that rolls back
    asks for nothing."""
    renderer(kind)  # a kind no app registered fails here, in the change, not in the worker
    now = timezone.now()
    domain = site_host()
    shared = dict(context or {})
    chosen: dict[str, Recipient] = {}
    for recipient in recipients:
        address = recipient.address.strip()
        if address and address not in chosen:
            chosen[address] = recipient
    with transaction.atomic():
        rows = [
            OutgoingEmail.objects.create(
                message_id=make_msgid(domain=domain),
                recipient=address,
                subject="",
                kind=kind,
                context={
                    **shared,
                    **recipient.context,
                    **({"recipient_name": recipient.name} if recipient.name else {}),
                },
                language=recipient.language or settings.LANGUAGE_CODE,
                headers=dict(headers or {}),
                topic=topic,
                object_id=str(object_id),
                next_attempt_at=now + REQUEUE_AFTER,
            )
            for address, recipient in chosen.items()
        ]
        _enqueue([row.pk for row in rows])
    return rows


def send_email(
    *,
    subject: str,
    body: str,
    recipients: Iterable[str],
    attachments: Sequence[tuple[str, str, str]] | None = None,
    html_body: str = "",
    from_email: str = "",
    reply_to: str = "",
    language: str | None = None,
    topic: str = "",
    object_id: Any = "",
    resend_of: OutgoingEmail | None = None,
    kind: str = "",
    context: Mapping[str, Any] | None = None,
    rendered_at: datetime.datetime | None = None,
    headers: Mapping[str, str] | None = None,
) -> list[OutgoingEmail]:
    """Send one message to each recipient (each gets their own copy), with text attachments
    given as (file name, content, MIME type). `topic` and `object_id` say what the message
    is about (`accounts.invitation`, 12), for the pages that show whether it arrived.
    Call it inside the transaction of the change the message reports."""
    now = timezone.now()
    domain = site_host()  # Message-IDs unique to the platform
    with transaction.atomic():
        rows = [
            OutgoingEmail.objects.create(
                message_id=make_msgid(domain=domain),
                recipient=address,
                from_email=from_email,
                reply_to=reply_to,
                subject=" ".join(str(subject).split()),
                body=body,
                html_body=html_body,
                attachments=[list(attachment) for attachment in attachments or ()],
                headers=dict(headers or {}),
                language=translation.get_language() or "" if language is None else language,
                topic=topic,
                object_id=str(object_id),
                next_attempt_at=now + REQUEUE_AFTER,
                resend_of=resend_of,
                kind=kind,
                context=dict(context or {}),
                rendered_at=rendered_at,
            )
            for address in dict.fromkeys(a.strip() for a in recipients if a.strip())
        ]
        _enqueue([row.pk for row in rows])
    return rows


def _enqueue(ids: Sequence[int]) -> None:
    from inspir.core.tasks import email_deliver, enqueue_with_change

    for pk in ids:
        enqueue_with_change(email_deliver, pk)


# --- Delivery ----------------------------------------------------------------------------------


def claim(outgoing_id: int, now: datetime.datetime | None = None) -> bool:
    """Take the message for one attempt, atomically: True for exactly one of any number of
    concurrent callers, and only while the message waits to be sent."""
    now = now or timezone.now()
    due = Q(status=Status.QUEUED) | Q(status=Status.RETRYING, next_attempt_at__lte=now)
    claimed = OutgoingEmail.objects.filter(due, pk=outgoing_id).update(
        status=Status.SENDING,
        attempts=F("attempts") + 1,
        claimed_at=now,
        next_attempt_at=None,
    )
    return claimed == 1


def deliver(outgoing_id: int) -> str:
    """One delivery attempt of one message; returns the status it ends in (or "skipped"
    when the message was not waiting to be sent: already sent, being sent, given up)."""
    if not claim(outgoing_id):
        return "skipped"
    # The claim is committed (autocommit) before the server is spoken to: a worker dying
    # from here on leaves "sending", which `send_pending_mail` turns into "uncertain".
    outgoing = OutgoingEmail.objects.get(pk=outgoing_id)
    if outgoing.kind and outgoing.rendered_at is None:
        outcome = _render(outgoing)
        if outcome is not None:
            return _record(outgoing, *outcome)
    status, error = _transmit(_message(outgoing))
    return _record(outgoing, status, error)


def _render(outgoing: OutgoingEmail) -> tuple[str, str] | None:
    """Render a message asked for by kind, in its recipient's language, and store the result
    on the record (so that no later attempt renders it again). None when it is ready to go;
    otherwise the status it ends in and why: `dropped` when what it is about is gone,
    `retrying` when rendering failed (nothing was transmitted)."""
    context = dict(outgoing.context)
    recipient = Recipient(
        address=outgoing.recipient,
        language=outgoing.language,
        name=str(context.get("recipient_name", "")),
        context=context,
    )
    try:
        render = renderer(outgoing.kind)
        with translation.override(outgoing.language or settings.LANGUAGE_CODE):
            rendered = render(context, recipient)
            message = Rendered(
                subject=" ".join(str(rendered.subject).split()),
                body=str(rendered.body),
                html_body=str(rendered.html_body),
                attachments=[(str(n), str(c), str(m)) for n, c, m in rendered.attachments],
                from_email=str(rendered.from_email),
                reply_to=str(rendered.reply_to),
                headers={str(k): str(v) for k, v in rendered.headers.items()},
            )
    except MessageGoneError as gone:
        return Status.DROPPED, " ".join(f"not sent: {gone}".split())[:LAST_ERROR_LENGTH]
    except Exception as error:
        logger.exception("Rendering e-mail %s (%s) failed", outgoing.pk, outgoing.kind)
        return Status.RETRYING, f"rendering failed: {_describe(error)}"[:LAST_ERROR_LENGTH]
    outgoing.subject = message.subject
    outgoing.body = message.body
    outgoing.html_body = message.html_body
    outgoing.attachments = [list(a) for a in message.attachments]
    outgoing.from_email = message.from_email
    outgoing.reply_to = message.reply_to
    outgoing.headers = {**outgoing.headers, **message.headers}
    outgoing.rendered_at = timezone.now()
    OutgoingEmail.objects.filter(pk=outgoing.pk, status=Status.SENDING).update(
        subject=outgoing.subject,
        body=outgoing.body,
        html_body=outgoing.html_body,
        attachments=outgoing.attachments,
        from_email=outgoing.from_email,
        reply_to=outgoing.reply_to,
        headers=outgoing.headers,
        rendered_at=outgoing.rendered_at,
    )
    return None


def _message(outgoing: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        outgoing.subject,
        outgoing.body,
        outgoing.from_email or None,
        [outgoing.recipient],
        reply_to=[outgoing.reply_to] if outgoing.reply_to else None,
        headers={**outgoing.headers, "Message-ID": outgoing.message_id},
    )
    if outgoing.html_body:
        message.attach_alternative(outgoing.html_body, "text/html")
    for filename, content, mimetype in outgoing.attachments:
        message.attach(filename, content, mimetype)
    return message


def _reply_status(code: int, transmitting: bool) -> str:
    """What an SMTP reply code means for the message: a reply is always a refusal here."""
    if 400 <= code < 500:
        return Status.RETRYING
    if 500 <= code < 600:
        return Status.FAILED
    return Status.UNCERTAIN if transmitting else Status.RETRYING


def _transmit(message: EmailMultiAlternatives) -> tuple[str, str]:
    """Talk to the mail server; returns the outcome's status and a short reason."""
    mailer = mailers.default
    try:
        mailer.open()
    except (OSError, smtplib.SMTPException) as error:
        # No connection, or refused while greeting or logging in: nothing was transmitted.
        return Status.RETRYING, _describe(error)
    # Note when the message itself starts going out (SMTP DATA): before it, a dropped
    # connection sent nothing; from then on the server may have accepted it. A mailer that
    # is not SMTP cannot tell us, so any failure of its is an uncertain outcome.
    connection = getattr(mailer, "connection", None)
    transmitting = not isinstance(connection, smtplib.SMTP)
    if isinstance(connection, smtplib.SMTP):
        data = connection.data

        def watched_data(msg: Any) -> Any:
            nonlocal transmitting
            transmitting = True
            return data(msg)

        setattr(connection, "data", watched_data)  # noqa: B010 - instance attribute on purpose
    outcome: tuple[str, str]
    try:
        mailer.send_messages([message])
        outcome = (Status.SENT, "")
    except smtplib.SMTPRecipientsRefused as error:
        codes = [reply[0] for reply in error.recipients.values()]
        temporary = bool(codes) and all(400 <= code < 500 for code in codes)
        outcome = (Status.RETRYING if temporary else Status.FAILED, _describe(error))
    except smtplib.SMTPResponseException as error:
        # SMTPSenderRefused, SMTPDataError, …: the server answered, and did not accept.
        outcome = (_reply_status(error.smtp_code, transmitting), _describe(error))
    except ValueError as error:
        # An address that cannot be written in an e-mail: no attempt will ever do.
        outcome = (Status.FAILED, _describe(error))
    except Exception as error:  # disconnected, timed out, anything unexpected
        outcome = (Status.UNCERTAIN if transmitting else Status.RETRYING, _describe(error))
    try:
        mailer.close()
    except Exception:  # the outcome is known; saying goodbye may fail
        logger.debug("Closing the mail connection failed", exc_info=True)
    return outcome


def _describe(error: BaseException) -> str:
    """A short reason without secrets: the server's reply or the kind of failure."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = [f"{code} {_text(reply)}" for code, reply in list(error.recipients.values())[:1]]
        text = "recipient refused: " + "; ".join(replies)
    elif isinstance(error, smtplib.SMTPResponseException):
        text = f"{type(error).__name__}: {error.smtp_code} {_text(error.smtp_error)}"
    else:
        detail = getattr(error, "strerror", None) or str(error)
        text = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return " ".join(text.split())[:LAST_ERROR_LENGTH]


def _text(reply: Any) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def max_attempts() -> int:
    return max(1, int(getattr(settings, "EMAIL_MAX_ATTEMPTS", 8)))


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the `attempts`-th failed attempt."""
    return RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]


def _record(outgoing: OutgoingEmail, status: str, error: str) -> str:
    now = timezone.now()
    changes: dict[str, Any] = {"status": status, "last_error": error, "claimed_at": None}
    if status == Status.DROPPED:
        changes["next_attempt_at"] = None
    if status == Status.SENT:
        changes["sent_at"] = now
        # Known to be sent: true even if a sweep had meanwhile called it uncertain.
        claimed = Q(status__in=[Status.SENDING, Status.UNCERTAIN])
    else:
        claimed = Q(status=Status.SENDING)
    if status == Status.RETRYING:
        if outgoing.attempts >= max_attempts():
            changes["status"] = status = Status.FAILED
        else:
            changes["next_attempt_at"] = now + retry_delay(outgoing.attempts)
    OutgoingEmail.objects.filter(claimed, pk=outgoing.pk).update(**changes)
    if status != Status.SENT:
        logger.warning(
            "E-mail %s (attempt %s) ends %s: %s", outgoing.pk, outgoing.attempts, status, error
        )
    return status


# --- What is pending: queued again, or given up ------------------------------------------------


def pending_mail_process(now: datetime.datetime | None = None) -> dict[str, int]:
    """Queue again the messages whose time has come (a retry, or a queued message no task
    took), and call uncertain the sends left "sending" by a worker that died. Run every
    minute; returns how many of each."""
    now = now or timezone.now()
    stuck = OutgoingEmail.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - SENDING_GRACE
    ).update(
        status=Status.UNCERTAIN,
        claimed_at=None,
        last_error="interrupted during delivery: the server may have accepted it",
    )
    requeued = 0
    due = OutgoingEmail.objects.filter(
        status__in=[Status.QUEUED, Status.RETRYING], next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    ids = list(due.values_list("pk", flat=True)[:REQUEUE_BATCH])
    for pk in ids:
        with transaction.atomic():
            # Claimed like a send, so that two sweeps at once queue a message once; the task
            # is queued with the change (database queue) or right after it.
            taken = OutgoingEmail.objects.filter(
                pk=pk,
                status__in=[Status.QUEUED, Status.RETRYING],
                next_attempt_at__lte=now,
            ).update(status=Status.QUEUED, next_attempt_at=now + REQUEUE_AFTER)
            if taken:
                requeued += 1
                _enqueue([pk])
    return {"requeued": requeued, "uncertain": stuck}


def delivery_summary(now: datetime.datetime | None = None) -> dict[str, int]:
    """For health checks: `failed` and `uncertain` messages nobody has dealt with yet,
    `waiting` messages not yet sent, and `oldest_waiting_seconds`, the age of the oldest of
    these (0 when none waits)."""
    now = now or timezone.now()
    open_ = OutgoingEmail.objects.filter(dismissed_at__isnull=True)
    counts = dict(
        open_.filter(status__in=UNDELIVERED)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    waiting = OutgoingEmail.objects.filter(status__in=WAITING)
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    return {
        "failed": counts.get(Status.FAILED, 0),
        "uncertain": counts.get(Status.UNCERTAIN, 0),
        "waiting": waiting.count(),
        "oldest_waiting_seconds": int((now - oldest).total_seconds()) if oldest else 0,
    }


# --- Undelivered mail: sent again, or set aside ------------------------------------------------


def _check_oversight(actor: Any) -> None:
    # Who looks after the mail is the permission vocabulary's answer (core/access.py).
    from inspir.core.access import may_oversee_mail

    if not may_oversee_mail(actor):
        raise PermissionDenied


@transaction.atomic
def outgoing_resend(
    *, outgoing: OutgoingEmail, actor: Any, network: Any = None, checked: bool = False
) -> OutgoingEmail:
    """Send a failed or uncertain message again, as a new message with its own Message-ID;
    the old one is set aside. `actor` must oversee the platform's mail, unless the caller
    has checked a narrower permission (`checked`, e.g. a coordinator's own invitation);
    `network` is the one the audit entry belongs to."""
    if not checked:
        _check_oversight(actor)
    locked = OutgoingEmail.objects.select_for_update().get(pk=outgoing.pk)
    if locked.status not in UNDELIVERED or locked.resends.exists():
        raise NotResendableError
    [copy] = send_email(
        subject=locked.subject,
        body=locked.body,
        html_body=locked.html_body,
        recipients=[locked.recipient],
        attachments=[tuple(a) for a in locked.attachments],
        from_email=locked.from_email,
        reply_to=locked.reply_to,
        language=locked.language,
        topic=locked.topic,
        object_id=locked.object_id,
        resend_of=locked,
        # The same message: what was rendered goes again as it was; one that never was
        # (its rendering failed) is rendered by the worker, as the first would have been.
        kind=locked.kind,
        context=locked.context,
        rendered_at=locked.rendered_at,
        headers=locked.headers,
    )
    if locked.dismissed_at is None:
        locked.dismissed_at = timezone.now()
        locked.dismissed_by = actor if getattr(actor, "is_authenticated", False) else None
        locked.save(update_fields=["dismissed_at", "dismissed_by"])
    audit_log(
        action="core.email.resent",
        actor=actor,
        obj=locked,
        network=network,
        changes={"status": [locked.status, Status.QUEUED], "resent_as": [None, copy.pk]},
    )
    return copy


@transaction.atomic
def outgoing_dismiss(*, outgoing: OutgoingEmail, actor: Any) -> bool:
    """Set a failed or uncertain message aside: someone took care of it another way.
    False when there was nothing to set aside (already done, or not undelivered)."""
    _check_oversight(actor)
    locked = OutgoingEmail.objects.select_for_update().get(pk=outgoing.pk)
    if locked.status not in UNDELIVERED or locked.dismissed_at is not None:
        return False
    locked.dismissed_at = timezone.now()
    locked.dismissed_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.save(update_fields=["dismissed_at", "dismissed_by"])
    audit_log(
        action="core.email.dismissed",
        actor=actor,
        obj=locked,
        changes={"set_aside": [False, True]},
    )
    return True


# --- Personal data -----------------------------------------------------------------------------


def sent_bodies_drop(now: datetime.datetime | None = None) -> int:
    """Empty the content (and the context it was rendered from) of messages sent, set aside
    or dropped more than SENT_EMAIL_RETENTION_DAYS ago (they hold invitation links and what
    meetings were about); the record of who was sent what subject when stays. Returns how
    many."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.SENT_EMAIL_RETENTION_DAYS)
    done = Q(status=Status.SENT, sent_at__lt=limit) | Q(dismissed_at__lt=limit)
    dropped = Q(status=Status.DROPPED, created_at__lt=limit)
    # The context goes too: it may hold what the content did (an invitation's link).
    return (
        OutgoingEmail.objects.filter(done | dropped)
        .exclude(body="", html_body="", attachments=[], context={})
        .update(body="", html_body="", attachments=[], context={})
    )

"""The invitation reminder: an invitee who has not accepted is reminded once by e-mail, three
days after the invitation, with the same single-use link. Run by governance's
`send_reminders` job (the worker's schedule) with the other reminders."""

import datetime

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from inspir.accounts.emails import INVITATION_KIND, INVITATION_REMINDER_KIND
from inspir.accounts.models import Invitation
from inspir.accounts.rules import INVITATION_TOPIC
from inspir.core.mail import notify
from inspir.core.mail_kinds import Recipient
from inspir.core.models import OutgoingEmail

REMIND_AFTER = datetime.timedelta(days=3)


def _reminders() -> QuerySet[OutgoingEmail]:
    return OutgoingEmail.objects.filter(kind=INVITATION_REMINDER_KIND, topic=INVITATION_TOPIC)


def invitation_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind, once, every invitee whose invitation is still open three days after it was
    sent; returns how many were reminded. The invitation's row is locked while its reminder
    is asked for, so that two runs at once remind once."""
    now = now or timezone.now()
    due = (
        Invitation.objects.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now,
            created_at__lte=now - REMIND_AFTER,
        )
        .exclude(Exists(_reminders().filter(object_id=Cast(OuterRef("pk"), CharField()))))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    reminded = 0
    for pk in list(due):
        with transaction.atomic():
            invitation = Invitation.objects.select_for_update().get(pk=pk)
            if _reminders().filter(object_id=str(pk)).exists():
                continue
            # The link's token is only in the invitation's own e-mail: the row keeps a digest.
            sent = (
                OutgoingEmail.objects.filter(
                    kind=INVITATION_KIND, topic=INVITATION_TOPIC, object_id=str(pk)
                )
                .order_by("pk")
                .values_list("context", flat=True)
                .first()
            )
            if not sent or not sent.get("token"):
                continue
            notify(
                kind=INVITATION_REMINDER_KIND,
                recipients=[Recipient(address=invitation.email, language=invitation.language)],
                context={"invitation": pk, "token": sent["token"]},
                topic=INVITATION_TOPIC,
                object_id=pk,
            )
            reminded += 1
    return reminded

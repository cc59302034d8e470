"""The daily digest: at the local hour each person chose (in their person's zone, UTC
otherwise), one e-mail gathers the notices of theirs delivered by digest that came before
that hour and were not yet in a digest.

`digests_send` runs every quarter of an hour from the worker's schedule (`send_digests`).
A digest is recorded per person and local date, unique: the record, the e-mail asked for
(core's mail, delivered at most once) and the notices marked as digested are written in one
transaction, so a second run or a second worker at the same moment sends nobody a second
digest, and a notice is in one digest only."""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspir.core.mail import notify
from inspir.core.mail_kinds import Recipient
from inspir.core.time import zone_of
from inspir.notifications.models import Delivery, Digest, Emailed, Notification
from inspir.notifications.services import (
    DIGEST_MAIL_KIND,
    notice_settings_for,
    user_language,
    user_name,
)
from inspir.notifications.tokens import DIGEST_KIND, unsubscribe_headers, unsubscribe_url


def _waiting() -> Any:
    return Notification.objects.filter(delivery=Delivery.DIGEST, digested_at__isnull=True)


def digest_moment(day: datetime.date, hour: int, zone: Any) -> datetime.datetime:
    """The moment of a person's digest on their local `day`."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def digests_send(now: datetime.datetime | None = None) -> int:
    """Send the digests whose local hour has come today; returns how many were asked for."""
    now = now or timezone.now()
    waiting_users = _waiting().filter(created_at__lte=now).values("user_id")
    users = (
        get_user_model()
        .objects.filter(pk__in=waiting_users, is_active=True, erased_at__isnull=True)
        .exclude(email="")
        .select_related("person")
        .order_by("pk")
    )
    people = list(users)
    chosen = notice_settings_for(u.pk for u in people)
    sent = 0
    for user in people:
        person = getattr(user, "person", None)
        zone = zone_of(person.time_zone if person is not None else "UTC")
        today = now.astimezone(zone).date()
        settings_row = chosen[user.pk]
        moment = digest_moment(today, settings_row.digest_hour, zone)
        if now < moment:
            continue
        if _send_one(user, today, moment, now, settings_row.unsubscribe_secret):
            sent += 1
    return sent


def _send_one(
    user: Any,
    day: datetime.date,
    moment: datetime.datetime,
    now: datetime.datetime,
    secret: str,
) -> bool:
    try:
        with transaction.atomic():
            notices = list(
                _waiting()
                .select_for_update()
                .filter(user=user, created_at__lt=moment)
                .order_by("created_at", "pk")
                .values_list("pk", flat=True)
            )
            if not notices:
                return False
            digest = Digest.objects.create(user=user, local_date=day, created_at=now)
            language = user_language(user)
            stop = unsubscribe_url(user.pk, DIGEST_KIND, secret, language)
            [email] = notify(
                kind=DIGEST_MAIL_KIND,
                recipients=[
                    Recipient(
                        address=user.email,
                        language=language,
                        name=user_name(user),
                        context={
                            "digest": digest.pk,
                            "user": user.pk,
                            "notifications": notices,
                            "unsubscribe": stop,
                        },
                    )
                ],
                topic=DIGEST_MAIL_KIND,
                object_id=digest.pk,
                headers=unsubscribe_headers(stop),
            )
            Digest.objects.filter(pk=digest.pk).update(email=email)
            Notification.objects.filter(pk__in=notices, digested_at__isnull=True).update(
                digested_at=now, emailed=Emailed.DIGEST, email=email
            )
    except IntegrityError:
        return False  # that day's digest was sent already (another run, another worker)
    return True

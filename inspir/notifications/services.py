"""Telling people: notices, their e-mails, what they read, what they chose (decision 0024).

`notify_users` is called by the apps inside the transaction of the change it reports; it
records one `Notification` per person and, by their choice for that kind, asks at once for
an e-mail through `inspir.core.mail.notify` (one `OutgoingEmail` per notice, delivered at
most once by core's rule) or leaves the notice for the daily digest (`digests.py`).
"""

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspir.core.mail import notify
from inspir.core.mail_kinds import Recipient, language_for
from inspir.core.page_cache import own_data_changed
from inspir.notifications import kinds
from inspir.notifications.kinds import notice_kind
from inspir.notifications.models import (
    Delivery,
    Emailed,
    NoticePreference,
    NoticeSettings,
    Notification,
)
from inspir.notifications.selectors import notices_name
from inspir.notifications.tokens import unsubscribe_headers, unsubscribe_url

# The generic notice e-mail (emails.py), for kinds without a mail kind of their own.
NOTICE_MAIL_KIND = "notifications.notice"
DIGEST_MAIL_KIND = "notifications.digest"


def user_language(user: Any) -> str:
    """The language to write to `user` in: their person's first platform language, else the
    site's default."""
    person = getattr(user, "person", None)
    return language_for(person.languages if person is not None else None)


def user_name(user: Any) -> str:
    person = getattr(user, "person", None)
    return (person.name if person is not None else "") or user.get_full_name()


def notice_settings_for(user_ids: Iterable[int]) -> dict[int, NoticeSettings]:
    """Each user's settings, created with the defaults where missing."""
    ids = set(user_ids)
    found = {s.user_id: s for s in NoticeSettings.objects.filter(user_id__in=ids)}
    missing = ids - found.keys()
    if missing:
        NoticeSettings.objects.bulk_create(
            [NoticeSettings(user_id=pk) for pk in missing], ignore_conflicts=True
        )
        found.update({s.user_id: s for s in NoticeSettings.objects.filter(user_id__in=missing)})
    return found


def unread_added(user_ids: Iterable[int]) -> None:
    """Once the change is committed, count one more unread notice for each of these users
    where their count is kept (selectors.unread_count), and make their kept lists stale."""
    from inspir.notifications.selectors import unread_key

    ids = list(user_ids)

    def add() -> None:
        for user_id in ids:
            try:
                cache.incr(unread_key(user_id))
            except ValueError:  # not kept: counted at the next page
                pass
            own_data_changed(notices_name(user_id))

    if ids:
        transaction.on_commit(add)


def _recipients(users: Iterable[Any], actor: Any) -> list[Any]:
    actor_id = getattr(actor, "pk", None) if getattr(actor, "is_authenticated", True) else None
    chosen: dict[int, Any] = {}
    for user in users:
        if user is None or user.pk is None or user.pk == actor_id or user.pk in chosen:
            continue
        if not user.is_active or getattr(user, "erased_at", None) is not None:
            continue
        chosen[user.pk] = user
    return list(chosen.values())


def notify_users(
    *,
    kind: str,
    users: Iterable[Any],
    context: dict[str, Any],
    key: str,
    network_id: int | None = None,
    actor: Any = None,
) -> list[Notification]:
    """Tell each of `users` about an event (`key` names it: "proposal:12:decided"); returns
    the notices made. Call it inside the transaction of the change it reports. The pair
    (user, kind, key) is unique: an event told again tells nobody twice. `actor` is not told
    of their own action; inactive or erased users are skipped. `context` is JSON: ids and
    plain values, never rendered text."""
    spec = notice_kind(kind)  # a kind no app registered fails here, in the change
    people = _recipients(users, actor)
    if not people:
        return []
    ids = [user.pk for user in people]
    made: list[Notification] = []
    with transaction.atomic():
        told = set(
            Notification.objects.filter(user_id__in=ids, kind=kind, key=key).values_list(
                "user_id", flat=True
            )
        )
        chosen = dict(
            NoticePreference.objects.filter(user_id__in=ids, kind=kind).values_list(
                "user_id", "delivery"
            )
        )
        now = timezone.now()
        for user in people:
            if user.pk in told:
                continue
            notice = Notification(
                user=user,
                kind=kind,
                key=key,
                context=dict(context),
                network_id=network_id,
                created_at=now,
                delivery=chosen.get(user.pk, spec.default_delivery),
            )
            try:
                with transaction.atomic():  # told at the same moment by another process
                    notice.save(force_insert=True)
            except IntegrityError:
                continue
            made.append(notice)
        at_once = [n for n in made if n.delivery == Delivery.IMMEDIATE and n.user.email]
        if at_once:
            secrets = notice_settings_for(n.user_id for n in at_once)
            for notice in at_once:
                _email_at_once(notice, spec, secrets[notice.user_id].unsubscribe_secret)
        unread_added(n.user_id for n in made)
    return made


def _email_at_once(notice: Notification, spec: kinds.NoticeKind, secret: str) -> None:
    """Ask core's mail for the notice's e-mail, once: the notice records it."""
    user = notice.user
    language = user_language(user)
    stop = unsubscribe_url(user.pk, notice.kind, secret, language)
    rows = notify(
        kind=spec.mail_kind or NOTICE_MAIL_KIND,
        recipients=[
            Recipient(
                address=user.email,
                language=language,
                name=user_name(user),
                context={"notification": notice.pk, "user": user.pk, "unsubscribe": stop},
            )
        ],
        context=notice.context,
        topic=notice.kind,
        object_id=notice.pk,
        headers=unsubscribe_headers(stop),
    )
    if not rows:
        return
    email = rows[0]
    notice.emailed = Emailed.IMMEDIATE
    notice.email = email
    Notification.objects.filter(pk=notice.pk).update(emailed=Emailed.IMMEDIATE, email=email)


# --- Reading ----------------------------------------------------------------------------------


def notice_read(*, notice: Notification) -> None:
    """Mark one's notice read (once: the first reading's time stays)."""
    if notice.read_at is None:
        notice.read_at = timezone.now()
        Notification.objects.filter(pk=notice.pk, read_at__isnull=True).update(
            read_at=notice.read_at
        )
        _recount(notice.user_id)


def notices_read_all(*, user: Any) -> int:
    """Mark all of one's notices read; returns how many were unread."""
    done = Notification.objects.filter(user_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    _recount(user.pk)
    return done


def _recount(user_id: int) -> None:
    from inspir.notifications.selectors import unread_count_refresh

    def recount() -> None:
        unread_count_refresh(user_id)
        own_data_changed(notices_name(user_id))

    transaction.on_commit(recount)


# --- Choices ----------------------------------------------------------------------------------


@transaction.atomic
def preferences_save(*, user: Any, deliveries: dict[str, str], digest_hour: int) -> None:
    """Save how `user` wants each kind of notice (a kind left at its default keeps no row)
    and the local hour of their daily digest."""
    for code, delivery in deliveries.items():
        spec = notice_kind(code)
        if delivery not in kinds.DELIVERIES:
            raise ValueError(delivery)
        if delivery == spec.default_delivery:
            NoticePreference.objects.filter(user_id=user.pk, kind=code).delete()
        else:
            NoticePreference.objects.update_or_create(
                user_id=user.pk, kind=code, defaults={"delivery": delivery}
            )
    settings_row = notice_settings_for([user.pk])[user.pk]
    if settings_row.digest_hour != digest_hour:
        settings_row.digest_hour = digest_hour
        settings_row.save(update_fields=["digest_hour"])


def deliveries_for(user_id: int) -> dict[str, str]:
    """How a user wants each registered kind: their choice, else the kind's default."""
    chosen = dict(NoticePreference.objects.filter(user_id=user_id).values_list("kind", "delivery"))
    return {k.code: chosen.get(k.code, k.default_delivery) for k in kinds.notice_kinds()}


def unsubscribed(*, user_id: int, kind: str) -> bool:
    """Whether that kind of e-mail is already stopped for the person. The digest's link
    always offers to stop it: which kinds it carries changes with one's choices."""
    from inspir.notifications.tokens import DIGEST_KIND

    if kind == DIGEST_KIND:
        return False
    return deliveries_for(user_id).get(kind) == Delivery.IN_APP


@transaction.atomic
def unsubscribe(*, user_id: int, kind: str) -> list[str]:
    """Stop the e-mails of one kind of notice for a person (one-click unsubscribe): it is
    then shown in the in-app list only. The digest's own link stops the digest: every kind
    it carried is then shown in-app only. Returns the kinds stopped."""
    from inspir.notifications.tokens import DIGEST_KIND

    if kind == DIGEST_KIND:
        codes = [code for code, d in deliveries_for(user_id).items() if d == Delivery.DIGEST]
    else:
        codes = [kind]
    for code in codes:
        NoticePreference.objects.update_or_create(
            user_id=user_id, kind=code, defaults={"delivery": Delivery.IN_APP}
        )
    return codes

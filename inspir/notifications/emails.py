"""What the notifications' e-mails say: the generic notice and the daily digest, rendered by
the worker in the recipient's language (core/mail_kinds.py), registered from
`NotificationsConfig.ready()`."""

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse

from inspir.core.mail_kinds import MessageGone, Recipient, Rendered, register_mail_kind
from inspir.core.site import site_url
from inspir.notifications.kinds import NoticeText, notice_kind
from inspir.notifications.models import Notification


def absolute(url: str) -> str:
    """A notice's address as a link in an e-mail."""
    return url if "://" in url else site_url(url)


def notice_text(notice: Notification) -> NoticeText:
    """How `notice` reads in the active language (MessageGone when its subject is gone, or
    its kind is no longer registered)."""
    try:
        kind = notice_kind(notice.kind)
    except KeyError:
        raise MessageGone(f"kind {notice.kind} is no longer told") from None
    return kind.render(dict(notice.context), notice.user)


def _notice(context: dict[str, Any]) -> Notification:
    notice = (
        Notification.objects.select_related("user__person")
        .filter(pk=int(context.get("notification") or 0))
        .first()
    )
    if notice is None:
        raise MessageGone(f"notice {context.get('notification')} no longer exists")
    return notice


def notice_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    """One notice: its title, its text, the link to it (through the page that marks it read)
    and, at the foot, the link that stops this kind of e-mail."""
    notice = _notice(context)
    text = notice_text(notice)
    values = {
        "text": text,
        "name": recipient.name,
        "link": site_url(reverse("notifications:open", kwargs={"pk": notice.pk})),
        "stop": context.get("unsubscribe", ""),
        "preferences": site_url(reverse("notifications:preferences")),
    }
    return Rendered(
        subject=render_to_string("notifications/email/notice_subject.txt", values),
        body=render_to_string("notifications/email/notice_body.txt", values),
    )


def digest_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    """The day's notices, each with its link, oldest first; those whose subject is gone
    since are left out (all gone: nothing to send)."""
    from inspir.notifications.models import Digest

    digest = Digest.objects.filter(pk=int(context.get("digest") or 0)).first()
    if digest is None:
        raise MessageGone(f"digest {context.get('digest')} no longer exists")
    notices = (
        Notification.objects.filter(pk__in=context.get("notifications", []))
        .select_related("user__person")
        .order_by("created_at", "pk")
    )
    items = []
    for notice in notices:
        try:
            text = notice_text(notice)
        except MessageGone:
            continue
        link = site_url(reverse("notifications:open", kwargs={"pk": notice.pk}))
        items.append({"text": text, "link": link})
    if not items:
        raise MessageGone(f"the notices of digest {digest.pk} no longer exist")
    values = {
        "items": items,
        "day": digest.local_date,
        "name": recipient.name,
        "stop": context.get("unsubscribe", ""),
        "preferences": site_url(reverse("notifications:preferences")),
        "list": site_url(reverse("notifications:list")),
    }
    return Rendered(
        subject=render_to_string("notifications/email/digest_subject.txt", values),
        body=render_to_string("notifications/email/digest_body.txt", values),
    )


def register_mail_kinds() -> None:
    from inspir.notifications.services import DIGEST_MAIL_KIND, NOTICE_MAIL_KIND

    register_mail_kind(NOTICE_MAIL_KIND, notice_render)
    register_mail_kind(DIGEST_MAIL_KIND, digest_render)

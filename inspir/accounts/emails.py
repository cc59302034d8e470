"""What the accounts' e-mails say: the renderers of their kinds of message
(`inspir.core.mail_kinds`), registered from `AccountsConfig.ready()` and called by the
worker in the recipient's language."""

import datetime
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats

from inspir.accounts.models import Invitation
from inspir.core.mail_kinds import MessageGone, Recipient, Rendered, register_mail_kind
from inspir.core.site import site_url

INVITATION_KIND = "accounts.invitation"


def invitation_link(token: str) -> str:
    """The invitation's link, in the active language."""
    return site_url(reverse("accounts_invitation_accept", kwargs={"token": token}))


def invitation_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    """The invitation, with its single-use link (its token is in the context: the link
    cannot be rebuilt from the stored digest)."""
    return _invitation_message("invitation", context)


# Sent once to an invitee who has not accepted a few days after the invitation
# (`inspir.accounts.reminders`), with the same link.
INVITATION_REMINDER_KIND = "accounts.invitation.reminder"


def invitation_reminder_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    return _invitation_message("invitation_reminder", context)


def _invitation_message(template: str, context: dict[str, Any]) -> Rendered:
    invitation = (
        Invitation.objects.select_related("network", "invited_by")
        .filter(pk=context["invitation"])
        .first()
    )
    if invitation is None:
        raise MessageGone(f"invitation {context['invitation']} no longer exists")
    if invitation.revoked_at or invitation.accepted_at:
        raise MessageGone(f"invitation {invitation.pk} was withdrawn or used since")
    values = {
        "invitation": invitation,
        "link": invitation_link(context["token"]),
        "inviter": invitation.invited_by,
        "valid_days": settings.INVITATION_VALID_DAYS,
        "expires": formats.date_format(invitation.expires_at.date(), "j F Y"),
    }
    return Rendered(
        subject=render_to_string(f"accounts/email/{template}_subject.txt", values),
        body=render_to_string(f"accounts/email/{template}_body.txt", values),
    )


# allauth's own e-mails (password reset, …): the adapter records the template and allauth's
# context as JSON; the worker renders them through allauth, in the language of the page that
# asked for them.
ALLAUTH_KIND = "accounts.allauth"


def allauth_json(values: dict[str, Any]) -> dict[str, Any]:
    """allauth's context as JSON: plain values kept, times as ISO text, records as their
    model and id; what cannot be kept (the request, the site) is left out and rebuilt."""
    kept: dict[str, Any] = {}
    for key, value in values.items():
        if value is None or isinstance(value, str | int | float | bool):
            kept[key] = value
        elif isinstance(value, datetime.datetime):
            kept[key] = {"datetime": value.isoformat()}
        elif isinstance(value, models.Model) and value.pk is not None:
            kept[key] = {"model": value._meta.label_lower, "pk": value.pk}
    return kept


def _allauth_values(kept: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in kept.items():
        if isinstance(value, dict) and "datetime" in value:
            values[key] = datetime.datetime.fromisoformat(value["datetime"])
        elif isinstance(value, dict) and "model" in value:
            model = apps.get_model(value["model"])
            found = model._default_manager.filter(pk=value["pk"]).first()
            if found is None:
                raise MessageGone(f"{value['model']} {value['pk']} no longer exists")
            values[key] = found
        else:
            values[key] = value
    return values


def allauth_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    """One of allauth's e-mails, built by allauth exactly as it would send it, its links
    already on `SITE_URL` (the adapter put them there)."""
    from allauth.account.adapter import get_adapter

    domain = urlsplit(settings.SITE_URL).netloc
    values = {
        "email": recipient.address,
        "current_site": SimpleNamespace(domain=domain, name=domain),
        **_allauth_values(context.get("values", {})),
    }
    message = get_adapter().render_mail(context["template"], recipient.address, values)
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    return Rendered(
        subject=str(message.subject),
        body=str(message.body),
        html_body=str(html),
        from_email=str(message.from_email or ""),
    )


def register_mail_kinds() -> None:
    register_mail_kind(INVITATION_KIND, invitation_render)
    register_mail_kind(INVITATION_REMINDER_KIND, invitation_reminder_render)
    register_mail_kind(ALLAUTH_KIND, allauth_render)

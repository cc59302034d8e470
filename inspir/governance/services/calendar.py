"""Writes for calendar feeds: a person's secret feed address, created and renewed.

Calendar applications cannot log in, so the address itself is the key; renewing it replaces
the token, and the old address stops working at once. The token never goes into the audit
log."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.models import User
from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log
from inspir.governance.models import CalendarFeed


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _account(actor: AnyUser) -> User:
    if not isinstance(actor, User) or not actor.is_active:
        raise ValidationError(_("Log in to get a calendar address."))
    return actor


@transaction.atomic
def calendar_feed_create(*, actor: AnyUser) -> CalendarFeed:
    """The actor's feed address, created if they have none yet (asking twice gives the
    same address)."""
    user = _account(actor)
    feed, created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": new_token()})
    if created:
        audit_log(action="governance.calendar_feed.created", actor=actor, obj=feed)
    return feed


@transaction.atomic
def calendar_feed_renew(*, actor: AnyUser) -> CalendarFeed:
    """Give the actor's feed a new address; the old one is refused from now on."""
    user = _account(actor)
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        raise ValidationError(_("You have no calendar address to renew yet."))
    feed.token = new_token()
    feed.save(update_fields=["token"])
    audit_log(action="governance.calendar_feed.renewed", actor=actor, obj=feed)
    return feed

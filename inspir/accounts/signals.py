"""Reactions to allauth's events, and the events accounts tells the apps above it about.

`invitation_accepted` is sent by `services.invitation_accept` inside its transaction, with
`invitation` (the accepted Invitation) and `user` (the account that accepted it): the layers
above (notifications tells the inviter) listen without accounts naming them."""

from typing import Any

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa import signals
from allauth.mfa.models import Authenticator
from django.dispatch import Signal, receiver
from django.http import HttpRequest

from inspir.accounts.middleware import SECOND_FACTOR_METHOD, SECOND_FACTORS

invitation_accepted = Signal()


@receiver(signals.authenticator_added)
def second_factor_proved_by_setting_it_up(
    sender: type, request: HttpRequest, user: Any, authenticator: Authenticator, **kwargs: Any
) -> None:
    """Setting up an authenticator app or a security key means answering it once: the session
    has proved that factor, and is not asked for it again straight away."""
    if authenticator.type in SECOND_FACTORS:
        record_authentication(
            request, user, SECOND_FACTOR_METHOD, id=authenticator.pk, type=authenticator.type
        )

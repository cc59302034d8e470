"""The notice accounts' events make (decision 0024): "X accepted your invitation to INSP!R
Bénin", to the person who sent the invitation.

Accounts sits below notifications (core/tests/test_layers.py), so it names no notice: it
sends `inspir.accounts.signals.invitation_accepted` inside the accepting transaction, and
this module, connected from `NotificationsConfig.ready()`, registers the kind and tells the
inviter, once (the key "invitation:<pk>:accepted"), in the app and by e-mail in their own
language."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.models import Invitation
from inspir.core.mail_kinds import MessageGone
from inspir.notifications.kinds import NoticeKind, NoticeText, register_notice_kind
from inspir.notifications.services import notify_users

INVITATION_ACCEPTED = "accounts.invitation.accepted"


def _who(invitation: Invitation) -> str:
    account = invitation.accepted_by
    if account is None:
        return invitation.email
    return account.get_full_name().strip() or account.email


def _invitation_accepted(context: dict[str, Any], user: Any) -> NoticeText:
    invitation = (
        Invitation.objects.select_related("network", "accepted_by")
        .filter(pk=context["invitation"])
        .first()
    )
    if invitation is None:
        raise MessageGone(f"invitation {context['invitation']} no longer exists")
    return NoticeText(
        title=_("%(name)s accepted your invitation to %(network)s")
        % {"name": _who(invitation), "network": invitation.network.name},
        url=reverse("accounts_invitations"),
    )


KIND = NoticeKind(
    code=INVITATION_ACCEPTED,
    label=gettext_lazy("Someone I invited accepted the invitation"),
    render=_invitation_accepted,
)


def tell_the_inviter(sender: Any, *, invitation: Invitation, user: Any, **kwargs: Any) -> None:
    """Receiver of `invitation_accepted`: the inviter hears it, once."""
    if invitation.invited_by_id is None:
        return
    notify_users(
        kind=INVITATION_ACCEPTED,
        users=[invitation.invited_by],
        context={"invitation": invitation.pk},
        key=f"invitation:{invitation.pk}:accepted",
        network_id=invitation.network_id,
        actor=user,
    )


def connect() -> None:
    from inspir.accounts.signals import invitation_accepted

    register_notice_kind(KIND)
    invitation_accepted.connect(tell_the_inviter, dispatch_uid="notifications-invitation-accepted")

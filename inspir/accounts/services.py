"""Writes about accounts: invitations into networks, and roles."""

import datetime
import hashlib
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.accounts.emails import INVITATION_KIND
from inspir.accounts.models import Invitation, NetworkRole, Role, User
from inspir.accounts.permissions import Action, can, network_ids_where
from inspir.accounts.rules import INVITATION_TOPIC, ROLE_STRENGTH
from inspir.accounts.signals import invitation_accepted
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.mail import NotResendableError, notify, outgoing_resend
from inspir.core.mail_kinds import Recipient
from inspir.core.models import OutgoingEmail
from inspir.core.page_cache import registry_changed
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import Country, Network, Organisation, Person
from inspir.network.selectors import profile_organisations


class InvitationUnusableError(Invalid):
    """The invitation link cannot be used; `reason` says why, in words for the visitor."""

    def __init__(self, reason: Any):
        super().__init__(reason, code="unusable")
        self.reason = reason


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_email_send(*, invitation: Invitation, token: str) -> None:
    """Ask for the invitation e-mail, in the language the coordinator chose for it; the
    worker writes it (`inspir.accounts.emails`)."""
    notify(
        kind=INVITATION_KIND,
        recipients=[Recipient(address=invitation.email, language=invitation.language)],
        context={"invitation": invitation.pk, "token": token},
        topic=INVITATION_TOPIC,
        object_id=invitation.pk,
    )


@transaction.atomic
def invitation_create(
    *, network: Network, email: str, role: str, language: str, actor: Any
) -> tuple[Invitation, str]:
    """Invite `email` into `network` with `role`; returns the invitation and its secret token."""
    if not can(actor, Action.MANAGE_MEMBERS, network):
        raise Refused
    email = email.strip().lower()
    now = timezone.now()
    # A new invitation replaces any earlier one still pending for the same person and network.
    Invitation.objects.pending().filter(email=email, network=network).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        network=network,
        role=role,
        language=language,
        token_digest=token_digest(token),
        invited_by=actor,
        expires_at=now + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    audit_log(
        action="accounts.invitation.created",
        actor=actor,
        network=network,
        obj=invitation,
        changes={"email": [None, email], "role": [None, role]},
    )
    # Recorded with the invitation: committed together, or neither.
    invitation_email_send(invitation=invitation, token=token)
    return invitation, token


def invitation_get_by_token(token: str) -> Invitation:
    """The invitation behind a link, or InvitationUnusableError saying why it cannot be used."""
    try:
        invitation = Invitation.objects.select_related("network", "invited_by").get(
            token_digest=token_digest(token)
        )
    except Invitation.DoesNotExist as missing:
        raise InvitationUnusableError(_("This invitation link is not valid.")) from missing
    if invitation.revoked_at:
        raise InvitationUnusableError(
            _("This invitation was withdrawn. Ask your coordinator for a new one.")
        )
    if invitation.accepted_at:
        raise InvitationUnusableError(
            _("This invitation has already been used. Log in with your e-mail address.")
        )
    if invitation.expires_at <= timezone.now():
        raise InvitationUnusableError(
            _("This invitation has expired. Ask your coordinator for a new one.")
        )
    return invitation


def _grant_role(*, user: User, network: Network, role: str) -> None:
    existing = NetworkRole.objects.filter(user=user, network=network).first()
    if existing and ROLE_STRENGTH[Role(existing.role)] >= ROLE_STRENGTH[Role(role)]:
        return
    NetworkRole.objects.update_or_create(user=user, network=network, defaults={"role": role})


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: Any = None,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> User:
    """Accept an invitation: for a new person, create their account (the invitation proves
    their e-mail address); for someone already logged in as the invited address, add the role."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at or locked.revoked_at or locked.expires_at <= timezone.now():
        raise InvitationUnusableError(_("This invitation can no longer be used."))
    if user is not None and user.is_authenticated:
        if user.email.lower() != locked.email:
            raise InvitationUnusableError(
                _("This invitation is for another e-mail address. Log out first.")
            )
        account = user
    else:
        if User.objects.filter(email__iexact=locked.email).exists():
            raise InvitationUnusableError(
                _("An account with this e-mail address exists. Log in first, then open the link.")
            )
        account = User(email=locked.email, first_name=first_name, last_name=last_name)
        validate_password(password, account)
        account.set_password(password)
        account.save()
        EmailAddress.objects.create(user=account, email=locked.email, verified=True, primary=True)
    _grant_role(user=account, network=locked.network, role=locked.role)
    locked.accepted_at = timezone.now()
    locked.accepted_by = account
    locked.save(update_fields=["accepted_at", "accepted_by"])
    audit_log(
        action="accounts.invitation.accepted",
        actor=account,
        network=locked.network,
        obj=locked,
        changes={"role": [None, locked.role]},
    )
    # In the transaction: what the listeners write (the inviter's notice) commits with it.
    invitation_accepted.send(sender=Invitation, invitation=locked, user=account)
    return account


def invitation_emails(invitation: Invitation):
    """The e-mails sent for `invitation`, latest first."""
    return OutgoingEmail.objects.filter(
        topic=INVITATION_TOPIC, object_id=str(invitation.pk)
    ).order_by("-created_at", "-pk")


@transaction.atomic
def invitation_resend(*, invitation: Invitation, actor: Any) -> OutgoingEmail:
    """Send the invitation e-mail again when it was not delivered or its delivery is
    uncertain: the same message, link included, as a new e-mail."""
    if not can(actor, Action.MANAGE_MEMBERS, invitation.network):
        raise Refused
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at or locked.revoked_at or locked.is_expired:
        raise InvitationUnusableError(_("This invitation can no longer be used."))
    latest = invitation_emails(locked).first()
    if latest is None:
        raise NotResendableError
    return outgoing_resend(outgoing=latest, actor=actor, network=locked.network, checked=True)


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: Any) -> None:
    if not can(actor, Action.MANAGE_MEMBERS, invitation.network):
        raise Refused
    if invitation.accepted_at or invitation.revoked_at:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_log(
        action="accounts.invitation.revoked",
        actor=actor,
        network=invitation.network,
        obj=invitation,
    )


# What a person says about themselves in their profile (`profile_save`), as the audit names it.
PROFILE_FIELDS = (
    "name",
    "organisation",
    "country",
    "time_zone",
    "languages",
    "writes_languages",
    "phone",
)


def _profile_network(account: User, organisation: Organisation | None) -> Network | None:
    """The network a profile's audit entry belongs to: the one the person was invited into
    (their first role), else their organisation's."""
    role = NetworkRole.objects.filter(user=account).select_related("network").order_by("pk")
    first = role.first()
    if first is not None:
        return first.network
    if organisation is not None:
        membership = organisation.memberships.select_related("network").order_by("pk").first()
        return membership.network if membership else None
    return None


@transaction.atomic
def profile_save(
    *,
    user: Any,
    version: int,
    name: str,
    organisation: Organisation | None,
    country: Country | None,
    time_zone: str,
    languages: list[str],
    phone: str = "",
    writes_languages: list[str] | None = None,
) -> Person:
    """Save who `user` is in the network: create their person and link it to the account
    (`version` 0), or update the linked one if it is still at `version` (else
    `EditConflict`). The organisation must be a member of the user's networks (or the one
    already chosen); the country defaults to the organisation's, the zone to the country's
    main one. The person then belongs to the user's networks (network/selectors.py)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise Refused
    account = User.objects.select_for_update().get(pk=user.pk)
    if account.erased_at:
        raise Refused
    current: Person | None = None
    if account.person_id is not None:
        current = lock_version(Person, account.person_id, version)
    elif version:  # edited from a page showing a profile that no longer exists
        raise Invalid(_("This profile no longer exists. Open the page again."))
    allowed = profile_organisations(
        network_ids=network_ids_where(account, Action.VIEW_INTERNAL),
        keep=current.organisation_id if current is not None else None,
    )
    if organisation is not None and not allowed.filter(pk=organisation.pk).exists():
        raise Invalid(
            {"organisation": _("This organisation is not a member of your networks.")},
            code="organisation",
        )
    country = country or (organisation.country if organisation is not None else None)
    if country is None:
        raise Invalid({"country": _("Choose your country.")}, code="country")
    values = {
        "name": name.strip(),
        "organisation": organisation,
        "country": country,
        "time_zone": time_zone or country.main_time_zone,
        "languages": list(dict.fromkeys(languages)),
        "writes_languages": [
            code for code, _name in settings.LANGUAGES if code in (writes_languages or [])
        ],
        "phone": phone.strip(),
    }
    if current is None:
        person = Person(email=account.email, **values)
        person.full_clean()
        person.save()
        account.person = person
        account.save(update_fields=["person"])
        # The people lists kept under the registry version: stale once this is committed
        # (the person's own save said so before the link to the account was written).
        transaction.on_commit(registry_changed)
        before: dict[str, Any] = {}
    else:
        person = current
        before = {field: _audit_value(getattr(person, field)) for field in PROFILE_FIELDS}
        for field, value in values.items():
            setattr(person, field, value)
        if not person.email:
            person.email = account.email
        person.full_clean()
    after = {field: _audit_value(getattr(person, field)) for field in PROFILE_FIELDS}
    changes = field_changes(before, after)
    network = _profile_network(account, organisation)
    if current is None:
        audit_log(
            action="accounts.profile.created",
            actor=account,
            obj=person,
            network=network,
            changes=changes,
        )
    elif changes:
        save_version(person)
        audit_log(
            action="accounts.profile.updated",
            actor=account,
            obj=person,
            network=network,
            changes=changes,
        )
    return person


def _audit_value(value: Any) -> Any:
    return value.pk if hasattr(value, "pk") else value

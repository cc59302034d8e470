"""The first administrator of a new installation, and the link that sets their password.

The administrator is created without a password anyone knows: their password is unusable
until they choose one through a link made by allauth's password-reset machinery. That link
is single-use (its key is derived from the current password hash, which choosing a password
changes) and expires after Django's `PASSWORD_RESET_TIMEOUT`. Being staff, the administrator
is then sent by `RequireTwoFactorMiddleware` to set up a second factor before any internal
page opens."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from inspir.accounts.models import NetworkRole, Role, User
from inspir.core.audit import audit_log
from inspir.core.site import site_url
from inspir.network.models import Level, Network


class InstallationError(Exception):
    """The first administrator cannot be created as asked; the message says why."""


# Why a database may not become a real installation, asked by the apps that know: the demo
# refuses a database holding its log-ins, whose passwords are published (demo/apps.py). Each
# check returns the reason to refuse, or None.
InstallationRefusal = Callable[[], str | None]
_refusals: list[InstallationRefusal] = []


def register_installation_refusal(check: InstallationRefusal) -> None:
    if check not in _refusals:
        _refusals.append(check)


def installation_refusals() -> list[str]:
    """The reasons this database may not start a real installation (none: it may)."""
    return [reason for check in _refusals if (reason := check())]


@dataclass(frozen=True)
class PasswordLink:
    url: str
    expires_at: datetime.datetime


@dataclass(frozen=True)
class AdministratorStart:
    user: User
    created: bool
    link: PasswordLink | None  # None: the administrator exists and no new link was asked for
    coordinates: Network | None  # the network the administrator was made coordinator of


def password_link(*, user: User, language: str) -> PasswordLink:
    """A link that lets `user` choose a password once, in `language`, until it expires."""
    key = default_token_generator.make_token(user)
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
        )
    return PasswordLink(
        url=site_url(path),
        expires_at=timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
    )


def _normalised_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as invalid:
        raise InstallationError(f"{email!r} is not a valid e-mail address.") from invalid
    return email


def _link_for_existing(*, user: User, language: str, resend_link: bool) -> PasswordLink | None:
    if not (user.is_active and user.is_staff and user.is_superuser):
        raise InstallationError(
            f"An account with the address {user.email} exists but is not an administrator. "
            "It is left as it is: give the administrator role in the admin, or choose "
            "another address."
        )
    if not resend_link:
        return None
    if not user.has_usable_password():
        # A new unusable password changes the key the links are derived from: the links
        # printed before stop working, and only the new one opens.
        user.set_unusable_password()
        user.save(update_fields=["password"])
    audit_log(action="accounts.administrator.password_link_issued", actor=None, obj=user)
    return password_link(user=user, language=language)


@transaction.atomic
def first_administrator_start(
    *, email: str, name: str = "", language: str = "en", resend_link: bool = False
) -> AdministratorStart:
    """Create the installation's first administrator with no usable password and return the
    link that sets it. If they exist already, nothing changes; with `resend_link`, a new
    link replaces the earlier ones (as long as no password was chosen)."""
    email = _normalised_email(email)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        link = _link_for_existing(user=existing, language=language, resend_link=resend_link)
        return AdministratorStart(user=existing, created=False, link=link, coordinates=None)
    others = list(
        User.objects.filter(is_superuser=True, is_active=True, erased_at__isnull=True)
        .order_by("pk")
        .values_list("email", flat=True)
    )
    if others:
        raise InstallationError(
            "This installation already has an administrator: "
            + ", ".join(others)
            + ". Further administrators are added by an administrator, in the admin."
        )
    user = User(email=email, first_name=name.strip(), is_staff=True, is_superuser=True)
    user.set_unusable_password()
    user.save()
    # The operator who runs the installation vouches for the address; allauth lets only
    # people with a verified address set up a second factor.
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    # Coordination is a role in a network; the administrator coordinates the top network,
    # so the network has a coordinator from the first day (staff may do everything anyway).
    top = Network.objects.filter(level=Level.INTERCONTINENTAL, parent=None).order_by("pk").first()
    if top is not None:
        NetworkRole.objects.create(user=user, network=top, role=Role.COORDINATOR)
    audit_log(action="accounts.administrator.created", actor=None, obj=user, network=top)
    return AdministratorStart(
        user=user,
        created=True,
        link=password_link(user=user, language=language),
        coordinates=top,
    )

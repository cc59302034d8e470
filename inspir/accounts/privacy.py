"""A person's rights over their data: a copy of everything, and erasure.

Erasure removes or anonymises what identifies the person while keeping what the network
did with them: audit entries, decisions and edits still point at the account, which then
reads "former member"."""

import datetime
import io
import json
import zipfile
from typing import Any

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from inspir.accounts.models import Invitation, NetworkRole, User
from inspir.core.audit import audit_log
from inspir.core.personal_data import (
    PersonalDataProvider,
    Subject,
    erase_all,
    export_all,
)


def _json(data: Any) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _addresses(user: User) -> list[str]:
    """Every address the platform may have written to for `user`."""
    addresses = {user.email.lower()}
    addresses.update(
        a.lower() for a in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    if user.person is not None and user.person.email:
        addresses.add(user.person.email.lower())
    return sorted(a for a in addresses if a)


def subject_of(user: User) -> Subject:
    """`user` as every personal-data provider sees them."""
    return Subject(user=user, person=user.person, addresses=tuple(_addresses(user)))


def personal_data(user: User) -> dict[str, Any]:
    """Everything the platform holds about `user`, as plain data: what every app declared
    in the personal-data registry (core/personal_data.py)."""
    return export_all(subject_of(user))


def personal_data_zip(user: User) -> bytes:
    """A zip with one JSON file per kind of data and a short README."""
    data = personal_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            "Your data on the INSP!R platform, exported on "
            f"{timezone.now():%Y-%m-%d %H:%M} UTC. Each file is JSON (UTF-8).\n",
        )
        for name, part in data.items():
            archive.writestr(f"{name}.json", _json(part))
    return buffer.getvalue()


@transaction.atomic
def account_erase(*, user: User, actor: Any) -> None:
    """Remove what identifies `user`; keep the account row as "former member".

    Every app's provider erases its own part (each says what it deletes and what it keeps);
    the account itself is anonymised by this app's provider below."""
    subject = subject_of(user)
    audit_log(action="accounts.user.erased", actor=actor, obj=user)
    erase_all(subject)


def _accounts_export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
        },
        "roles": [
            {"network": role.network.name, "role": role.role}
            for role in NetworkRole.objects.filter(user=user).select_related("network")
        ],
        "invitations_received": list(
            Invitation.objects.filter(email__iexact=user.email).values(
                "network__name", "role", "created_at", "accepted_at"
            )
        ),
        "invitations_sent": list(
            Invitation.objects.filter(invited_by=user).values(
                "email", "network__name", "role", "created_at", "accepted_at"
            )
        ),
    }
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        data["account"]["second_factors"] = list(
            Authenticator.objects.filter(user=user).values("type", "created_at", "last_used_at")
        )
    if apps.is_installed("django.contrib.admin"):
        from django.contrib.admin.models import LogEntry

        data["admin_actions"] = list(
            LogEntry.objects.filter(user=user).values(
                "action_time", "content_type__model", "object_repr", "change_message"
            )
        )
    return data


def _accounts_erase(subject: Subject) -> None:
    """User: the row stays (audit entries, decisions and edits point at it) and reads
    "former member": no name, an invalid address, no password, no rights, no person.
    NetworkRole, EmailAddress, Authenticator, sessions: deleted. Invitation: those still
    open to their address are deleted; accepted ones and those they sent stay, the network's
    record of who brought whom, their `accepted_by`/`invited_by` reading "former member".
    LogEntry (administration history): kept, as audit entries are."""
    user = subject.user
    NetworkRole.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
    _delete_sessions_of(user)
    user.email = f"erased-{user.pk}@invalid"
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.person = None
    user.erased_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        Authenticator.objects.filter(user=user).delete()


ACCOUNTS_PROVIDER = PersonalDataProvider(
    name="accounts",
    models=(
        "accounts.User",
        "accounts.NetworkRole",
        "accounts.Invitation",
        "account.EmailAddress",
        "mfa.Authenticator",
        "admin.LogEntry",
    ),
    export=_accounts_export,
    erase=_accounts_erase,
)


def _delete_sessions_of(user: User) -> None:
    """Log the person out everywhere (database sessions hold the user's id)."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def inactive_accounts(now: datetime.datetime | None = None):
    """Accounts unused for longer than ACCOUNT_RETENTION_DAYS, staff excepted."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.ACCOUNT_RETENTION_DAYS)
    never_used = User.objects.filter(last_login__isnull=True, date_joined__lt=limit)
    unused = User.objects.filter(last_login__lt=limit)
    return (never_used | unused).filter(erased_at__isnull=True, is_staff=False)


def retention_apply(now: datetime.datetime | None = None) -> int:
    """Erase the accounts past the retention period; returns how many."""
    accounts = list(inactive_accounts(now))
    for user in accounts:
        account_erase(user=user, actor=None)
    return len(accounts)

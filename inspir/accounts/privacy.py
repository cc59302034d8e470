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
from django.db.models import Q
from django.utils import timezone

from inspir.accounts.models import Invitation, NetworkRole, User
from inspir.core.audit import audit_log
from inspir.core.models import AuditEntry, FormSubmission, OutgoingEmail


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


def _emails_to(user: User):
    """The e-mails the platform sent, or tried to send, to `user`'s addresses."""
    match = Q()
    for address in _addresses(user):
        match |= Q(recipient__iexact=address)
    return OutgoingEmail.objects.filter(match) if match else OutgoingEmail.objects.none()


def personal_data(user: User) -> dict[str, Any]:
    """Everything the platform holds about `user`, as plain data."""
    person = user.person
    return {
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
        "person": None
        if person is None
        else {
            "name": person.name,
            "organisation": person.organisation.name if person.organisation else None,
            "country": person.country.code,
            "time_zone": person.time_zone,
            "languages": person.languages,
            "email": person.email,
        },
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
        "activity": list(
            AuditEntry.objects.filter(actor=user).values(
                "created_at", "action", "network__name", "object_repr", "changes"
            )
        ),
        # Their content is kept SENT_EMAIL_RETENTION_DAYS after sending, then emptied.
        "emails_received": list(
            _emails_to(user)
            .order_by("created_at", "pk")
            .values("created_at", "recipient", "subject", "body", "status", "sent_at")
        ),
    }


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
    """Remove what identifies `user`; keep the account row as "former member"."""
    person = user.person
    audit_log(action="accounts.user.erased", actor=actor, obj=user)
    _emails_to(user).delete()  # addresses and contents of the mail they were sent
    if person is not None:
        person.name = "—"
        person.email = ""
        person.languages = []
        person.save(update_fields=["name", "email", "languages"])
    NetworkRole.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    FormSubmission.objects.filter(user=user).delete()  # which pages they sent forms from
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
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        Authenticator.objects.filter(user=user).delete()


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

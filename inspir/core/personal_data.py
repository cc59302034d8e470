"""The registry of personal data: each app declares which of its models hold data about a
person, how to copy that data out ("download all my data") and what erasure does to it.

Apps register one provider each from their `AppConfig.ready()`; the export and the erasure
(`accounts/privacy.py`) run every registered provider, so a new domain brings its own data
along without the account code knowing it. A test walks every installed model and fails
when one that points at a user or a person is covered by no provider (decision 0018)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Subject:
    """The person whose data is copied or erased, worked out once before any provider runs
    (erasure changes the account, so the providers must all see it as it was)."""

    user: Any
    person: Any | None
    addresses: tuple[str, ...]  # every address the platform may have written to, lower case


@dataclass(frozen=True)
class PersonalDataProvider:
    """What one app holds about a person.

    `models` lists the "app_label.ModelName" of every model the provider answers for, in
    both directions: `export` returns {file name: plain data} for the download, one JSON
    file per name, and `erase` deletes or anonymises, as its docstring says model by model."""

    name: str
    models: tuple[str, ...]
    export: Callable[[Subject], dict[str, Any]]
    erase: Callable[[Subject], None]


_providers: dict[str, PersonalDataProvider] = {}


def register_provider(provider: PersonalDataProvider) -> None:
    """Called from an app's `ready()`; registering the same name again replaces it."""
    _providers[provider.name] = provider


def providers() -> list[PersonalDataProvider]:
    return list(_providers.values())


def covered_models() -> set[str]:
    return {label for provider in _providers.values() for label in provider.models}


def export_all(subject: Subject) -> dict[str, Any]:
    """Every provider's files, merged; two providers may not write the same file."""
    data: dict[str, Any] = {}
    for provider in _providers.values():
        part = provider.export(subject)
        clash = data.keys() & part.keys()
        if clash:
            raise ValueError(f"{provider.name} exports {sorted(clash)} twice")
        data.update(part)
    return data


def erase_all(subject: Subject) -> None:
    """Every provider's erasure, in the order the apps were registered."""
    for provider in _providers.values():
        provider.erase(subject)


# ---------------------------------------------------------------------------------------------
# The platform's own records (core registers this provider in its `ready()`)
# ---------------------------------------------------------------------------------------------


def _emails_to(subject: Subject):
    """The e-mails the platform sent, or tried to send, to the subject's addresses."""
    from django.db.models import Q

    from inspir.core.models import OutgoingEmail

    match = Q()
    for address in subject.addresses:
        match |= Q(recipient__iexact=address)
    return OutgoingEmail.objects.filter(match) if match else OutgoingEmail.objects.none()


def _core_export(subject: Subject) -> dict[str, Any]:
    from django.db.models import Q

    from inspir.core.models import AuditEntry, Revision, TextTranslation

    return {
        # The versions of tracked records (minutes, profiles) they saved, with what they held.
        "revisions_saved": list(
            Revision.objects.filter(author=subject.user)
            .order_by("created_at", "pk")
            .values(
                "created_at",
                "content_type__app_label",
                "content_type__model",
                "object_id",
                "version",
                "snapshot",
                "note",
            )
        ),
        "activity": list(
            AuditEntry.objects.filter(actor=subject.user).values(
                "created_at", "action", "network__name", "object_repr", "changes"
            )
        ),
        # The translations of members' texts they made or reviewed.
        "translations": list(
            TextTranslation.objects.filter(
                Q(translated_by=subject.user) | Q(reviewed_by=subject.user)
            )
            .order_by("updated_at", "pk")
            .values(
                "updated_at",
                "original__content_type__app_label",
                "original__content_type__model",
                "original__object_id",
                "original__field",
                "language",
                "text",
                "status",
            )
        ),
        # Their content is kept SENT_EMAIL_RETENTION_DAYS after sending, then emptied.
        "emails_received": list(
            _emails_to(subject)
            .order_by("created_at", "pk")
            .values("created_at", "recipient", "subject", "body", "status", "sent_at")
        ),
    }


def _core_erase(subject: Subject) -> None:
    """AuditEntry: kept, the network's record of what was done; its actor now reads
    "former member". OutgoingEmail: the mail sent to the person's addresses is deleted
    (address and content); a failed e-mail an operator dismissed keeps `dismissed_by`,
    which reads "former member". FormSubmission: deleted (which pages they sent forms from).
    Revision: kept, the record's history (what the minutes or the profile said); its author
    now reads "former member". TextTranslation: kept, the text in another language that
    members read; who made or reviewed it now reads "former member"."""
    from inspir.core.models import FormSubmission

    _emails_to(subject).delete()
    FormSubmission.objects.filter(user=subject.user).delete()


CORE_PROVIDER = PersonalDataProvider(
    name="core",
    models=(
        "core.AuditEntry",
        "core.FormSubmission",
        "core.OutgoingEmail",
        "core.Revision",
        "core.TextTranslation",
    ),
    export=_core_export,
    erase=_core_erase,
)

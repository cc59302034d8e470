"""What translations holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): where they were named translator, and what they asked
to have translated. Both served the person alone: erasure deletes them. The translations
they made are the platform's texts (core's provider keeps them, without their name)."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.translations.models import TranslationRequest, Translator


def _export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    return {
        "translator_of": list(
            Translator.objects.filter(user=user)
            .order_by("pk")
            .values("network__name", "languages", "named_at")
        ),
        "translation_requests": list(
            TranslationRequest.objects.filter(requested_by=user)
            .order_by("requested_at", "pk")
            .values("original_id", "language", "requested_at", "answered_at")
        ),
    }


def _erase(subject: Subject) -> None:
    """Translator, TranslationRequest: deleted."""
    Translator.objects.filter(user=subject.user).delete()
    TranslationRequest.objects.filter(requested_by=subject.user).delete()


TRANSLATIONS_PROVIDER = PersonalDataProvider(
    name="translations",
    models=("translations.Translator", "translations.TranslationRequest"),
    export=_export,
    erase=_erase,
)

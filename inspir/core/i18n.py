"""The platform's languages and the reader's. What members write is kept in the language it
was written in, with its translations beside it (`inspir/core/texts.py`, decision 0027)."""

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in language_codes() else settings.LANGUAGE_CODE


def language_name(code: str) -> str:
    """A language's name as written mid-sentence in the reader's language ("francés")."""
    return str(Locale.parse(current_language()).languages.get(code, code))

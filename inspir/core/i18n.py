"""Content written by members in one language, shown in every language.

Translatable content is stored as one column per platform language (`description_fr`,
`description_en`, `description_es`). A reader sees their own language when it exists, and
otherwise the first language that has text, marked as a fallback so that nobody mistakes it
for a missing translation or an error."""

from dataclasses import dataclass

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in language_codes() else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str
    is_fallback: bool


def localized(obj: object, field: str) -> LocalizedText | None:
    """The text of `field` in the reader's language, else in the first language that has it."""
    wanted = current_language()
    order = [wanted] + [code for code in language_codes() if code != wanted]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value.strip():
            return LocalizedText(text=value, language=code, is_fallback=code != wanted)
    return None


def language_name(code: str) -> str:
    """A language's name as written mid-sentence in the reader's language ("francés")."""
    return str(Locale.parse(current_language()).languages.get(code, code))

"""Which fields of this app hold prose to translate (core/texts.py): none."""

from inspir.core.texts import not_prose


def declare_texts() -> None:
    from inspir.translations.models import TranslationRequest

    not_prose(TranslationRequest, "language", reason="a language code")

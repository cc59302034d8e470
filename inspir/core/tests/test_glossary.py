"""One glossary of the network's words (locale/glossary.toml) and one register ("vous",
"usted"): no catalogue translates a term by a variant the glossary rejects, nor addresses the
reader as "tu" / "tú"."""

import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GLOSSARY = tomllib.loads((ROOT / "locale" / "glossary.toml").read_text(encoding="utf-8"))
LANGUAGES = ("fr", "en", "es")


def catalogue_strings(language: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) of every translation in a catalogue, plural forms included."""
    with (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        catalogue = read_po(po)
    found = []
    for message in catalogue:
        if not message.id:
            continue  # the header
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        found.extend((msgid, text) for text in texts if text)
    return found


def whole_word(words: list[str]) -> re.Pattern[str]:
    """Any of `words`, case-insensitive, not inside a longer word ("ta" is not in "total")."""
    alternatives = "|".join(
        re.escape(w).replace("'", "['’]") + ("" if w.endswith("'") else r"(?![\w-])") for w in words
    )
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})", re.IGNORECASE)


def offences(language: str, words: list[str]) -> list[str]:
    pattern = whole_word(words)
    return [
        f"{pattern.search(text).group(0)!r} in {text!r} (msgid {msgid!r})"  # type: ignore[union-attr]
        for msgid, text in catalogue_strings(language)
        if pattern.search(text)
    ]


def test_the_checks_find_what_they_look_for():
    assert whole_word(["comité de coordinación"]).search("su Comité de Coordinación.")
    assert whole_word(["tu"]).search("Tu versión")
    assert whole_word(["t'"]).search("on t’appelle")
    assert not whole_word(["ta", "tu", "te"]).search("total, tutela, texto, état, Attente")
    assert not whole_word(["consensus"]).search("consensuses")


def test_every_term_has_its_three_words_and_a_note():
    keys = [term["key"] for term in GLOSSARY["term"]]
    assert len(keys) == len(set(keys))
    for term in GLOSSARY["term"]:
        assert all(term.get(language) for language in LANGUAGES), term["key"]
        assert term.get("note"), term["key"]
        for language in LANGUAGES:
            # A term never rejects its own chosen word.
            chosen = whole_word([term[language]])
            assert not any(chosen.fullmatch(v) for v in term.get(f"rejected_{language}", []))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_catalogue_uses_a_rejected_variant(language):
    rejected = [v for term in GLOSSARY["term"] for v in term.get(f"rejected_{language}", [])]
    assert rejected, "the glossary rejects no variant in this language"
    assert offences(language, rejected) == []


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_catalogue_addresses_the_reader_in_one_register(language):
    assert offences(language, GLOSSARY["register"][language]) == []


def test_the_glossary_page_lists_every_term_and_rejected_variant():
    page = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for term in GLOSSARY["term"]:
        for language in LANGUAGES:
            for word in [term[language], *term.get(f"rejected_{language}", [])]:
                assert word in page, (term["key"], word)

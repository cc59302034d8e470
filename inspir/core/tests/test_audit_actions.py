"""Every audit action code the platform writes reads as a sentence in the activity log, in
French and Spanish too: a code added to a service without its description fails here."""

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation

from inspir.core.actions import action_label, registered

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def written_codes() -> dict[str, str]:
    """Each code passed to `audit_log(action=...)` outside the tests, with where it is
    written. A code built at run time cannot be checked, so it fails here."""
    codes: dict[str, str] = {}
    for path in sorted(ROOT.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "audit_log":
                continue
            where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            action = next((k.value for k in node.keywords if k.arg == "action"), None)
            if not (isinstance(action, ast.Constant) and isinstance(action.value, str)):
                pytest.fail(f"{where}: audit_log needs its action code written out")
            codes[action.value] = where
    return codes


def test_the_scan_finds_the_codes_of_every_app():
    apps = {code.split(".")[0] for code in written_codes()}

    assert apps == {
        "accounts",
        "advocacy",
        "core",
        "financing",
        "governance",
        "learning",
        "network",
        "planning",
        "translations",
        "newsletters",  # newsletters
        "website",  # website
        "reports",  # reports
    }
    assert "governance.proposal.forwarded" in written_codes()


def test_only_audit_log_writes_entries():
    direct = [
        path
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "audit.py"
        and "AuditEntry.objects.create" in path.read_text()
    ]

    assert direct == []


def test_every_written_code_is_described():
    missing = {code: where for code, where in written_codes().items() if code not in registered()}

    assert missing == {}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_sentence_is_translated_with_the_same_placeholders(language):
    untranslated = []
    for code, spec in registered().items():
        with translation.override("en"):
            english = str(spec.sentence)
        with translation.override(language):
            translated = str(spec.sentence)
        if translated == english or sorted(PLACEHOLDER.findall(translated)) != sorted(
            PLACEHOLDER.findall(english)
        ):
            untranslated.append(code)

    assert untranslated == []


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_filter_names_every_code_and_prefix_in_words(language):
    prefixes = set()
    for code in written_codes():
        parts = code.split(".")
        prefixes.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))

    with translation.override(language):
        named = {prefix: action_label(prefix) for prefix in prefixes}

    assert [prefix for prefix, label in named.items() if label == prefix] == []
    with translation.override(language):
        assert (
            named["governance.proposal.forwarded"]
            == {
                "en": "… forwarded the proposal … from … to …",
                "fr": "… a transmis la proposition … du réseau … au réseau …",
                "es": "… remitió la propuesta … de … a …",
            }[language]
        )

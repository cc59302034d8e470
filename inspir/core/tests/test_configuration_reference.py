"""The configuration reference lists every variable the settings read, described, and the
committed docs/configuration.md is what the code says (regenerate: make configuration)."""

import pytest

from config import reference


def test_every_variable_read_is_described_and_every_description_is_read():
    assert reference.problems() == []


def test_the_committed_reference_is_up_to_date():
    assert reference.DOCUMENT.read_text(encoding="utf-8") == reference.render(), (
        "docs/configuration.md is out of date: run `make configuration`"
    )


def test_the_reference_names_each_variable_with_its_default():
    text = reference.render()

    assert "| `TRUSTED_PROXY_COUNT` | every profile | `0` |" in text
    assert "`0` (every profile); `60` (production)" in text  # DATABASE_CONN_MAX_AGE
    assert "| `GUNICORN_WORKERS` | gunicorn | `3` |" in text


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    path = tmp_path / "extra_settings.py"
    monkeypatch.setitem(reference.SOURCES, str(path), "an extra profile")
    return path


def test_a_new_variable_without_a_description_is_reported(settings_file):
    settings_file.write_text(
        "import os\n"
        "A = env_bool('NEW_FLAG', False)\n"
        "B = os.environ['NEW_REQUIRED']\n"
        "C = 'NEW_PRESENCE' in os.environ\n"
        "D = int(os.getenv('NEW_NUMBER', '3'))\n"
    )

    assert reference.problems() == [
        f"{name}: read by the settings but not described in config/reference.py"
        for name in ["NEW_FLAG", "NEW_NUMBER", "NEW_PRESENCE", "NEW_REQUIRED"]
    ]


def test_a_variable_whose_name_cannot_be_read_from_the_source_is_refused(settings_file):
    settings_file.write_text("import os\nNAME = 'X' + 'Y'\nVALUE = os.environ.get(NAME)\n")

    with pytest.raises(reference.UnreadableVariableError, match="extra_settings.py:3"):
        reference.reads()


def test_a_description_left_behind_is_reported(monkeypatch):
    monkeypatch.setitem(
        reference.VARIABLES, "GONE_VARIABLE", reference.Variable("Database", "no longer read")
    )

    assert reference.problems() == [
        "GONE_VARIABLE: described in config/reference.py but read nowhere"
    ]

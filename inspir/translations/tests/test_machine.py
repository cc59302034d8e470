"""Machine translation through a real HTTP server speaking LibreTranslate's API: what is sent,
what comes back, how each failure reads, and that nothing is sent when it is not configured."""

import logging
import time

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import reference
from inspir.translations.machine import (
    LibreTranslate,
    MachineTranslationError,
    machine_translation_check,
    machine_translator,
)
from inspir.translations.tests.libretranslate import fake_translation

TEXT = "Réunion du comité de Bénin\nÀ bientôt"


def translate(text: str = TEXT, *, source: str = "fr", target: str = "es") -> str:
    translator = machine_translator()
    assert translator is not None
    return translator.translate(text, source=source, target=target)


def failure(**languages: str) -> MachineTranslationError:
    with pytest.raises(MachineTranslationError) as raised:
        translate(**languages)
    return raised.value


def test_a_text_comes_back_as_the_service_translated_it(libretranslate):
    assert translate() == fake_translation(TEXT, source="fr", target="es")
    assert translate() == "[es] Bénin de comité du Réunion\nbientôt À"


def test_the_request_is_libretranslate_json_without_a_key_when_none_is_configured(
    libretranslate,
):
    translate()

    assert libretranslate.requests == [
        {"q": TEXT, "source": "fr", "target": "es", "format": "text"}
    ]
    (hit,) = libretranslate.hits
    assert (hit.method, hit.path) == ("POST", "/translate")
    assert hit.headers["User-Agent"].startswith("INSPIR/")


def test_the_configured_api_key_goes_with_the_text(libretranslate, settings):
    libretranslate.api_key = "the-server-key"
    settings.MACHINE_TRANSLATION_API_KEY = "the-server-key"

    assert translate(source="en", target="fr").startswith("[fr] ")
    assert libretranslate.requests[0]["api_key"] == "the-server-key"


def test_a_base_address_with_a_path_and_a_final_slash_is_followed_by_translate(
    libretranslate, settings
):
    translator = LibreTranslate(libretranslate.url + "/", timeout=5)

    translator.translate("Hello", source="en", target="es")

    assert [hit.path for hit in libretranslate.hits] == ["/translate"]


def test_the_service_is_named_by_its_host_for_people(libretranslate):
    port = libretranslate.url.rsplit(":", 1)[1]

    assert machine_translator().name == f"LibreTranslate (127.0.0.1:{port})"
    assert LibreTranslate("https://translate.example.org/").name == (
        "LibreTranslate (translate.example.org)"
    )


def test_an_empty_text_is_not_sent(libretranslate):
    assert translate("  \n") == "  \n"
    assert libretranslate.hits == []


def test_a_key_the_service_wants_but_is_not_configured(libretranslate):
    libretranslate.api_key = "the-server-key"

    error = failure()

    assert error.reason == "key_missing"
    assert error.status == 400
    assert "asks for an API key and none is configured" in str(error)


def test_a_key_the_service_refuses(libretranslate, settings):
    libretranslate.api_key = "the-server-key"
    settings.MACHINE_TRANSLATION_API_KEY = "an-old-key"

    error = failure()

    assert (error.reason, error.status, error.detail) == ("key_refused", 403, "Invalid API key")
    assert "refused the platform's API key" in str(error)


def test_languages_the_service_does_not_offer_are_named_in_the_message(libretranslate):
    error = failure(source="fr", target="de")

    assert (error.reason, error.status, error.detail) == ("refused", 400, "de is not supported")
    assert "could not translate this text from French to German" in str(error)


@pytest.mark.parametrize(
    ("status", "reason", "message"),
    [
        (429, "rate_limited", "has received too many requests"),
        (500, "server_error", "failed while translating this text"),
        (503, "server_error", "failed while translating this text"),
        (404, "unexpected", "unexpected error (HTTP 404)"),
    ],
)
def test_an_error_status_becomes_a_message(libretranslate, status, reason, message):
    libretranslate.error_status = status

    error = failure()

    assert (error.reason, error.status) == (reason, status)
    assert message in str(error)


def test_a_redirect_is_not_followed(libretranslate):
    libretranslate.redirect_to = libretranslate.url + "/languages"

    error = failure()

    assert (error.reason, error.status) == ("unexpected", 303)
    assert [hit.method for hit in libretranslate.hits] == ["POST"]


def test_an_answer_that_is_not_json_is_reported(libretranslate):
    libretranslate.malformed = True

    error = failure()

    assert error.reason == "bad_answer"
    assert "sent an answer the platform cannot read" in str(error)


def test_a_service_that_does_not_answer_in_time(libretranslate, settings):
    libretranslate.hang = True
    settings.MACHINE_TRANSLATION_TIMEOUT = 0.3
    started = time.monotonic()

    error = failure()

    assert time.monotonic() - started < 3
    assert error.reason == "timeout"
    assert "did not answer in time" in str(error)
    assert len(libretranslate.requests) == 1  # the text was sent; the answer never came


def test_a_service_that_is_down(libretranslate):
    libretranslate.stop()

    error = failure()

    assert error.reason == "unreachable"
    assert "cannot be reached" in str(error)


def test_neither_the_text_nor_the_key_is_logged(libretranslate, settings, caplog):
    libretranslate.api_key = "the-server-key"
    settings.MACHINE_TRANSLATION_API_KEY = "an-old-key"
    caplog.set_level(logging.DEBUG)

    error = failure()

    assert "key_refused" in caplog.text  # the failure is logged…
    for secret in ("an-old-key", "Réunion", "Bénin"):  # …without what was sent
        assert secret not in caplog.text
        assert secret not in str(error)
        assert secret not in repr(error)
        assert secret not in repr(machine_translator())


# Not configured: nothing is sent anywhere.


def test_without_an_address_there_is_no_translator_and_nothing_is_sent(
    libretranslate_server, settings
):
    settings.MACHINE_TRANSLATION_URL = ""
    settings.MACHINE_TRANSLATION_API_KEY = "a-key-alone-turns-nothing-on"

    assert machine_translator() is None
    assert machine_translation_check() == []
    assert libretranslate_server.hits == []
    assert libretranslate_server.requests == []


def test_machine_translation_is_off_unless_the_environment_says_otherwise():
    (read,) = [read for read in reference.reads() if read.name == "MACHINE_TRANSLATION_URL"]

    assert read.default == "''"


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/hosts",
        "ftp://127.0.0.1:{port}/",
        "127.0.0.1:{port}",
        "http://user:password@127.0.0.1:{port}",
        "https://",
    ],
)
def test_an_address_that_is_not_a_web_service_is_refused(libretranslate, settings, address):
    port = libretranslate.url.rsplit(":", 1)[1]
    settings.MACHINE_TRANSLATION_URL = address.format(port=port)

    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATION_URL"):
        machine_translator()
    (problem,) = machine_translation_check()
    assert problem.id == "translations.E001"
    assert libretranslate.hits == []


def test_a_web_address_passes_the_check(settings):
    settings.MACHINE_TRANSLATION_URL = "https://translate.example.org/libretranslate"

    assert machine_translation_check() == []


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf")])
def test_a_timeout_that_is_not_a_positive_number_is_refused(settings, timeout):
    settings.MACHINE_TRANSLATION_URL = "https://translate.example.org"
    settings.MACHINE_TRANSLATION_TIMEOUT = timeout

    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATION_TIMEOUT"):
        machine_translator()
    assert [problem.id for problem in machine_translation_check()] == ["translations.E001"]

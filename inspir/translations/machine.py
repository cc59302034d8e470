"""Machine translation: an option an installation turns on, never the default.

Member-written texts are translated by people. An installation may also name a machine
translation service, a LibreTranslate server (ideally its own), in `MACHINE_TRANSLATION_URL`;
a translator can then ask it for a draft, which stays a draft until a person has reviewed it.
With no URL, `machine_translator()` is None and no text ever leaves the platform.

The service is reached over HTTP(S) only, without following redirects, and neither the text nor
the API key is ever written to the logs."""

import http.client
import json
import logging
import math
import urllib.error
import urllib.request
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from inspir import __version__

logger = logging.getLogger(__name__)

# What went wrong, for callers that act on it (a retry button for "timeout", say) and for tests;
# what to tell people is the exception's str().
Reason = Literal[
    "unreachable",  # refused connection, unknown host, TLS failure, dropped connection
    "timeout",  # no answer within MACHINE_TRANSLATION_TIMEOUT seconds
    "rate_limited",  # 429: too many requests for the service
    "key_missing",  # the service wants an API key and none is configured
    "key_refused",  # the service refused the configured API key
    "refused",  # 400: languages not offered, text too long…
    "server_error",  # 5xx
    "unexpected",  # any other status: a redirect (not followed), a wrong address (404)…
    "bad_answer",  # 200, but not the JSON LibreTranslate sends
]

_MESSAGES: dict[Reason, Promise] = {
    "unreachable": _(
        "The machine translation service cannot be reached. Try again later, or translate "
        "the text yourself."
    ),
    "timeout": _(
        "The machine translation service did not answer in time. Try again later, or "
        "translate the text yourself."
    ),
    "rate_limited": _(
        "The machine translation service has received too many requests. Wait a few minutes "
        "and try again."
    ),
    "key_missing": _(
        "The machine translation service asks for an API key and none is configured: an "
        "administrator needs to set one."
    ),
    "key_refused": _(
        "The machine translation service refused the platform's API key: an administrator "
        "needs to check it."
    ),
    "refused": _(
        "The machine translation service could not translate this text from %(source)s to "
        "%(target)s: it may not offer these languages, or the text may be too long for it."
    ),
    "server_error": _(
        "The machine translation service failed while translating this text. Try again later."
    ),
    "unexpected": _(
        "The machine translation service answered with an unexpected error (HTTP %(status)s)."
    ),
    "bad_answer": _("The machine translation service sent an answer the platform cannot read."),
}

# Generous for any member's text (LibreTranslate answers a few times the text's size), small
# enough that a wrong address serving a huge file cannot fill the memory.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
# Of an error answer, only LibreTranslate's short {"error": "..."} is read.
MAX_ERROR_BYTES = 64 * 1024


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


class MachineTranslationError(Exception):
    """The service did not translate the text. str() is a message for the person who asked, in
    the language active when it is read; `reason` says what went wrong (see `Reason`),
    `status` the HTTP status if there was one, `detail` the service's own explanation
    (untranslated, for administrators; never the text)."""

    def __init__(
        self,
        reason: Reason,
        *,
        status: int | None = None,
        detail: str = "",
        source: str = "",
        target: str = "",
    ) -> None:
        super().__init__(reason)
        self.reason: Reason = reason
        self.status = status
        self.detail = detail
        self.source = source
        self.target = target

    def __str__(self) -> str:
        message = str(_MESSAGES[self.reason])
        if self.reason == "refused":
            return message % {
                "source": _language_name(self.source),
                "target": _language_name(self.target),
            }
        if self.reason == "unexpected":
            return message % {"status": self.status}
        return message


class MachineTranslator(Protocol):
    # Shown to people, to say where a draft came from: "LibreTranslate (translate.example.org)".
    name: str

    def translate(self, text: str, *, source: str, target: str) -> str:
        """`text` in `target`, from `source` (language codes: "fr", "en", "es").
        Raises MachineTranslationError."""
        ...


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a machine translation service's base address, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return (
            f"MACHINE_TRANSLATION_URL must be an http:// or https:// address, not {url!r}: "
            "texts are only ever sent to a web service."
        )
    if not parts.hostname:
        return f"MACHINE_TRANSLATION_URL {url!r} names no host."
    if parts.username is not None or parts.password is not None:
        return (
            "MACHINE_TRANSLATION_URL must not hold a user name or password: put the service's "
            "key in MACHINE_TRANSLATION_API_KEY."
        )
    if parts.query or parts.fragment:
        return (
            f"MACHINE_TRANSLATION_URL {url!r} must be the service's base address, without "
            "'?' or '#'."
        )
    try:
        parts.port  # noqa: B018 - reading it validates it
    except ValueError:
        return f"MACHINE_TRANSLATION_URL {url!r} has an invalid port."
    return None


def timeout_problem(timeout: float) -> str | None:
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        return f"MACHINE_TRANSLATION_TIMEOUT must be a positive number of seconds, not {timeout!r}."
    return None


def _only_http_opener() -> urllib.request.OpenerDirector:
    """An opener that speaks HTTP(S) and nothing else (no file:, ftp: or data: URLs) and does
    not follow redirects: the text goes to the configured server or nowhere. Proxies named in
    the environment (https_proxy, no_proxy) are honoured, as by any HTTP client."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


class LibreTranslate:
    """A LibreTranslate server's POST /translate: JSON {q, source, target, format, api_key}
    in, {"translatedText": "..."} out, {"error": "..."} with a 4xx/5xx status on failure."""

    def __init__(self, url: str, *, api_key: str = "", timeout: float = 20) -> None:
        problem = url_problem(url) or timeout_problem(timeout)
        if problem:
            raise ImproperlyConfigured(problem)
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        if parts.port is not None:
            host = f"{host}:{parts.port}"
        self.name = f"LibreTranslate ({host})"

    def __repr__(self) -> str:
        return f"<LibreTranslate {self.url}>"  # never the key

    def translate(self, text: str, *, source: str, target: str) -> str:
        if not text.strip():
            return text  # nothing to translate: nothing is sent
        payload = {"q": text, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            f"{self.url}/translate",
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": f"INSPIR/{__version__} (+{settings.SITE_URL})",
            },
            method="POST",
        )
        try:
            with _only_http_opener().open(request, timeout=self.timeout) as response:
                body = response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise self._failure(error, source=source, target=target) from error
        except urllib.error.URLError as error:
            reason: Reason = "timeout" if isinstance(error.reason, TimeoutError) else "unreachable"
            raise self._logged(MachineTranslationError(reason)) from error
        except TimeoutError as error:  # the answer stopped coming, after the connection
            raise self._logged(MachineTranslationError("timeout")) from error
        except OSError as error:  # connection reset or closed before an answer
            raise self._logged(MachineTranslationError("unreachable")) from error
        except http.client.HTTPException as error:  # not HTTP, or cut short
            raise self._logged(MachineTranslationError("bad_answer")) from error
        return self._translated_text(body)

    def _translated_text(self, body: bytes) -> str:
        if len(body) > MAX_ANSWER_BYTES:
            raise self._logged(MachineTranslationError("bad_answer", detail="answer too large"))
        try:
            answer = json.loads(body)
        except ValueError as error:  # not JSON, or not UTF-8
            raise self._logged(MachineTranslationError("bad_answer", detail="not JSON")) from error
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, str):
            raise self._logged(
                MachineTranslationError("bad_answer", detail="no translatedText in the answer")
            )
        return translated

    def _failure(
        self, error: urllib.error.HTTPError, *, source: str, target: str
    ) -> MachineTranslationError:
        status = error.code
        detail = _error_detail(error)
        reason: Reason
        if status == 429:
            reason = "rate_limited"
        elif status in (401, 403) or (status == 400 and "api key" in detail.lower()):
            # LibreTranslate answers 400 for a missing key and 403 for a wrong one (older
            # versions 403 for both): whether a key was sent tells them apart.
            reason = "key_refused" if self.api_key else "key_missing"
        elif status == 400:
            reason = "refused"
        elif status >= 500:
            reason = "server_error"
        else:
            reason = "unexpected"
        return self._logged(
            MachineTranslationError(
                reason, status=status, detail=detail, source=source, target=target
            )
        )

    def _logged(self, failure: MachineTranslationError) -> MachineTranslationError:
        # The reason and status only: the service's own explanation may quote the request.
        logger.warning(
            "Machine translation by %s failed: %s%s",
            self.name,
            failure.reason,
            f" (HTTP {failure.status})" if failure.status else "",
        )
        return failure


def _error_detail(error: urllib.error.HTTPError) -> str:
    """LibreTranslate's {"error": "..."}, or "" when the body is something else."""
    try:
        answer: Any = json.loads(error.read(MAX_ERROR_BYTES))
    except (OSError, ValueError, http.client.HTTPException):
        return ""
    finally:
        error.close()
    message = answer.get("error") if isinstance(answer, dict) else None
    return message[:500] if isinstance(message, str) else ""


def configuration_problems() -> list[str]:
    """What is wrong with the MACHINE_TRANSLATION_* settings; none when they are unset."""
    url = settings.MACHINE_TRANSLATION_URL
    if not url:
        return []
    problems = [url_problem(url), timeout_problem(settings.MACHINE_TRANSLATION_TIMEOUT)]
    return [problem for problem in problems if problem]


def machine_translation_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A system check: a service address that is not http(s) stops `manage.py check` (and
    every command that runs the checks) instead of failing at the first translation."""
    return [
        Error(
            problem,
            hint="See Machine translation in docs/configuration.md; leave "
            "MACHINE_TRANSLATION_URL empty to turn machine translation off.",
            id="translations.E001",
        )
        for problem in configuration_problems()
    ]


def machine_translator() -> MachineTranslator | None:
    """The configured service, or None when machine translation is off (no
    MACHINE_TRANSLATION_URL): then nothing may be sent anywhere. Raises ImproperlyConfigured
    for an address that is not http(s)."""
    url = settings.MACHINE_TRANSLATION_URL
    if not url:
        return None
    return LibreTranslate(
        url,
        api_key=settings.MACHINE_TRANSLATION_API_KEY,
        timeout=settings.MACHINE_TRANSLATION_TIMEOUT,
    )

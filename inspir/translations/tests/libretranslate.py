"""A small LibreTranslate server for the tests: real HTTP on 127.0.0.1, in a thread.

It speaks the part of LibreTranslate's API the platform uses (POST /translate with JSON,
GET /languages) and "translates" predictably: `fake_translation()` says into what. Knobs make
it fail the ways a real server does.

    from inspir.translations.tests.libretranslate import libretranslate  # noqa: F401

in a test module or a conftest.py makes the `libretranslate` fixture available (it already is
under inspir/translations/tests/). It starts the server and points MACHINE_TRANSLATION_URL at it;
`libretranslate_server` starts it without configuring anything."""

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese"}
MISSING_KEY_ERROR = "Please contact the server operator to get an API key"
WRONG_KEY_ERROR = "Invalid API key"


def fake_translation(text: str, *, source: str, target: str) -> str:
    """What the server answers: "[es] " then each line with its words in reverse order, e.g.
    "Bonjour le monde" from fr to es is "[es] monde le Bonjour". Deterministic and visibly
    not the original."""
    lines = [" ".join(reversed(line.split())) for line in text.split("\n")]
    return f"[{target}] " + "\n".join(lines)


@dataclass
class Hit:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class LibreTranslateServer:
    """The running server and its knobs; set a knob at any time, it applies to the next request.

    - `languages`: the codes it translates between; another source or target gets 400.
    - `api_key`: when set, a request without it gets 400 (as LibreTranslate says "get an API
      key"), a request with another key 403 "Invalid API key".
    - `error_status`, `error_message`: answer every POST /translate with this status and
      {"error": error_message} (e.g. 429, 500).
    - `hang`: receive the request, then answer nothing until the test ends (for timeouts).
    - `malformed`: answer 200 with a body that is not JSON.
    - `redirect_to`: answer 303 See Other to this address (a client must not follow it).
    """

    languages: list[str] = field(default_factory=lambda: ["en", "fr", "es"])
    api_key: str | None = None
    error_status: int | None = None
    error_message: str = "Something went wrong"
    hang: bool = False
    malformed: bool = False
    redirect_to: str | None = None
    # What it received: the JSON body of each POST /translate, and every request at all.
    requests: list[dict[str, Any]] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    url: str = ""
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _release: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """The server goes down: connections to its address are refused from now on."""
        self._release.set()  # hanging requests end
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def languages_answer(self) -> list[dict[str, Any]]:
        return [
            {"code": code, "name": LANGUAGE_NAMES.get(code, code), "targets": self.languages}
            for code in self.languages
        ]

    def translate_answer(self, body: Any) -> tuple[int, Any]:
        """The status and JSON LibreTranslate would send for this request body."""
        if not isinstance(body, dict):
            return 400, {"error": "Invalid JSON format"}
        for parameter in ("q", "source", "target"):
            if not body.get(parameter):
                return 400, {"error": f"Invalid request: missing {parameter} parameter"}
        if self.api_key is not None:
            sent = body.get("api_key")
            if not sent:
                return 400, {"error": MISSING_KEY_ERROR}
            if sent != self.api_key:
                return 403, {"error": WRONG_KEY_ERROR}
        for parameter in ("source", "target"):
            if body[parameter] not in self.languages:
                return 400, {"error": f"{body[parameter]} is not supported"}
        if body.get("format", "text") not in ("text", "html"):
            return 400, {"error": f"{body['format']} format is not supported"}
        if not isinstance(body["q"], str):
            return 400, {"error": "Invalid request: q must be a text"}
        translated = fake_translation(body["q"], source=body["source"], target=body["target"])
        return 200, {"translatedText": translated}


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (a timeout test) is expected, not worth a traceback


def _handler_for(fake: LibreTranslateServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
            pass  # quiet test output

        def _record(self) -> None:
            fake.hits.append(Hit(self.command, self.path, dict(self.headers.items())))

        def _send(self, status: int, payload: Any = None, raw: bytes | None = None) -> None:
            body = raw if raw is not None else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self._record()
            if self.path.rstrip("/") == "/languages":
                self._send(200, fake.languages_answer())
            else:
                self._send(404, {"error": "Not Found"})

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self._record()
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path.rstrip("/") != "/translate":
                self._send(404, {"error": "Not Found"})
                return
            if self.headers.get_content_type() != "application/json":
                self._send(400, {"error": "Invalid request: expected JSON"})
                return
            try:
                body = json.loads(raw)
            except ValueError:
                self._send(400, {"error": "Invalid JSON format"})
                return
            fake.requests.append(body)
            if fake.hang:
                fake._release.wait(timeout=30)
                return  # the connection closes without an answer
            if fake.redirect_to is not None:
                self.send_response(303)
                self.send_header("Location", fake.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if fake.malformed:
                self._send(200, raw=b'{"translatedText": "cut sh')
                return
            if fake.error_status is not None:
                self._send(fake.error_status, {"error": fake.error_message})
                return
            self._send(*fake.translate_answer(body))

    return Handler


@pytest.fixture
def libretranslate_server() -> Iterator[LibreTranslateServer]:
    """A LibreTranslate server on 127.0.0.1, running for the test; configures nothing."""
    server = LibreTranslateServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def libretranslate(libretranslate_server, settings) -> LibreTranslateServer:
    """The same server, configured as the platform's machine translation service
    (MACHINE_TRANSLATION_URL; no API key; a 5-second timeout)."""
    settings.MACHINE_TRANSLATION_URL = libretranslate_server.url
    settings.MACHINE_TRANSLATION_API_KEY = ""
    settings.MACHINE_TRANSLATION_TIMEOUT = 5
    return libretranslate_server

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest


@pytest.fixture
def demo(db):
    """The 2020 demo network, loaded into the test database."""
    from inspir.demo.loader import load_demo

    load_demo()


@dataclass
class Mailbox:
    """What a real SMTP server, listening on loopback for the test, has received."""

    messages: list[EmailMessage] = field(default_factory=list)
    port: int = 0
    # The server's answer to a message; None: it takes the message, then drops the connection
    # without answering (a reply lost on the way).
    reply: str | None = "250 Message accepted"
    _start: Any = None
    _stop: Any = None

    def stop(self) -> None:
        """The mail server goes down: connections are refused."""
        self._stop()

    def start(self) -> None:
        """The mail server is back, on the same port."""
        self._start()

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m.get("To", "")]

    @staticmethod
    def body(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",)) if message.is_multipart() else message
        return part.get_content() if part is not None else ""


@pytest.fixture
def mailbox(settings) -> Iterator[Mailbox]:
    """Send the test's e-mail over SMTP to a server in this process, and collect it."""
    from aiosmtpd.controller import Controller

    box = Mailbox()

    class Collector:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
            received = message_from_bytes(
                envelope.original_content, _class=EmailMessage, policy=default
            )
            if box.reply is None:
                box.messages.append(received)
                server.transport.close()  # the answer below never leaves
                return "250 Message accepted"
            if box.reply.startswith("250"):
                box.messages.append(received)
            return box.reply

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    box.port = port
    running: list[Controller] = []

    def start() -> None:
        controller = Controller(Collector(), hostname="127.0.0.1", port=port)
        controller.start()
        running.append(controller)

    def stop() -> None:
        while running:
            running.pop().stop()

    box._start, box._stop = start, stop
    start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    try:
        yield box
    finally:
        stop()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: with Redis (production profile) it is shared by
    every test, and log-in rate limits or used two-factor codes must not leak between them."""
    from django.core.cache import caches

    for alias in caches.settings:
        caches[alias].clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to a /fr/ page leaves French
    active in the test's thread, which would change the texts the next test reads."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_configure(config):
    """`client.force_login(user)` in a test stands for a completed log-in: password and, where
    the user has one, the second factor, recorded in the session the way allauth records them.
    Tests of the log-in itself go through the real pages instead."""
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self, user, backend=None):
        from inspir.accounts.tests.factories import record_completed_login

        original(self, user, backend)
        session = self.session
        record_completed_login(session, user)
        session.save()

    ClientMixin.force_login = force_login

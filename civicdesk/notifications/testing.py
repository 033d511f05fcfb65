"""Test helpers: a real SMTP server on loopback (aiosmtpd, a dev dependency) and its fixture.

Other apps use the fixture by importing it into their tests' conftest.py::

    from civicdesk.notifications.testing import smtp  # noqa: F401 - a pytest fixture
"""

import email
import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from pytest_django import Settings

HOST = "127.0.0.1"


def free_port() -> int:
    """A loopback port nothing listens on (the OS picked it, then it was released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class _Handler:
    def __init__(self, messages: list[EmailMessage]) -> None:
        self.messages = messages

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        # policy.default decodes RFC 2047 headers and transfer encodings on access.
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class SMTPTestServer:
    """An SMTP server on 127.0.0.1:`port` keeping what it receives in `messages`.

    `stop()` makes the port refuse connections (a mail server outage); `start()` brings the
    server back on the same port with the same `messages`.
    """

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self._controller: Controller | None = None

    def start(self) -> None:
        if self._controller is None:
            controller = Controller(_Handler(self.messages), hostname=HOST, port=self.port)
            controller.start()
            self._controller = controller

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@contextmanager
def smtp_server() -> Iterator[SMTPTestServer]:
    server = SMTPTestServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp(settings: Settings) -> Iterator[SMTPTestServer]:
    """Mail goes over real SMTP to a loopback server; the test reads `smtp.messages`."""
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = HOST
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
        yield server

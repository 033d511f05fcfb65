"""Test helpers: a loopback clamd speaking ClamAV's INSTREAM protocol, and its fixture.

ClamAV's signature database cannot be downloaded here; this server flags the EICAR test string
as ClamAV does. Use it by importing the fixture into a test module or conftest.py::

    from civicdesk.core.testing import clamd  # noqa: F401 - a pytest fixture
"""

import socket
import struct
import threading
from collections.abc import Iterator
from typing import Any

import pytest

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    """A loopback server speaking clamd's INSTREAM protocol (ClamAV's signature database cannot
    be downloaded here); it flags the EICAR test string like ClamAV does."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port: int = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                if command != b"zINSTREAM\0":
                    conn.sendall(b"UNKNOWN COMMAND\0")
                    continue
                data = b""
                while True:
                    size = struct.unpack("!L", self.read(conn, 4))[0]
                    if size == 0:
                        break
                    data += self.read(conn, size)
                self.received.append(data)
                found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in data
                conn.sendall(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")

    @staticmethod
    def read(conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            data += conn.recv(size - len(data))
        return data

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def clamd(settings: Any) -> Iterator[FakeClamd]:
    server = FakeClamd()
    settings.CORE_CLAMAV_ADDRESS = f"127.0.0.1:{server.port}"
    yield server
    server.close()

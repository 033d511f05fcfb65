"""The virus-scan hook every upload goes through: ClamAV's clamd (INSTREAM) when
CORE_CLAMAV_ADDRESS is set. Fails closed: while scanning is configured, an unscanned file is
refused."""

import socket
import struct
from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 8192


class VirusScanRefused(ValueError):
    """The file was flagged or could not be scanned; the message says which, translated."""


def scan_for_viruses(data: bytes) -> None:
    address = settings.CORE_CLAMAV_ADDRESS
    if not address:
        return
    host, _sep, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=10) as conn:
            conn.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), CHUNK):
                chunk = data[start : start + CHUNK]
                conn.sendall(struct.pack("!L", len(chunk)) + chunk)
            conn.sendall(struct.pack("!L", 0))
            answer = b"".join(_receive(conn)).rstrip(b"\0").decode("utf-8", "replace")
    except OSError as exc:
        raise VirusScanRefused(
            _("The file could not be checked for viruses. Try again later.")
        ) from exc
    if not answer.endswith("OK"):
        raise VirusScanRefused(_("The file was rejected by the virus scanner."))


def _receive(conn: socket.socket) -> Iterable[bytes]:
    while chunk := conn.recv(4096):
        yield chunk

"""Secrets in mail (query passwords, confirmation links) sealed at rest and filled in at send time.

A stored mail body holds a placeholder where a secret goes; the secret itself is kept encrypted
beside it (Fernet, key derived from SECRET_KEY) only until the mail is sent or given up, then
wiped. Staff who may read a stored mail therefore never read a citizen's password or token.
"""

import base64
import json
from collections.abc import Mapping

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_INFO = b"civicdesk.notifications.mail-secrets"


class SealBroken(ValueError):
    """The sealed secrets cannot be opened (the secret key changed beyond its fallbacks)."""


def placeholder(name: str) -> str:
    """What the stored body shows in place of the secret `name`."""
    return f"[{name}: sealed]"


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(key) for key in keys])


def seal(secrets: Mapping[str, str]) -> str:
    if not secrets:
        return ""
    return _keys().encrypt(json.dumps(dict(secrets)).encode()).decode("ascii")


def unseal(sealed: str) -> dict[str, str]:
    if not sealed:
        return {}
    try:
        opened = json.loads(_keys().decrypt(sealed.encode("ascii")))
    except (InvalidToken, ValueError) as exc:
        raise SealBroken("The mail's sealed secrets cannot be opened.") from exc
    return {str(name): str(value) for name, value in opened.items()}


def fill(text: str, secrets: Mapping[str, str]) -> str:
    """The text as the recipient gets it: every placeholder replaced by its secret."""
    for name, value in secrets.items():
        text = text.replace(placeholder(name), value)
    return text

"""System checks of settings that would otherwise fail quietly at the first request."""

import ipaddress
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks


def check_trusted_proxies(**kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for entry in settings.CORE_TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError:
            errors.append(
                checks.Error(
                    f"DJANGO_TRUSTED_PROXIES entry {entry!r} is not an IP address or CIDR range.",
                    id="core.E010",
                )
            )
    return errors


def check_private_files(**kwargs: Any) -> list[checks.CheckMessage]:
    """Private files under a served folder would be public again."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors: list[checks.CheckMessage] = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = Path(getattr(settings, name)).resolve()
        if private == served or private.is_relative_to(served) or served.is_relative_to(private):
            errors.append(
                checks.Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) overlaps {name} ({served}), which is served "
                    "publicly.",
                    hint="Keep petition attachments in a folder no front server serves.",
                    id="core.E011",
                )
            )
    return errors

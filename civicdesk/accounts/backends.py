"""Staff authentication: Django's model backend, refusing the demo password outside dev settings."""

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.http import HttpRequest

DEMO_PASSWORD = "civicdesk-demo"  # noqa: S105 - the one password the demo accounts share


class StaffBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        # The demo accounts' password is public (printed by `make run`); only dev and test
        # settings name it, so a production site never accepts it even if demo data was loaded.
        if password == DEMO_PASSWORD != settings.ACCOUNTS_DEMO_PASSWORD:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

"""Shared pytest fixtures: the demo plant is loaded once per test session, through its command."""

from collections.abc import Iterator

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("load_demo", verbosity=0)
    yield

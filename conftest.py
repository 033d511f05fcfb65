"""Shared pytest fixtures: the demo plant is loaded once per test session, through its command.

Hypothesis keeps nothing in the working tree: no example database, and its cache of constants
goes to the temporary directory.
"""

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "civicdesk-hypothesis")
settings.register_profile("civicdesk", database=None, deadline=None)
settings.load_profile("civicdesk")


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("load_demo", verbosity=0)
    yield

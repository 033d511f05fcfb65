"""Work-plan fixtures."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """The services' refusals are matched by their English wording; the Chinese is checked by
    tests/test_translations.py."""
    with translation.override("en"):
        yield

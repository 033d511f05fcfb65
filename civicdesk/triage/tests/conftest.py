"""Triage tests reuse the petition fixtures: demo staff by role, cases made through services."""

import pytest

from civicdesk.cases.models import Channel
from civicdesk.cases.services.intake import case_record
from civicdesk.cases.tests.conftest import (  # noqa: F401
    admin_in_english,
    english_messages,
    make_case,
    petition,
    users,
)


@pytest.fixture
def recorded(users, django_capture_on_commit_callbacks):  # noqa: F811
    """A confirmed phone petition; the after-commit triage runs as it does in production."""

    def record(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            case, _credentials = case_record(
                data=petition(**overrides), channel=Channel.PHONE, recorded_by=users["coordinator"]
            )
        return case

    return record

"""Fixtures for petition tests: demo staff by role and cases built through the services."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from civicdesk.cases.models import Category, Channel
from civicdesk.cases.services.intake import PetitionInput, case_record
from civicdesk.core.testing import clamd  # noqa: F401 - a pytest fixture


@pytest.fixture(autouse=True)
def english_messages():
    """Service errors are asserted in English; one test checks they are translated."""
    with translation.override("en"):
        yield


def staff(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def users(db):
    return {
        name: staff(name)
        for name in ("officer", "unithead", "coordinator", "director", "editor", "privacy", "admin")
    }


def petition(category="odour", **overrides):
    values = {
        "category": Category.objects.get(code=category),
        "subject": "焚化廠附近臭味",
        "content": "每天傍晚在大中一路聞到很重的垃圾臭味，請改善。",
        "name": "林美華",
        "email": "citizen@example.com",
        "phone": "0912345678",
        "location": "大中一路",
    }
    values.update(overrides)
    return PetitionInput(**values)


@pytest.fixture
def make_case(users):
    """A confirmed phone petition recorded by the coordinator, in the operations unit."""

    def make(**overrides):
        channel = overrides.pop("channel", Channel.PHONE)
        case, credentials = case_record(
            data=petition(**overrides), channel=channel, recorded_by=users["coordinator"]
        )
        case.credentials = credentials
        return case

    return make


@pytest.fixture
def assigned(make_case, users):
    """A confirmed odour petition assigned to the operations officer."""
    from civicdesk.accounts.models import Unit
    from civicdesk.cases.services import handling

    case = make_case()
    assigned_case = handling.case_assign(
        case=case,
        actor=users["coordinator"],
        unit=Unit.objects.get(code="operations"),
        officer=users["officer"],
    )
    assigned_case.credentials = case.credentials
    return assigned_case


@pytest.fixture
def admin_in_english(users):
    """The admin speaks each user's preferred language; admin tests read English."""
    from wagtail.users.models import UserProfile

    for user in users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import override_settings

from civicdesk.accounts.backends import DEMO_PASSWORD
from civicdesk.accounts.models import Unit
from civicdesk.accounts.selectors import (
    unit_list_for_directory,
    user_role_codes,
    user_sees_all_units,
    user_unit,
)
from civicdesk.accounts.services import roles_sync, staff_upsert

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return Unit.objects.get(code="operations")


def make_staff(unit, **overrides):
    roles_sync()
    values = {
        "username": "newofficer",
        "email": "new@example.gov.tw",
        "family_name": "陳",
        "given_name": "小華",
        "unit": unit,
        "roles": ["case_officer"],
        "password": "a-long-enough-password-1",
        "job_title": "技士",
    }
    values.update(overrides)
    return staff_upsert(**values)


def test_staff_upsert_creates_account_profile_and_role(unit):
    user = make_staff(unit)
    assert user.staff_profile.unit == unit
    assert user.staff_profile.full_name == "陳小華"
    assert user_role_codes(user) == {"case_officer"}
    assert user_unit(user) == unit
    assert not user.is_superuser
    assert not user_sees_all_units(user)


def test_staff_upsert_updates_without_duplicating(unit):
    make_staff(unit)
    user = make_staff(unit, roles=["unit_head"], job_title="課長", password=None)
    assert get_user_model().objects.filter(username="newofficer").count() == 1
    assert user_role_codes(user) == {"unit_head"}
    assert user.staff_profile.job_title == "課長"
    assert user.check_password("a-long-enough-password-1")  # password=None keeps it


def test_new_account_without_password_cannot_sign_in(unit):
    user = make_staff(unit, username="nopass", password=None)
    assert not user.has_usable_password()


def test_administrator_role_is_superuser_and_sees_all(unit):
    user = make_staff(unit, username="boss", roles=["administrator"])
    assert user.is_superuser
    assert user_sees_all_units(user)


def test_coordinator_sees_all_units(unit):
    assert user_sees_all_units(make_staff(unit, username="co", roles=["coordinator"]))


def test_demo_password_works_in_dev_and_test_settings(unit):
    make_staff(unit, username="demo1", password=DEMO_PASSWORD)
    assert authenticate(username="demo1", password=DEMO_PASSWORD) is not None


@override_settings(ACCOUNTS_DEMO_PASSWORD=None)
def test_demo_password_is_refused_outside_dev(unit):
    make_staff(unit, username="demo2", password=DEMO_PASSWORD)
    assert authenticate(username="demo2", password=DEMO_PASSWORD) is None


@override_settings(ACCOUNTS_DEMO_PASSWORD=None)
def test_other_passwords_still_work_outside_dev(unit):
    make_staff(unit, username="real")
    assert authenticate(username="real", password="a-long-enough-password-1") is not None


def test_directory_lists_only_listed_active_staff(unit):
    hidden = make_staff(unit, username="hidden", is_listed=False)
    gone = make_staff(unit, username="gone")
    gone.is_active = False
    gone.save()
    shown = make_staff(unit, username="shown")
    operations = next(u for u in unit_list_for_directory() if u.code == "operations")
    listed = {p.user.username for p in operations.listed_staff}
    assert "shown" in listed
    assert hidden.username not in listed
    assert gone.username not in listed
    assert shown.staff_profile in operations.listed_staff

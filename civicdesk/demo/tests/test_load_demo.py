import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from civicdesk.accounts.models import Agency, Unit
from civicdesk.metadata.models import ClassificationCode
from civicdesk.quality.models import WorkPlanItem

pytestmark = pytest.mark.django_db

ROLE_ACCOUNTS = ["officer", "unithead", "coordinator", "director", "editor", "privacy", "admin"]


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "path", "title", "live", "latest_revision_id")
        ),
        "units": sorted(Unit.objects.values_list("pk", "code", "name")),
        "codes": ClassificationCode.objects.count(),
        "users": sorted(get_user_model().objects.values_list("pk", "username", "password")),
        "items": sorted(WorkPlanItem.objects.values_list("pk", "focus")),
        "agencies": Agency.objects.count(),
    }


def test_second_run_changes_nothing(capsys):
    before = snapshot()
    call_command("load_demo")
    assert snapshot() == before
    out = capsys.readouterr().out
    assert "0 new pages" in out
    for username in ROLE_ACCOUNTS:
        assert username in out


@pytest.mark.parametrize("username", ROLE_ACCOUNTS)
def test_each_demo_role_signs_in_to_the_admin(client, username):
    assert client.login(username=username, password="civicdesk-demo")
    response = client.get("/admin/")
    assert response.status_code == 200


@override_settings(ACCOUNTS_DEMO_PASSWORD=None)
def test_refused_without_dev_settings():
    with pytest.raises(CommandError, match="only under dev settings"):
        call_command("load_demo")


def test_both_language_trees_exist_and_are_live():
    for code in ("zh-hant", "en"):
        assert Page.objects.filter(depth=2, locale__language_code=code, live=True).exists()
    zh_count = Page.objects.filter(locale__language_code="zh-hant", depth__gte=2).count()
    en_count = Page.objects.filter(locale__language_code="en", depth__gte=2).count()
    assert zh_count == en_count > 8

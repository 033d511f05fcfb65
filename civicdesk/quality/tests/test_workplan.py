import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from civicdesk.accounts.models import Unit
from civicdesk.quality.models import WorkPlan, WorkPlanItem
from civicdesk.quality.services import WorkPlanError, workplan_import, workplan_import_file

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def test_the_seed_plan_is_loaded_with_its_units():
    plan = WorkPlan.objects.get(year=2016)
    items = list(plan.items.all())
    assert len(items) == 11
    assert {i.area_no for i in items} == {1, 2, 3}
    first = plan.items.get(area_no=1, seq=1)
    assert first.lead_unit.code == "general-affairs"
    assert first.co_is_all_units
    assert "工作計畫" in first.focus
    assert first.focus_en
    courtesy = plan.items.get(area_no=1, seq=3)
    assert courtesy.lead_is_all_units
    assert any("電話服務品質及禮貌測試" in d for d in courtesy.details)
    assert len(courtesy.details) == len(courtesy.details_en)
    assert plan.amendment and plan.review


def test_reimport_is_idempotent():
    plan = WorkPlan.objects.get(year=2016)
    ids = sorted(plan.items.values_list("pk", flat=True))
    call_command("import_workplan", "civicdesk/quality/data/workplan_105.json", verbosity=0)
    assert sorted(plan.items.values_list("pk", flat=True)) == ids


def test_reimport_removes_items_dropped_from_the_plan():
    data = {
        "year": 2030,
        "title": "測試計畫",
        "items": [
            {
                "area_no": 1,
                "area": "甲",
                "seq": 1,
                "focus": "一",
                "lead": "general-affairs",
                "co": [],
            },
            {"area_no": 1, "area": "甲", "seq": 2, "focus": "二", "lead": "all", "co": []},
        ],
    }
    workplan_import(data=data)
    data["items"] = data["items"][:1]
    plan = workplan_import(data=data)
    assert plan.items.count() == 1


def test_unknown_unit_is_a_clear_error_and_nothing_is_written():
    data = {
        "year": 2031,
        "title": "錯誤",
        "items": [{"area_no": 1, "area": "甲", "seq": 1, "focus": "一", "lead": "nope", "co": []}],
    }
    with pytest.raises(WorkPlanError, match="Unknown unit code 'nope'"):
        workplan_import(data=data)
    assert not WorkPlan.objects.filter(year=2031).exists()


def test_malformed_files_are_reported(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(WorkPlanError):
        workplan_import_file(path=bad)
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"title": "no year"}), encoding="utf-8")
    with pytest.raises(CommandError, match="needs a year"):
        call_command("import_workplan", str(empty))


@pytest.mark.parametrize(
    ("username", "sees_all"),
    [
        ("coordinator", True),
        ("director", True),
        ("admin", True),
        ("officer", False),
        ("unithead", False),
        ("privacy", True),
        ("editor", False),
    ],
)
def test_visibility_by_role_and_unit(username, sees_all):
    everything = set(WorkPlanItem.objects.all())
    visible = set(WorkPlanItem.objects.visible_to(user(username)))
    if sees_all:
        assert visible == everything
    else:
        unit = user(username).staff_profile.unit
        expected = {
            item
            for item in everything
            if item.lead_is_all_units
            or item.co_is_all_units
            or item.lead_unit == unit
            or unit in item.co_units.all()
        }
        assert visible == expected


def test_a_unit_outside_the_plan_sees_only_the_shared_items():
    officer_items = WorkPlanItem.objects.visible_to(user("officer"))  # operations
    assert 0 < officer_items.count() < WorkPlanItem.objects.count()
    assert all(i.lead_is_all_units or i.co_is_all_units for i in officer_items)


def test_anonymous_sees_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert not WorkPlanItem.objects.visible_to(AnonymousUser()).exists()


def test_unit_sees_items_it_leads():
    operations = Unit.objects.get(code="operations")
    plan = WorkPlan.objects.get(year=2016)
    item = WorkPlanItem.objects.create(
        plan=plan, area_no=9, seq=1, area="測試", focus="操作組專屬", lead_unit=operations
    )
    assert item in WorkPlanItem.objects.visible_to(user("officer"))
    assert item not in WorkPlanItem.objects.visible_to(user("editor"))


def test_admin_listing_and_detail_respect_visibility(client):
    plan = WorkPlan.objects.get(year=2016)
    secret = WorkPlanItem.objects.create(
        plan=plan,
        area_no=9,
        seq=2,
        area="測試",
        focus="僅總務室可見",
        lead_unit=Unit.objects.get(code="general-affairs"),
    )
    client.force_login(user("officer"))
    listing = client.get("/admin/workplan_items/")
    assert listing.status_code == 200
    assert "僅總務室可見" not in listing.content.decode()
    assert client.get(f"/admin/workplan_items/inspect/{secret.pk}/").status_code == 404
    shared = WorkPlanItem.objects.filter(lead_is_all_units=True).first()
    assert client.get(f"/admin/workplan_items/inspect/{shared.pk}/").status_code == 200
    # Officers may read their items but not change them (no change permission).
    assert client.get(f"/admin/workplan_items/edit/{shared.pk}/").status_code in (302, 403)

    client.force_login(user("coordinator"))
    listing = client.get("/admin/workplan_items/")
    assert "僅總務室可見" in listing.content.decode()
    assert client.get(f"/admin/workplan_items/inspect/{secret.pk}/").status_code == 200
    assert client.get(f"/admin/workplan_items/edit/{secret.pk}/").status_code == 200

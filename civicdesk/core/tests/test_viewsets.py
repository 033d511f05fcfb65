import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from civicdesk.core.models import OfficeDay, OfficeDaySource
from civicdesk.core.services import office_calendar_import_csv, office_closure_add

pytestmark = pytest.mark.django_db

INDEX = "office_closures:index"


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="calendar-admin", password="x")
    client.force_login(user)
    return user


@pytest.fixture
def imported(tmp_path):
    path = tmp_path / "cal.csv"
    path.write_text(
        "西元日期,星期,是否放假,備註\n20270208,一,2,春節測試\n20270209,二,0,\n20270210,三,0,\n",
        encoding="utf-8",
    )
    office_calendar_import_csv(path=path)


def test_the_list_shows_closures_only(client, admin, imported):
    office_closure_add(day=datetime.date(2027, 2, 9), reason="颱風停止上班", user=admin)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    content = response.content.decode()
    assert "颱風停止上班" in content
    assert "春節測試" not in content
    assert reverse("office_closures:edit", args=[1]).rsplit("/", 2)[0] not in content


def test_the_menu_has_its_own_item(client, admin):
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_adding_a_closure_goes_through_the_service(client, admin, imported):
    response = client.post(
        reverse("office_closures:add"), {"date": "2027-02-10", "note": "颱風停止上班"}
    )
    assert response.status_code == 302
    closure = OfficeDay.objects.get(date=datetime.date(2027, 2, 10))
    # The imported working day was replaced, not duplicated.
    assert (closure.source, closure.is_day_off, closure.created_by) == (
        OfficeDaySource.CLOSURE,
        True,
        admin,
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date": "2027-02-08", "note": "颱風"}, "__all__"),  # the service refuses a day off
        ({"date": "2027-02-10", "note": ""}, "note"),
        ({"date": "not a date", "note": "颱風"}, "date"),
    ],
)
def test_a_refused_closure_shows_the_form_again(client, admin, imported, data, field):
    response = client.post(reverse("office_closures:add"), data)
    assert response.status_code == 200
    # The admin speaks the user's language; check where the error is, not its wording.
    assert list(response.context["form"].errors) == [field]
    assert not OfficeDay.objects.closures().exists()


def test_deleting_a_closure_reopens_the_day(client, admin, imported):
    closure = office_closure_add(day=datetime.date(2027, 2, 10), reason="颱風", user=admin)
    response = client.post(reverse("office_closures:delete", args=[closure.pk]))
    assert response.status_code == 302
    day = OfficeDay.objects.get(date=datetime.date(2027, 2, 10))
    assert (day.source, day.is_day_off) == (OfficeDaySource.DGPA, False)


def test_imported_days_cannot_be_deleted_edited_or_inspected(client, admin, imported):
    imported_day = OfficeDay.objects.get(date=datetime.date(2027, 2, 8))
    for name in ("delete", "edit", "inspect"):
        url = reverse(f"office_closures:{name}", args=[imported_day.pk])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert OfficeDay.objects.filter(pk=imported_day.pk).exists()


def test_closures_are_never_edited_but_can_be_inspected(client, admin):
    closure = office_closure_add(day=datetime.date(2027, 7, 14), reason="颱風", user=admin)
    assert client.get(reverse("office_closures:edit", args=[closure.pk])).status_code == 404
    inspect = client.get(reverse("office_closures:inspect", args=[closure.pk]))
    assert inspect.status_code == 200
    assert "颱風" in inspect.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse(INDEX))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("codenames", "can_list", "can_add"),
    [
        ((), False, False),
        (("view_officeday",), True, False),
        (("add_officeday", "delete_officeday"), True, True),
    ],
)
def test_access_follows_model_permissions(client, django_user_model, codenames, can_list, can_add):
    user = django_user_model.objects.create_user(username="closure-tester", password="x")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="core", codename__in=codenames),
    )
    client.force_login(user)
    assert (client.get(reverse(INDEX)).status_code == 200) is can_list
    assert (client.get(reverse("office_closures:add")).status_code == 200) is can_add

"""The seven configuration screens save and delete through their apps' services: an edit made
in the admin is validated by the service, applied, and logged in Wagtail's history."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from civicdesk.accounts.models import Agency, StaffProfile, Unit
from civicdesk.cases.models import Category, ReplyTemplate
from civicdesk.quality.models import WorkPlan, WorkPlanItem

pytestmark = pytest.mark.django_db

# (URL prefix, model, field to change, new value)
SCREENS = [
    ("agency", Agency, "phone", "07-345-6789"),
    ("units", Unit, "phone", "07-345-6780"),
    ("staff", StaffProfile, "job_title", "技士"),
    ("petition_categories", Category, "name_en", "Odour (edited)"),
    ("reply_templates", ReplyTemplate, "title", "已改善（編修）"),
    ("workplans", WorkPlan, "title_en", "Service quality plan (edited)"),
    ("workplan_items", WorkPlanItem, "focus_en", "Edited focus"),
]


def form_data(form):
    """What the browser would send back for the form as shown."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    return data


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


@pytest.mark.parametrize(("prefix", "model", "field", "value"), SCREENS)
def test_an_edit_goes_through_the_service_and_is_logged(admin_client, prefix, model, field, value):
    instance = model.objects.order_by("pk").first()
    url = f"/admin/{prefix}/edit/{instance.pk}/"
    form = admin_client.get(url).context["form"]
    data = {**form_data(form), field: value}
    response = admin_client.post(url, data)
    assert response.status_code == 302, (
        getattr(response, "context", {}) and response.context["form"].errors
    )
    instance.refresh_from_db()
    assert getattr(instance, field) == value
    assert ModelLogEntry.objects.filter(object_id=str(instance.pk), action="wagtail.edit").exists()


def test_what_the_rules_refuse_is_not_saved(admin_client):
    category = Category.objects.get(code="odour")
    url = f"/admin/petition_categories/edit/{category.pk}/"
    data = {**form_data(admin_client.get(url).context["form"]), "deadline_workdays": "99"}
    response = admin_client.post(url, data)
    assert response.status_code == 200  # refused: the statutory cap is 30 days
    category.refresh_from_db()
    assert category.deadline_workdays != 99


def test_adding_and_deleting_go_through_the_services(admin_client):
    data = {
        "category": "",
        "kind": "reply",
        "language": "en",
        "title": "Temporary template",
        "body": "We have looked into it.",
        "legal_basis": "",
    }
    url = "/admin/reply_templates/new/"
    form = admin_client.get(url).context["form"]
    response = admin_client.post(url, {**form_data(form), **data})
    assert response.status_code == 302
    template = ReplyTemplate.objects.get(title="Temporary template")
    assert ModelLogEntry.objects.filter(object_id=str(template.pk), action="wagtail.create")
    response = admin_client.post(f"/admin/reply_templates/delete/{template.pk}/")
    assert response.status_code == 302
    assert not ReplyTemplate.objects.filter(pk=template.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(template.pk), action="wagtail.delete")


def test_no_screen_offers_a_copy_that_would_bypass_the_services(admin_client):
    category = Category.objects.order_by("pk").first()
    assert admin_client.get(f"/admin/petition_categories/copy/{category.pk}/").status_code == 404

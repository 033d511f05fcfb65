"""The freshness report: overdue pages and documents, broken links, who may read it."""

import datetime

import pytest
from django.test import override_settings
from django_tasks import default_task_backend
from wagtail.models import Locale

from civicdesk.website.models import StandardPage
from civicdesk.website.services import page_links_check


@pytest.fixture
def page_with_links(db):
    """A published page with a working and a broken link to the site itself (the link checks
    against other sites are website's tests)."""
    zh = Locale.objects.get(language_code="zh-hant")
    parent = StandardPage.objects.filter(locale=zh).live().first()
    page = StandardPage(
        title="連結測試",
        slug="link-test",
        theme_code=parent.theme_code,
        cake_code=parent.cake_code,
        service_code=parent.service_code,
        body=[("paragraph", '<p><a href="/">首頁</a> <a href="/no-such-page/">無此頁</a></p>')],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="editor"))
    return client


def test_freshness_report_lists_overdue_pages_and_broken_links(editor_client, page_with_links):
    page_with_links.review_by = datetime.date(2020, 1, 1)
    page_with_links.save_revision().publish()
    page_links_check(page_id=page_with_links.pk, timeout=2)
    response = editor_client.get("/admin/freshness/")
    assert response.status_code == 200
    html = response.content.decode()
    overdue = html.split('id="overdue-heading"')[1].split("</section>")[0]
    assert "連結測試" in overdue
    links = html.split('id="links-heading"')[1]
    assert "/no-such-page/" in links
    assert "HTTP 404" in links


def test_freshness_report_is_for_editors_and_coordinators(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="officer"))
    refused = client.get("/admin/freshness/")
    assert (refused.status_code, refused.url) == (302, "/admin/")
    client.force_login(django_user_model.objects.get(username="coordinator"))
    assert client.get("/admin/freshness/").status_code == 200


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_check_all_links_now_starts_a_background_check(editor_client):
    default_task_backend.clear()
    response = editor_client.post("/admin/freshness/check-links/")
    assert response.status_code == 302
    assert [r.task.name for r in default_task_backend.results] == ["links_check_all_task"]


def test_freshness_report_lists_overdue_documents(editor_client):
    from civicdesk.disclosure.models import Document

    document = Document.objects.filter(live=True).first()
    Document.objects.filter(pk=document.pk).update(review_by=datetime.date(2020, 1, 1))
    html = editor_client.get("/admin/freshness/").content.decode()
    overdue = html.split('id="overdue-heading"')[1].split("</section>")[0]
    assert document.title in overdue
    assert f"/downloads/{document.pk}/" in overdue


def test_the_reports_menu_offers_the_report_only_to_those_who_may_read_it(
    client, django_user_model
):
    client.force_login(django_user_model.objects.get(username="editor"))
    assert "/admin/freshness/" in client.get("/admin/").content.decode()
    client.force_login(django_user_model.objects.get(username="officer"))
    assert "/admin/freshness/" not in client.get("/admin/").content.decode()

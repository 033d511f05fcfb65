"""Editors, through the real Wagtail admin: drafts may be unclassified, publishing may not."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from civicdesk.website.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


def form_data(title, slug, action=None, **codes):
    data = {
        "title": title,
        "slug": slug,
        "intro": "",
        "body-count": "0",
        "keywords": "",
        "seo_title": "",
        "search_description": "",
        "theme_code": codes.get("theme", ""),
        "cake_code": codes.get("cake", ""),
        "service_code": codes.get("service", ""),
        "owner_unit": "",
        "review_by": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data


def add_url(home):
    return reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk))


def test_editor_can_save_an_unclassified_draft(editor_client):
    home = HomePage.objects.get(locale__language_code="zh-hant")
    response = editor_client.post(add_url(home), form_data("草稿", "draft-page"))
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="draft-page")
    assert not page.live


def test_editor_cannot_publish_unclassified(editor_client):
    home = HomePage.objects.get(locale__language_code="zh-hant")
    response = editor_client.post(
        add_url(home), form_data("未分類", "no-codes", action="action-publish")
    )
    assert response.status_code == 200  # the form comes back with errors
    assert not StandardPage.objects.filter(slug="no-codes", live=True).exists()
    errors = response.context["form"].errors
    assert set(errors) >= {"theme_code", "cake_code", "service_code"}


def test_editor_can_publish_classified(editor_client):
    home = HomePage.objects.get(locale__language_code="zh-hant")
    response = editor_client.post(
        add_url(home),
        form_data(
            "已分類",
            "with-codes",
            action="action-publish",
            theme=home.theme_code_id,
            cake=home.cake_code_id,
            service=home.service_code_id,
        ),
    )
    assert response.status_code == 302
    assert StandardPage.objects.get(slug="with-codes").live

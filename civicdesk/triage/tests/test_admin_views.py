"""The triage screens: the case's suggestion and duplicates, deciding, topics, the model page."""

import pytest
from django.contrib.messages import get_messages

from civicdesk.cases.models import Case, Category
from civicdesk.triage.models import CategoryModel, CategorySuggestion

pytestmark = pytest.mark.django_db

POOL = {"category": "other", "subject": "游泳池開放時間", "content": "希望回饋游泳池週一也能開放。"}


@pytest.fixture(autouse=True)
def _english_admin(admin_in_english):
    """These tests read the admin in English."""


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_case_page_shows_the_suggestion_and_duplicates(client, recorded, users):
    first = recorded(**POOL)
    case = recorded(**POOL)
    client.force_login(users["coordinator"])
    html = client.get(f"/admin/petitions/{case.pk}/").content.decode()
    assert "Suggested category" in html
    assert "Feedback facilities" in html
    assert "Accept and change the category" in html
    assert "Probably the same matter" in html
    assert first.number in html
    assert f"Merge this case into {first.number}" in html


def test_an_officer_sees_the_suggestion_without_the_buttons(client, recorded, users):
    case = recorded(category="odour", subject="臭味", content="傍晚大中一路垃圾臭味很重。")
    client.force_login(users["officer"])
    html = client.get(f"/admin/petitions/{case.pk}/").content.decode()
    assert "Suggested category" in html
    assert "Override" not in html
    suggestion = CategorySuggestion.objects.get(case=case)
    response = client.post(f"/admin/triage/suggestions/{suggestion.pk}/", {"accept": "1"})
    assert response.status_code in (302, 403)
    suggestion.refresh_from_db()
    assert suggestion.decision == "pending"


def test_accept_and_override_through_the_screen(client, recorded, users):
    client.force_login(users["coordinator"])
    case = recorded(**POOL)
    suggestion = CategorySuggestion.objects.get(case=case)
    response = client.post(f"/admin/triage/suggestions/{suggestion.pk}/", {"accept": "1"})
    assert response.status_code == 302 and response.url == f"/admin/petitions/{case.pk}/"
    assert "Suggestion accepted." in texts(response)
    case.refresh_from_db()
    assert case.category.code == "feedback-facilities"

    other = recorded(**POOL)
    suggestion = CategorySuggestion.objects.get(case=other)
    response = client.post(
        f"/admin/triage/suggestions/{suggestion.pk}/", {"override": "1", "category": ""}
    )
    assert "Choose the category the case belongs to." in texts(response)
    visits = Category.objects.get(code="visits")
    response = client.post(
        f"/admin/triage/suggestions/{suggestion.pk}/", {"override": "1", "category": visits.pk}
    )
    assert any("next model will learn" in t for t in texts(response))
    other.refresh_from_db()
    assert other.category == visits


def test_topics_report(client, recorded, users):
    for i in range(3):
        recorded(
            category="feedback-facilities",
            subject=f"游泳池週一開放{i}",
            content="希望回饋游泳池週一也能開放。",
        )
    client.force_login(users["coordinator"])
    response = client.get("/admin/triage/topics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "recurring topic" in html
    assert "游泳池週一開放" in html
    bad = client.get("/admin/triage/topics/?start=2026-12-01&end=2026-01-01")
    assert bad.status_code == 200 and "recurring topic" not in bad.content.decode()


def test_topics_and_model_pages_need_the_statistics_permission(client, users):
    client.force_login(users["officer"])
    for url in ("/admin/triage/topics/", "/admin/triage/model/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response.url != url


def test_model_page_and_training_now(client, users):
    client.force_login(users["coordinator"])
    html = client.get("/admin/triage/model/").content.decode()
    assert "Current model" in html and "Macro-F1" in html
    before = CategoryModel.objects.count()
    response = client.post("/admin/triage/model/")
    assert response.status_code == 302
    assert CategoryModel.objects.count() == before + 1  # the test task backend runs at once


# --- reading the case page never suggests; asking does --------------------------------------


@pytest.fixture
def unsuggested(make_case):
    """A confirmed case whose after-commit triage never ran (the task queue was down)."""
    case = make_case(**POOL)
    assert not CategorySuggestion.objects.filter(case=case).exists()
    return case


def test_reading_the_case_page_suggests_nothing_and_changes_no_case(client, unsuggested, users):
    before = Case.objects.values().get(pk=unsuggested.pk)
    client.force_login(users["coordinator"])
    html = client.get(f"/admin/petitions/{unsuggested.pk}/").content.decode()
    assert not CategorySuggestion.objects.filter(case=unsuggested).exists()
    assert Case.objects.values().get(pk=unsuggested.pk) == before
    assert "No suggestion yet" in html
    assert f'action="/admin/triage/cases/{unsuggested.pk}/suggest/"' in html
    assert "Suggest a category now" in html


def test_suggest_now_is_an_explicit_post(client, unsuggested, users):
    url = f"/admin/triage/cases/{unsuggested.pk}/suggest/"
    client.force_login(users["coordinator"])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302 and response.url == f"/admin/petitions/{unsuggested.pk}/"
    assert "A category has been suggested." in texts(response)
    suggestion = CategorySuggestion.objects.get(case=unsuggested)
    again = client.post(url)  # once per case: the same suggestion
    assert CategorySuggestion.objects.get(case=unsuggested) == suggestion
    assert again.status_code == 302
    html = client.get(f"/admin/petitions/{unsuggested.pk}/").content.decode()
    assert "Suggested category" in html and "Suggest a category now" not in html


def test_suggest_now_only_on_a_case_one_may_see(client, unsuggested, users):
    client.force_login(users["editor"])  # no petition screens at all
    response = client.post(f"/admin/triage/cases/{unsuggested.pk}/suggest/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url != f"/admin/petitions/{unsuggested.pk}/"
    assert not CategorySuggestion.objects.filter(case=unsuggested).exists()
    client.force_login(users["coordinator"])
    assert client.post("/admin/triage/cases/999999/suggest/").status_code == 404


def test_without_a_model_the_case_page_offers_no_button(client, unsuggested, users):
    CategorySuggestion.objects.all().delete()
    CategoryModel.objects.all().delete()
    client.force_login(users["coordinator"])
    html = client.get(f"/admin/petitions/{unsuggested.pk}/").content.decode()
    assert "no category model has been trained yet" in html
    assert "Suggest a category now" not in html

"""Every FAQ URL through the test client: status, permission, language, abuse."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.models import Case, Category
from civicdesk.faq.models import FaqFeedback, FaqPage, FaqPromotion, FaqViewCount
from civicdesk.faq.services import faq_draft_from_case
from civicdesk.faq.views import FEEDBACK_LIMIT, SUGGEST_LIMIT

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def denied(response):
    """Wagtail turns PermissionDenied in the admin into a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- the index ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/faq/", "zh-Hant-TW", "常見問題集"), ("/en/faq/", "en", "Frequently Asked Questions")],
)
def test_index_lists_entries_by_topic_in_each_language(client, path, lang, title):
    response = client.get(path)
    assert response.status_code == 200
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{title}</h1>" in page
    assert 'href="#topic-feedback-facilities"' in page and 'id="topic-feedback-facilities"' in page
    assert 'href="#topic-general"' in page  # entries without a topic come last
    assert page.index('id="topic-odour"') < page.index('id="topic-general"')
    assert "swimming-pool-hours-and-fees/" in page


def test_index_filters_by_topic_and_words(client):
    page = html(client.get("/en/faq/?category=odour"))
    assert "report-an-odour/" in page and "swimming-pool-hours-and-fees/" not in page
    page = html(client.get("/faq/?q=游泳池"))
    assert "swimming-pool-hours-and-fees/" in page and "report-an-odour/" not in page
    page = html(client.get("/en/faq/?q=zzzz"))
    assert "No question matches" in page or "No question" in page


def test_index_with_an_unknown_topic_is_not_found(client):
    assert client.get("/faq/?category=no-such-topic").status_code == 404


def test_index_is_in_the_navigation_and_the_sitemap(client):
    assert 'href="/faq/"' in html(client.get("/"))
    assert 'href="/en/faq/"' in html(client.get("/en/"))
    sitemap = html(client.get("/sitemap.xml"))
    assert "/faq/swimming-pool-hours-and-fees/" in sitemap
    assert "/en/faq/swimming-pool-hours-and-fees/" in sitemap


def test_drafts_are_not_listed(client, zh_index, answered_case, users):
    draft = faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    assert draft.slug not in html(client.get("/faq/"))
    assert client.get(f"/faq/{draft.slug}/").status_code == 404


# --- an entry -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/faq/swimming-pool-hours-and-fees/", "週二至週日"),
        ("/en/faq/swimming-pool-hours-and-fees/", "Tuesday to Sunday"),
    ],
)
def test_entry_page_and_its_feedback_form(client, path, words):
    response = client.get(path)
    assert response.status_code == 200
    page = html(response)
    assert words in page
    assert 'name="is_helpful"' in page and 'name="comment"' in page
    assert f'action="{path}feedback/"' in page
    assert "/petitions/new/" in page  # where a real request goes
    assert "<script" not in page and "style=" not in page  # strict CSP


def test_public_reads_are_counted_but_not_staff_or_robots(client, pool_entry, users):
    path = "/faq/swimming-pool-hours-and-fees/"
    client.get(path)
    client.get(path)
    client.get(path, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    signed_in(users["editor"]).get(path)
    assert sum(FaqViewCount.objects.filter(page=pool_entry).values_list("count", flat=True)) == 2


def test_feedback_is_recorded_then_redirected_with_thanks(client, pool_entry):
    path = "/en/faq/swimming-pool-hours-and-fees/"
    response = client.post(path + "feedback/", {"is_helpful": "no", "comment": "Holidays?"})
    assert response.status_code == 302
    assert response["Location"] == path + "#feedback"
    english = FaqPage.objects.get(
        translation_key=pool_entry.translation_key, locale__language_code="en"
    )
    item = FaqFeedback.objects.filter(page=english).latest("pk")
    assert (item.is_helpful, item.comment, item.language) == (False, "Holidays?", "en")
    assert "Thank you" in html(client.get(path))


def test_invalid_feedback_shows_errors_and_keeps_the_comment(client, pool_entry):
    before = FaqFeedback.objects.count()
    path = "/en/faq/swimming-pool-hours-and-fees/"
    response = client.post(path + "feedback/", {"comment": "kept text"})
    assert response.status_code == 400
    page = html(response)
    assert "error-summary" in page and "Please choose yes or no." in page
    assert "kept text" in page
    too_long = client.post(path + "feedback/", {"is_helpful": "yes", "comment": "x" * 501})
    assert too_long.status_code == 400
    assert FaqFeedback.objects.count() == before


def test_feedback_honeypot_and_methods(client, pool_entry):
    before = FaqFeedback.objects.count()
    path = "/faq/swimming-pool-hours-and-fees/feedback/"
    assert client.post(path, {"is_helpful": "yes", "website": "spam"}).status_code == 400
    assert client.get(path).status_code == 405
    assert FaqFeedback.objects.count() == before


def test_feedback_needs_the_csrf_token(pool_entry):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/faq/swimming-pool-hours-and-fees/feedback/", {"is_helpful": "yes"})
    assert response.status_code == 403


def test_feedback_is_rate_limited(client, pool_entry):
    before = FaqFeedback.objects.filter(page=pool_entry).count()
    path = "/faq/swimming-pool-hours-and-fees/feedback/"
    for _ in range(FEEDBACK_LIMIT[0]):
        assert client.post(path, {"is_helpful": "yes"}).status_code == 302
    response = client.post(path, {"is_helpful": "yes"})
    assert response.status_code == 429
    assert "回饋次數過多" in html(response)  # Too many answers…, on a zh-Hant page
    assert FaqFeedback.objects.filter(page=pool_entry).count() == before + FEEDBACK_LIMIT[0]


# --- the suggestions fragment ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("/faq/suggest/", "游泳池週一有開嗎", "/faq/swimming-pool-hours-and-fees/"),
        ("/en/faq/suggest/", "swimming pool on Mondays", "/en/faq/swimming-pool-hours-and-fees/"),
    ],
)
def test_suggestions_fragment(client, path, text, expected):
    response = client.get(path, {"text": text})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = html(response)
    assert f'href="{expected}"' in page
    assert "<html" not in page  # a fragment for the live region
    assert client.get(path, {"text": "你好"}).content.strip() == b""
    assert client.get(path).content.strip() == b""


def test_suggestions_take_the_category_as_code_or_id(client):
    trucks = Category.objects.get(code="trucks")
    for value in ("trucks", str(trucks.pk)):
        page = html(client.get("/faq/suggest/", {"text": "垃圾車很多", "category": value}))
        first = re.search(r'href="([^"]+)"', page)
        assert first and first.group(1) == "/faq/refuse-truck-queues/"


def test_suggestions_are_rate_limited_and_get_only(client):
    for _ in range(SUGGEST_LIMIT[0]):
        client.get("/faq/suggest/", {"text": "游泳池"})
    assert client.get("/faq/suggest/", {"text": "游泳池"}).status_code == 429
    assert Client().post("/faq/suggest/", {"text": "游泳池"}).status_code in (403, 405)


# --- the petition form ------------------------------------------------------------------------


def petition_url(lang):
    with translation.override(lang):
        return reverse("cases:new")


@pytest.mark.parametrize(
    ("lang", "suggest"), [("zh-hant", "/faq/suggest/"), ("en", "/en/faq/suggest/")]
)
def test_petition_form_offers_faq_suggestions(client, lang, suggest):
    page = html(client.get(petition_url(lang)))
    assert f'data-suggest-url="{suggest}"' in page
    assert 'id="faq-suggestions" aria-live="polite"' in page
    assert re.search(r'<script src="[^"]*faq/suggest\.js" defer></script>', page)
    assert 'name="check_faq"' in page


def test_checking_the_faq_without_javascript_keeps_every_value(client):
    category = Category.objects.get(code="feedback-facilities")
    data = {
        "category": str(category.pk),
        "subject": "游泳池開放時間",
        "content": "請問游泳池週一為什麼不開？",
        "location": "大中一路",
        "name": "林美華",
        "email": "meihua@example.com",
        "phone": "0912345678",
        "address": "高雄市",
        "consent": "on",
        "check_faq": "Check the FAQ first",
    }
    before = Case.objects.count()
    response = client.post(petition_url("zh-hant"), data)
    assert response.status_code == 200
    page = html(response)
    assert 'href="/faq/swimming-pool-hours-and-fees/"' in page
    assert "error-summary" not in page
    for value in (
        "游泳池開放時間",
        "請問游泳池週一為什麼不開？",
        "大中一路",
        "林美華",
        "meihua@example.com",
    ):
        assert value in page
    assert re.search(rf'<option value="{category.pk}" selected>', page)
    assert re.search(r'name="consent"[^>]*checked', page)
    assert Case.objects.count() == before


def test_checking_the_faq_with_no_match_says_so(client):
    response = client.post(
        petition_url("en"), {"subject": "Hello", "content": "Thanks", "check_faq": "1"}
    )
    assert response.status_code == 200
    assert "We found no FAQ entry about this" in html(response)
    assert "error-summary" not in html(response)


# --- staff: promotion -------------------------------------------------------------------------


def promote_url(case_id):
    return reverse("faq_admin:promote", kwargs={"case_id": case_id})


def test_promote_is_post_only_and_for_allowed_staff(answered_case, users, admin_in_english):
    url = promote_url(answered_case.pk)
    assert Client().post(url).status_code == 302  # to the sign-in page
    assert signed_in(users["coordinator"]).get(url).status_code == 405
    for role in ("officer", "unithead", "director", "privacy"):
        assert denied(signed_in(users[role]).post(url))
    assert not FaqPromotion.objects.filter(case=answered_case).exists()


@pytest.mark.parametrize("role", ["coordinator", "editor"])
def test_promote_opens_the_draft_in_the_editor_with_what_was_masked(
    answered_case, users, admin_in_english, role
):
    client = signed_in(users[role])
    response = client.post(promote_url(answered_case.pk), follow=True)
    promotion = FaqPromotion.objects.get(case=answered_case)
    edit_url = reverse("wagtailadmin_pages:edit", args=[promotion.page_id])
    assert response.redirect_chain[0] == (edit_url, 302)
    page = html(response)
    assert "FAQ draft created from the petition. Masked: ID numbers 1" in page
    assert "names" in page
    assert "Made from petition" in page  # the panel on the editor
    assert "林美華" not in page and "A123456789" not in page
    again = client.post(promote_url(answered_case.pk), follow=True)
    assert again.redirect_chain[0] == (edit_url, 302)
    assert "already promoted" in html(again)


def test_promote_refuses_an_unanswered_case_back_on_its_screen(make_case, users, admin_in_english):
    case = make_case()
    response = signed_in(users["coordinator"]).post(promote_url(case.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases_admin:detail", kwargs={"pk": case.pk})
    assert signed_in(users["coordinator"]).post(promote_url(999999)).status_code == 404


def test_case_screen_shows_the_button_to_those_allowed(answered_case, users, admin_in_english):
    url = reverse("cases_admin:detail", kwargs={"pk": answered_case.pk})
    coordinator = html(signed_in(users["coordinator"]).get(url))
    assert f'action="{promote_url(answered_case.pk)}"' in coordinator
    assert "Promote to the FAQ" in coordinator
    assert "Promote to the FAQ" not in html(signed_in(users["unithead"]).get(url))
    faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    assert "Open the FAQ entry" in html(signed_in(users["coordinator"]).get(url))


# --- staff: the report ------------------------------------------------------------------------


def test_report_for_editors_and_coordinators(users, pool_entry, admin_in_english, client):
    client.post(
        "/faq/swimming-pool-hours-and-fees/feedback/", {"is_helpful": "yes", "comment": "很清楚"}
    )
    client.get("/faq/swimming-pool-hours-and-fees/")
    url = reverse("faq_admin:report")
    for role in ("coordinator", "editor", "admin"):
        response = signed_in(users[role]).get(url)
        assert response.status_code == 200
        assert "很清楚" in html(response)
        assert pool_entry.title in html(response)
        assert "When is the community swimming pool open" in html(response)  # both languages
    for role in ("officer", "unithead", "privacy"):
        assert denied(signed_in(users[role]).get(url))
    assert Client().get(url).status_code == 302


def test_report_menu_item_is_shown_to_those_allowed(users, admin_in_english):
    url = reverse("faq_admin:report")
    assert url in html(signed_in(users["coordinator"]).get("/admin/"))
    assert url not in html(signed_in(users["officer"]).get("/admin/"))


def test_report_periods_sorts_and_csv(users, pool_entry, admin_in_english):
    client = signed_in(users["coordinator"])
    url = reverse("faq_admin:report")
    for query in ("?period=30&sort=helpful", "?period=365&sort=share", "?period=bad&sort=bad"):
        assert client.get(url + query).status_code == 200
    response = client.get(url + "?format=csv&period=all")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("language,page_id,question")
    assert "swimming pool" in text and pool_entry.title in text


# --- search and previews ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "entry"),
    [
        ("/search/?q=游泳池&kind=faq", "/faq/swimming-pool-hours-and-fees/"),
        ("/en/search/?q=swimming+pool&kind=faq", "/en/faq/swimming-pool-hours-and-fees/"),
    ],
)
def test_the_site_search_finds_faq_entries(client, path, entry):
    response = client.get(path)
    assert response.status_code == 200
    assert f'href="{entry}"' in html(response)


def test_previews_are_not_counted(pool_entry, rf):
    from django.contrib.auth.models import AnonymousUser

    from civicdesk.faq.views import count_view

    request = rf.get("/faq/swimming-pool-hours-and-fees/")
    request.user = AnonymousUser()
    request.is_preview = True
    count_view(request, page=pool_entry)
    assert not FaqViewCount.objects.filter(page=pool_entry).exists()
    request.is_preview = False
    count_view(request, page=pool_entry)
    assert FaqViewCount.objects.get(page=pool_entry).count == 1


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/faq/swimming-pool-hours-and-fees/", "Please do not write your name"),
        ("/faq/swimming-pool-hours-and-fees/", "500"),
    ],
)
def test_the_comment_help_speaks_the_page_language(client, path, expected):
    page = html(client.get(path))
    assert expected in page
    if path.startswith("/en/"):
        assert "請勿" not in page

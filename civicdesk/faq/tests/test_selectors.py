"""FAQ reads: the index groups, suggestions per language, the staff report's figures."""

import datetime

import pytest
from django.utils import timezone

from civicdesk.faq.models import FaqFeedback, FaqPage, FaqViewCount
from civicdesk.faq.selectors import (
    faq_category_choices,
    faq_category_groups,
    faq_index_get,
    faq_report,
    faq_suggestions,
)
from civicdesk.faq.services import faq_entry_create, faq_view_record

pytestmark = pytest.mark.django_db


def test_index_per_language(zh_index, en_index):
    assert faq_index_get(language="zh-hant") == zh_index
    assert faq_index_get(language="en") == en_index
    zh_index.unpublish()
    assert faq_index_get(language="zh-hant") is None


def test_groups_follow_the_category_order_with_general_last(zh_index):
    groups = faq_category_groups(index=zh_index)
    codes = [group.code for group in groups]
    assert codes[:3] == ["odour", "noise", "trucks"] and codes[-1] == "general"
    assert groups[-1].label == "一般問題"  # the zh-Hant page tree speaks Chinese
    assert groups[0].anchor == "topic-odour"
    assert sum(len(g.entries) for g in groups) == 13
    assert [c for c, _label in faq_category_choices(index=zh_index)] == codes[:-1]


def test_groups_filtered(zh_index, en_index):
    (only,) = faq_category_groups(index=zh_index, category_code="visits")
    assert [e.slug for e in only.entries] == ["book-a-plant-visit"]
    found = faq_category_groups(index=en_index, text="swimming Pool")
    assert {e.slug for g in found for e in g.entries} == {
        "swimming-pool-hours-and-fees",
        "pool-free-entry-disability",
    }
    assert faq_category_groups(index=zh_index, text="不存在的詞") == []


def test_drafts_are_never_grouped_or_suggested(zh_index):
    faq_entry_create(
        index=zh_index, title="游泳池草稿問題", answer="<p>游泳池</p>", slug="x", publish=False
    )
    slugs = {e.slug for g in faq_category_groups(index=zh_index) for e in g.entries}
    assert "x" not in slugs
    assert all(s.url != "/faq/x/" for s in faq_suggestions(text="游泳池草稿", language="zh-hant"))


@pytest.mark.parametrize(
    ("text", "language", "first"),
    [
        ("請問游泳池週一有開放嗎？", "zh-hant", "/faq/swimming-pool-hours-and-fees/"),
        ("家裡的舊沙發要怎麼丟", "zh-hant", "/faq/bulky-waste-pickup/"),
        ("我們學校想預約參訪焚化廠", "zh-hant", "/faq/book-a-plant-visit/"),
        ("Can our class book a visit?", "en", "/en/faq/book-a-plant-visit/"),
        ("smell from refuse trucks", "en", "/en/faq/report-an-odour/"),
    ],
)
def test_suggestions_in_each_language(text, language, first):
    found = faq_suggestions(text=text, language=language)
    assert found and found[0].url == first


def test_no_suggestion_across_languages_or_for_junk():
    assert faq_suggestions(text="游泳池", language="en") == []
    assert faq_suggestions(text="", language="zh-hant") == []
    assert faq_suggestions(text="謝謝您", language="zh-hant") == []


def test_report_figures_per_entry_in_both_languages(pool_entry):
    today = datetime.date(2026, 6, 15)
    english = FaqPage.objects.get(
        translation_key=pool_entry.translation_key, locale__language_code="en"
    )
    FaqViewCount.objects.filter(page__in=[pool_entry, english]).delete()
    FaqFeedback.objects.filter(page__in=[pool_entry, english]).delete()
    for day, times in ((today, 2), (today - datetime.timedelta(days=40), 3)):
        for _ in range(times):
            faq_view_record(page_id=pool_entry.pk, day=day)
    faq_view_record(page_id=english.pk, day=datetime.date(2025, 12, 31))
    now = timezone.now()
    FaqFeedback.objects.create(page=pool_entry, language="zh-hant", is_helpful=True)
    FaqFeedback.objects.create(page=english, language="en", is_helpful=False, comment="Holidays?")
    old = FaqFeedback.objects.create(page=pool_entry, language="zh-hant", is_helpful=False)
    FaqFeedback.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=400))

    rows = {row.key: row for row in faq_report(today=today)}
    row = rows[str(pool_entry.translation_key)]
    assert [f.language for f in row.languages] == ["zh-hant", "en"]
    assert (row.views_30, row.views_year, row.views_total) == (2, 5, 6)
    assert (row.helpful, row.unhelpful, row.share_helpful) == (1, 2, 33.3)
    assert [c.comment for c in row.comments] == ["Holidays?"]
    assert row.review_by == pool_entry.review_by

    recent = {r.key: r for r in faq_report(today=timezone.localdate(), period="30")}
    assert recent[str(pool_entry.translation_key)].unhelpful == 1  # the old answer is out


def test_report_sorting(pool_entry):
    today = timezone.localdate()
    for _ in range(50):
        faq_view_record(page_id=pool_entry.pk, day=today)
    assert faq_report(today=today, sort="views")[0].key == str(pool_entry.translation_key)
    by_title = [row.title for row in faq_report(today=today, sort="title")]
    assert by_title == sorted(by_title)
    dates = [row.review_by for row in faq_report(today=today, sort="review_by")]
    assert dates == sorted(dates, key=lambda d: d or datetime.date.max)
    assert faq_report(today=today, sort="nonsense")  # falls back to views

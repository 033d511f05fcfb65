"""The law's categories and grounds as data: stable codes, item numbers, both languages."""

from django.utils import translation

from civicdesk.disclosure.categories import (
    ART7_CATEGORIES,
    ART18_GROUNDS,
    CATEGORIES,
    PLANT_CATEGORIES,
    category_choices,
    category_get,
    category_labels,
    ground_choices,
)


def test_ten_statutory_and_five_plant_categories_with_unique_codes():
    assert len(ART7_CATEGORIES) == 10 and len(PLANT_CATEGORIES) == 5
    assert len({category.code for category in CATEGORIES}) == 15
    assert all(category.is_statutory for category in ART7_CATEGORIES)
    assert not any(category.is_statutory for category in PLANT_CATEGORIES)
    assert {c.code for c in PLANT_CATEGORIES} == {
        "basic-data",
        "citizen-supervision",
        "environmental-monitoring",
        "feedback-facility-rules",
        "work-plans",
    }


def test_nine_grounds_of_article_18():
    assert [ground.item for ground in ART18_GROUNDS] == list(range(1, 10))
    assert ground_choices()[0][0] == "art18-1"


def test_labels_follow_the_active_language():
    with translation.override("zh-hant"):
        assert dict(category_choices())["art7-6"] == "(6) 預算及決算書"
        assert category_labels()["work-plans"] == "工作計畫"
    with translation.override("en"):
        assert dict(category_choices())["art7-6"] == "(6) Budgets and final accounts"
        assert dict(ground_choices())["art18-6"].startswith("(6) Would infringe personal privacy")


def test_unknown_codes_are_none():
    assert category_get("art7-11") is None
    assert category_get("art7-10") is not None

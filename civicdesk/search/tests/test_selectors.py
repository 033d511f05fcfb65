"""The search selectors on the database the suite runs on (SQLite and PostgreSQL)."""

import datetime

import pytest

from civicdesk.search.backends import Filters
from civicdesk.search.models import SearchEntry
from civicdesk.search.selectors import Suggestion, search_run, search_suggestions

pytestmark = pytest.mark.django_db

ZH = Filters(language="zh-hant")
PLANT = [
    ("visit", "焚化廠參訪申請", "學校、社區及機關團體可申請參觀垃圾焚化廠，了解焚化發電流程。"),
    ("odour", "臭味及噪音陳情", "民眾聞到臭味或聽到噪音，可向本廠陳情，六個工作天內回覆。"),
    ("pool", "游泳池開放時間", "回饋設施游泳池每日上午六時開放，身心障礙者及陪同者一人免費。"),
    (
        "dioxin",
        "戴奧辛檢測報告",
        "委託檢測機構每季檢測煙道戴奧辛排放濃度，結果低於0.1 ng-TEQ/Nm3。",
    ),
    ("budget", "Budget and final accounts", "年度預算書及決算書公開。Budgets for 2026."),
    ("taiwan", "臺灣電力公司售電", "焚化產生的電力除供廠內使用外，餘電售予台灣電力公司。"),
]


@pytest.fixture(autouse=True)
def empty_index():
    """These tests own the index (the demo's entries are restored by the rollback)."""
    SearchEntry.objects.all().delete()


def ids(outcome):
    return [SearchEntry.objects.get(pk=pk).object_id for pk in outcome.ids]


@pytest.fixture
def plant(index_docs):
    index_docs(*PLANT, source="plant")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("參訪", "visit"),  # two characters, the common case
        ("臭味", "odour"),
        ("游泳", "pool"),
        ("戴奧辛", "dioxin"),
        ("戴奥辛", "dioxin"),  # the Simplified/variant form of 奧
        ("参访", "visit"),  # Simplified input
        ("ＴＥＱ", "dioxin"),  # full-width Latin
        ("budget", "budget"),
        ("BUDGETS", "budget"),  # case and plural
        ("2026預算", "budget"),  # digits and Chinese mixed
        ("台灣電力", "taiwan"),  # 台/臺 variants
        ("臺灣電力", "taiwan"),
    ],
)
def test_finds_what_it_should(plant, query, expected):
    assert ids(search_run(query, ZH))[0] == expected


def test_a_cjk_term_matches_as_a_phrase_not_as_scattered_bigrams(index_docs):
    index_docs(
        ("phrase", "焚化爐", "本廠焚化爐運轉正常"),
        ("scattered", "化爐", "焚化 與 化爐 分開出現"),
        source="plant",
    )
    outcome = search_run("焚化爐", ZH)
    assert ids(outcome)[: outcome.partial_from] == ["phrase"]


def test_every_term_must_match_before_partial_matches(plant):
    outcome = search_run("臭味 陳情", ZH)
    assert ids(outcome)[0] == "odour"
    assert outcome.partial_from == 1


def test_a_long_question_relaxes_to_any_word(plant):
    outcome = search_run("請問游泳池幾點開放", ZH)
    assert outcome.partial_from == 0  # no entry has every word …
    assert ids(outcome)[0] == "pool"  # … but the best partial match comes first


def test_a_single_character_matches_as_a_prefix(plant):
    assert "odour" in ids(search_run("臭", ZH))


def test_nothing_found(plant):
    outcome = search_run("飛機場", ZH)
    assert outcome.total == 0
    assert outcome.partial_from == 0


def test_title_outranks_body(index_docs):
    index_docs(
        ("body", "其他公告", "本公告與參訪有關，參訪前請先閱讀注意事項。"),
        ("title", "參訪須知", "團體預約注意事項。"),
        source="plant",
    )
    assert ids(search_run("參訪", ZH))[0] == "title"


def test_filters_narrow_by_facet_and_date(index_docs):
    index_docs(
        ("a", "焚化廠年報", "焚化", {"theme": "T1", "updated_on": datetime.date(2025, 5, 1)}),
        ("b", "焚化廠月報", "焚化", {"theme": "T2", "updated_on": datetime.date(2026, 5, 1)}),
        ("c", "焚化公告", "焚化", {"disclosure_category": "7", "kind": "disclosure"}),
        source="plant",
    )
    assert ids(search_run("焚化", Filters(language="zh-hant", theme="T1"))) == ["a"]
    assert ids(search_run("焚化", Filters(language="zh-hant", kind="disclosure"))) == ["c"]
    since = Filters(language="zh-hant", date_from=datetime.date(2026, 1, 1))
    assert set(ids(search_run("焚化", since))) == {"b", "c"}
    until = Filters(language="zh-hant", date_to=datetime.date(2025, 12, 31))
    assert ids(search_run("焚化", until)) == ["a"]
    category = Filters(language="zh-hant", disclosure_category="7")
    assert ids(search_run("焚化", category)) == ["c"]


def test_facet_counts_cover_all_matches(index_docs):
    index_docs(
        ("a", "焚化一", "", {"theme": "T1", "unit": "ops"}),
        ("b", "焚化二", "", {"theme": "T1", "unit": "lab"}),
        ("c", "焚化三", "", {"theme": "T2", "unit": "ops"}),
        source="plant",
    )
    counts = search_run("焚化", ZH).facet_counts
    assert counts["theme"] == {"T1": 2, "T2": 1}
    assert counts["unit"] == {"ops": 2, "lab": 1}


def test_sort_by_date_puts_the_newest_first(index_docs):
    index_docs(
        ("old", "焚化廠焚化量", "焚化焚化焚化", {"updated_on": datetime.date(2024, 1, 1)}),
        ("new", "公告", "焚化", {"updated_on": datetime.date(2026, 6, 1)}),
        source="plant",
    )
    assert ids(search_run("焚化", ZH))[0] == "old"
    assert ids(search_run("焚化", ZH, sort="date")) == ["new", "old"]


def test_browsing_a_facet_without_a_query_lists_newest_first(index_docs):
    index_docs(
        ("old", "甲", "", {"theme": "T9", "updated_on": datetime.date(2024, 1, 1)}),
        ("new", "乙", "", {"theme": "T9", "updated_on": datetime.date(2026, 1, 1)}),
        ("other", "丙", "", {"theme": "T8"}),
        source="plant",
    )
    assert ids(search_run("", Filters(language="zh-hant", theme="T9"))) == ["new", "old"]


def test_an_empty_query_without_filters_finds_nothing(plant):
    assert search_run("   ", ZH).total == 0


def test_languages_are_separate(index_docs):
    index_docs(("zh", "焚化廠", "焚化"), source="plant")
    index_docs(("en", "Incinerator 焚化廠", "焚化"), language="en", source="plant")
    assert ids(search_run("焚化", Filters(language="en"))) == ["en"]


def test_suggestions_offer_the_other_language(index_docs):
    index_docs(("en", "Dioxin test report", "Dioxin 戴奧辛"), language="en", source="plant")
    outcome = search_run("戴奧辛", ZH)
    assert outcome.total == 0
    assert search_suggestions(outcome) == [Suggestion(1, language="en")]


def test_synonyms_find_the_word_the_office_uses(plant):
    assert ids(search_run("參觀", ZH))[0] == "visit"  # the office writes 參訪
    assert ids(search_run("異味", ZH))[0] == "odour"  # … and 臭味
    outcome = search_run("參觀焚化爐", ZH)  # a synonym inside a longer run
    assert ids(outcome)[: outcome.partial_from] == ["visit"]


def test_suggestions_offer_dropping_the_filters(plant):
    outcome = search_run("參訪", Filters(language="zh-hant", theme="NOPE"))
    assert outcome.total == 0
    assert search_suggestions(outcome)[0] == Suggestion(1, drop_filters=True)


def test_the_fulltext_index_follows_updates_and_deletes(index_docs):
    index_docs(("doc", "甲乙丙", "焚化"), source="plant")
    assert ids(search_run("甲乙丙", ZH)) == ["doc"]
    index_docs(("doc", "丁戊己", "焚化"), source="plant")
    assert search_run("甲乙丙", ZH).total == 0
    assert ids(search_run("丁戊己", ZH)) == ["doc"]
    entry = SearchEntry.objects.get(source="plant", object_id="doc")
    entry.title_tokens = "改名"
    entry.save()
    assert ids(search_run("改名", ZH)) == ["doc"]
    entry.delete()
    assert search_run("改名", ZH).total == 0


def test_a_very_common_query_ranks_the_newest_matches_only(index_docs, monkeypatch):
    from civicdesk.search import selectors

    monkeypatch.setattr(selectors, "MATCH_LIMIT", 3)
    index_docs(*[(f"d{i}", f"焚化公告{i}", "焚化廠" * (i + 1)) for i in range(12)], source="plant")
    outcome = search_run("焚化", ZH)
    assert outcome.is_capped
    assert sorted(ids(outcome)) == ["d10", "d11", "d9"]  # the newest three, ranked
    assert ids(outcome)[0] == "d11"  # … the one saying 焚化 most first


def test_token_counts_come_from_the_index(index_docs):
    from django.db import connection

    from civicdesk.search.backends import backend_for

    index_docs(("a", "焚化", "焚化"), ("b", "焚化廠", "臭味"), source="plant")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # statistics as autovacuum would gather them
            cursor.execute("ANALYZE sitesearch_searchentry")
    counts, total = backend_for().token_counts(["焚化", "臭味", "飞机"])
    if connection.vendor == "sqlite":  # exact, from fts5vocab
        assert (total, counts["焚化"], counts["臭味"], counts.get("飞机", 0)) == (2, 2, 1, 0)
    else:  # estimated from pg_stats: the order is what the ranking needs
        assert total >= 2
        assert counts["焚化"] >= counts["臭味"] > counts["飞机"] >= 0
    assert total >= max(counts.values())  # never more items with a token than items

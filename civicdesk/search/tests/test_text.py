import pytest

from civicdesk.search.text import fold, highlight, parse_query, stem, tokens


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("噪音", "噪音"),
        ("臺灣", "台湾"),
        ("台灣", "台湾"),
        ("焚化廠", "焚化厂"),
        ("焚化厂", "焚化厂"),
        ("ＰＭ２．５", "pm2.5"),
        ("Ｄｉｏｘｉｎ　ＴＥＱ", "dioxin teq"),
        ("陳情", "陈情"),
    ],
)
def test_fold_meets_variants(raw, folded):
    assert fold(raw) == folded


def test_fold_keeps_every_position():
    text = "高雄市ＡＢＣ　İstanbul臺灣 Straße"
    assert len(fold(text)) == len(text)


def test_cjk_runs_become_bigrams_and_words_stay_words():
    assert tokens("焚化廠排放 CEMS data") == ["焚化", "化厂", "厂排", "排放", "cem", "data"]


def test_a_lone_cjk_character_is_kept():
    assert tokens("臭 與 味") == ["臭", "与", "味"]


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("complaints", "complaint"),
        ("facilities", "facility"),
        ("boxes", "box"),
        ("process", "process"),
        ("bus", "bus"),
        ("2026", "2026"),
        ("analysis", "analysis"),
    ],
)
def test_light_english_stemmer(word, stemmed):
    assert stem(word) == stemmed


def test_query_terms_keep_what_was_typed():
    query = parse_query("焚化廠　臭 ＣＥＭＳ 焚化廠")
    assert [term.text for term in query.terms] == ["焚化厂", "臭", "cems"]
    assert [term.original for term in query.terms] == ["焚化廠", "臭", "ＣＥＭＳ"]
    assert query.terms[0].tokens == ("焚化", "化厂")
    assert query.terms[1].is_prefix
    assert query.all_tokens()[:2] == ["焚化", "化厂"]  # then the synonyms' tokens
    assert "焚化炉" in query.terms[0].alternatives
    assert "臭" not in query.all_tokens()  # a prefix term is matched as a prefix only


def test_punctuation_only_query_is_empty():
    assert parse_query("？！。，  ...").is_empty


def test_query_terms_are_bounded():
    assert len(parse_query(" ".join(f"w{i}" for i in range(50))).terms) == 12


def test_highlight_marks_terms_in_the_original_script():
    segments = highlight("民眾聞到臭味可向本廠陳情。", parse_query("臭味 陈情"))
    assert [text for text, is_match in segments if is_match] == ["臭味", "陳情"]
    assert "".join(text for text, _ in segments) == "民眾聞到臭味可向本廠陳情。"


def test_highlight_marks_bigrams_of_a_long_term_found_only_in_part():
    segments = highlight("本廠焚化爐每日處理垃圾", parse_query("焚化爐噪音"))
    assert [text for text, is_match in segments if is_match] == ["焚化爐"]


def test_highlight_windows_a_long_text_around_the_first_match():
    text = "甲" * 300 + "戴奧辛" + "乙" * 300
    segments = highlight(text, parse_query("戴奧辛"), width=60)
    assert segments[0] == ("…", False)
    assert segments[-1] == ("…", False)
    assert ("戴奧辛", True) in segments
    assert sum(len(t) for t, _ in segments if t != "…") == 60


def test_highlight_without_a_match_shows_the_start():
    assert highlight("abc" * 100, parse_query("xyz"), width=10) == [("abcabcabca…", False)]

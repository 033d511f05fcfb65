"""Folding, tokens, the stemmer and query terms: the kernel's pure text functions."""

import pytest

from civicdesk.core.text import fold, parse_query, stem, tokens


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

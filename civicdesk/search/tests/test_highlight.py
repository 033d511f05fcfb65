"""Highlighting a result's text around the query's terms."""

from civicdesk.core.text import parse_query
from civicdesk.search.highlight import highlight


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

import pytest

from civicdesk.triage.features import (
    clean,
    normalise_place,
    place_terms,
    routing_terms,
    similarity_terms,
    topic_terms,
)


def test_clean_removes_tags_placeholders_and_personal_data():
    text = "【單一陳情案件】路燈不亮,null 請回電 0912-345-678 或 a.b@example.tw A123456789"
    assert clean(text) == "路燈不亮 請回電 或"


def test_routing_terms_are_cjk_ngrams_and_latin_words():
    terms = routing_terms("路燈不亮 Credit cards 0604225")
    assert {"路", "路灯", "路灯不"} <= set(terms)  # folded to Simplified
    assert "credit" in terms and "card" in terms and "credit card" in terms
    assert "#" in terms and "0604225" not in terms


def test_traditional_and_simplified_meet():
    assert similarity_terms("臺北路燈") == similarity_terms("台北路灯")


def test_similarity_terms_keep_numbers():
    assert "0604225" in similarity_terms("編號0604225的路燈")


def test_topic_terms_carry_the_original_script():
    pairs = topic_terms("路燈閃爍")
    assert ("路灯", "路燈") in pairs


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("  臺北市北投區長安里008鄰光明路１２９號", "光明路129号"),
        ("105台灣台北市松山區民生東路四段56號", "民生东路四段56号"),
        ("民生東路四段５６號", "民生东路四段56号"),
        ("中正區-梅花里-市民大道(南)-71", "梅花里市民大道(南)71"),
        ("TransUnion, Inc.", "transunioninc."),
    ],
)
def test_normalise_place(place, expected):
    assert normalise_place(place) == expected


def test_place_terms_of_empty_place():
    assert not place_terms("  ")

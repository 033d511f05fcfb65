"""Ranking FAQ entries against a petition being typed: pure, with a small invented FAQ."""

import pytest

from civicdesk.faq.matching import MIN_SCORE, Entry, rank

FAQ = [
    Entry(
        1,
        "回饋設施游泳池的開放時間及收費為何？",
        "游泳池,收費",
        "週二至週日開放，每週一休館。",
        "pool",
    ),
    Entry(
        2, "聞到焚化廠或垃圾車的臭味，該如何反映？", "臭味,異味", "請撥24小時值班電話。", "odour"
    ),
    Entry(3, "為什麼垃圾車會在廠外排隊？", "垃圾車,排隊", "上午收運車輛集中進廠。", "trucks"),
    Entry(4, "如何預約參訪焚化廠？", "參訪,預約", "請於10個工作日前申請。", "visits"),
    Entry(5, "When is the swimming pool open?", "pool, fees", "Tuesday to Sunday.", "pool"),
    Entry(6, "How do I report a smell?", "odour, smell", "Call the duty line.", "odour"),
]


def ids(matches):
    return [m.id for m in matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("游泳池", [1]),
        ("請問游泳池週一為什麼沒有開放？", [1]),
        ("每天傍晚都聞到很重的臭味，請改善", [2]),
        ("垃圾車在門口排隊占用車道", [3, 2]),
        ("我們學校想預約參訪", [4]),
        ("swimming pool", [5]),
        ("Is the swimming pool open on Monday?", [5]),
        ("There is a bad smell every evening, please report it", [6]),
    ],
)
def test_relevant_entries_rank_first(text, expected):
    assert ids(rank(FAQ, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "你好",
        "請問一下，謝謝您",  # filler only
        "我想反映一個問題",
        "Hello, thank you, please",
        "池",  # one character is not a question
        "每週一",  # a word of an answer, not of a question
        "x" * 10000,
    ],
)
def test_junk_suggests_nothing(text):
    assert rank(FAQ, text) == []


def test_one_shared_word_of_the_question_is_not_enough():
    assert rank(FAQ, "收費") == []  # 3 points: half of MIN_SCORE
    assert rank(FAQ, "收費", min_score=MIN_SCORE / 2) != []


def test_the_chosen_category_breaks_ties():
    # 垃圾車 is in the questions of both the odour and the truck entries.
    text = "垃圾車很多"
    assert ids(rank(FAQ, text, category="odour"))[0] == 2
    assert ids(rank(FAQ, text, category="trucks"))[0] == 3


def test_words_most_entries_share_count_little():
    entries = [
        Entry(i, f"焚化廠問題{i}號：{topic}", "", "", "") for i, topic in enumerate("甲乙丙丁戊")
    ]
    assert rank(entries, "焚化廠") == []


def test_limit_and_long_text():
    long_petition = "游泳池" + "。" * 20000 + "臭味"
    assert ids(rank(FAQ, long_petition)) == [1]  # only the beginning is read
    assert rank(FAQ, "游泳池 臭味 排隊 參訪預約 垃圾車", limit=2).__len__() == 2
    assert rank(FAQ, "游泳池", limit=0) == []
    assert rank([], "游泳池") == []

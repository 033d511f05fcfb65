from datetime import datetime, timedelta

import pytest

from civicdesk.triage.duplicates import (
    DUPLICATE_THRESHOLD,
    BaselineDuplicates,
    DuplicateFinder,
    Report,
    pair_score,
)

T0 = datetime(2024, 3, 1, 20, 0)
TEXT = "上述地點巷弄內所有路燈目前都不亮，麻煩派員前往查勘修復。"


def report(key, text=TEXT, place="民生東路四段56號", district="松山", hours=0.0):
    return Report(
        key=key, text=text, place=place, district=district, at=T0 + timedelta(hours=hours)
    )


def test_pair_score_is_symmetric_and_bounded():
    a = report("a")
    b = report("b", text="路燈閃爍", place="光明路129號", district="北投", hours=5)
    assert pair_score(a, b) == pair_score(b, a)
    assert 0.0 <= pair_score(a, b) <= 1.0


def test_identical_text_scores_high_even_with_another_place_written():
    a = report("a", place="")
    b = report("b", place="松山區民生東路4段")
    assert pair_score(a, b) >= DUPLICATE_THRESHOLD
    assert pair_score(report("c"), report("d")) == pytest.approx(1.0)


def test_same_place_written_differently_scores_high():
    a = report("a", text="路燈失明", place="  臺北市松山區東榮里012鄰民生東路四段５６號")
    b = report("b", text="路燈不亮一盞", place="105台灣台北市松山區民生東路四段56號")
    assert pair_score(a, b) >= DUPLICATE_THRESHOLD


def test_another_district_and_place_scores_low():
    a = report("a", text="一盞路燈不亮", place="光明路129號", district="北投")
    b = report("b", text="路燈燈罩脫落", place="信義路二段86巷", district="大安")
    assert pair_score(a, b) < 0.3


def test_short_generic_text_alone_is_not_enough():
    a = report("a", text="路燈不亮", place="光明路129號")
    b = report("b", text="路燈不亮", place="信義路二段86巷")
    assert pair_score(a, b) < DUPLICATE_THRESHOLD


def test_personal_data_does_not_make_a_match():
    a = report("a", text="請回電 0912345678", place="")
    b = report("b", text="聯絡 0912345678", place="")
    assert pair_score(a, b) < DUPLICATE_THRESHOLD


def test_finder_respects_window_and_never_returns_itself():
    reports = [
        report("a"),
        report("b", hours=24),
        report("late", hours=24 * 10),
        report("other", text="路燈閃爍", place="光明路129號", district="北投", hours=1),
    ]
    finder = DuplicateFinder(reports, window=timedelta(hours=72))
    found = finder.find(reports[0])
    assert [r.key for r, _ in found] == ["b"]
    assert found[0][1] == pytest.approx(pair_score(reports[0], reports[1]))
    assert finder.find(report("new", hours=2), limit=1)[0][0].key == "a"


def test_finder_scores_match_pair_score():
    reports = [
        report("a"),
        report("b", text="路燈失明", place="民生東路四段56號旁", hours=3),
        report("c", text="燈罩脫落", place="", district="", hours=4),
        report("d", text="Street light out", place="Main St", district="松山", hours=5),
    ]
    finder = DuplicateFinder(reports, window=timedelta(days=1))
    query = report("q", text="路燈不亮 street light", place="民生東路四段", hours=2)
    for other, score in finder.scores(query):
        assert score == pytest.approx(pair_score(query, other))


def test_baseline_duplicates_uses_text_within_window():
    reports = [
        report("a"),
        report("b", hours=1),
        report("c", hours=24 * 9),
        report("x", text="燈罩"),
    ]
    baseline = BaselineDuplicates(reports, window=timedelta(hours=72), threshold=0.5)
    assert [r.key for r, _ in baseline.find(reports[0])] == ["b"]

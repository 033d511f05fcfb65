from datetime import datetime, timedelta
from pathlib import Path

import pytest

from civicdesk.triage.duplicates import Report
from civicdesk.triage.evaluation.data import DataError, read_rows
from civicdesk.triage.evaluation.labels import first_line_labels, labelled_texts
from civicdesk.triage.evaluation.metrics import accuracy, best_threshold, macro_f1, prf
from civicdesk.triage.evaluation.pairs import Reports, build_pairs, parse_time, reports_from_rows
from civicdesk.triage.evaluation.routing import cross_validate

DATA = Path(__file__).parent / "data"
STREETLIGHT = DATA / "streetlight_sample.csv"
CFPB = DATA / "cfpb_sample.csv"
NARRATIVE = "Consumer complaint narrative"


def test_read_rows_handles_bom_and_names_missing_columns(tmp_path):
    rows = read_rows(STREETLIGHT, ["故障情形", "查報日期"])  # written with a BOM
    assert len(rows) == 400
    with pytest.raises(DataError, match="columns available: '查報序號', '行政區'"):
        read_rows(STREETLIGHT, ["故障情形", "nope"])
    big5 = tmp_path / "big5.csv"
    big5.write_bytes("text,label\n路燈不亮,失明\n".encode("cp950"))
    assert read_rows(big5, ["text"]) == [{"text": "路燈不亮", "label": "失明"}]


def test_first_line_labels_are_short_frequent_terms():
    texts = ["路燈失明\n不亮"] * 5 + ["【緊急案件】\n電線外露"] * 5 + ["上述地點路燈不亮"] * 9
    assert first_line_labels(texts, min_count=5) == {"路燈失明"}


def test_label_line_is_removed_from_the_text():
    rows = read_rows(STREETLIGHT, ["故障情形"])
    data = labelled_texts(rows, text_col="故障情形", label_col="故障情形", min_class=5)
    assert set(data.classes) == {
        "路燈失明",
        "其他",
        "忽明忽滅",
        "燈罩脫落",
        "路燈昏暗",
        "燈桿傾倒",
        "白天放光",
        "開關箱損壞",
    }
    pairs = zip(data.texts, data.labels, strict=True)
    assert not any(text.startswith(label + "\n") for text, label in pairs)
    assert data.dropped["first line is not a label"] > 0 and data.dropped["no text"] > 0
    assert len(data.texts) + sum(data.dropped.values()) == data.rows_read


def test_small_classes_are_dropped():
    rows = [{"t": f"text {i}", "l": "big" if i < 6 else "small"} for i in range(8)]
    data = labelled_texts(rows, text_col="t", label_col="l", min_class=5)
    assert data.classes == ["big"] and data.dropped_classes == {"small": 2}


def test_metrics():
    assert accuracy(["a", "b"], ["a", "a"]) == 0.5
    assert macro_f1(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx((2 / 3 + 2 / 3) / 2)
    assert prf([True, True, False], [True, False, True]).f1 == pytest.approx(0.5)
    assert best_threshold([0.9, 0.8, 0.3, 0.2], [True, True, False, False]) == 0.8


def test_production_beats_baseline_on_the_streetlight_sample():
    # The CFPB sample is compared in test_commands_evaluate (3 folds, to keep the suite fast).
    rows = read_rows(STREETLIGHT, ["故障情形"])
    data = labelled_texts(rows, text_col="故障情形", label_col="故障情形", min_class=5)
    scores = cross_validate(data.texts, data.labels, folds=5, seed=0)
    assert scores["production"].macro_f1 > scores["baseline"].macro_f1 + 0.1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-01T05:58:00", datetime(2024, 1, 1, 5, 58)),
        ("2023-06-27", datetime(2023, 6, 27)),
        ("2024/03/01 20:15", datetime(2024, 3, 1, 20, 15)),
        ("yesterday", None),
    ],
)
def test_parse_time(value, expected):
    assert parse_time(value) == expected


def _report(key, place, district, hours, text="路燈不亮"):
    return Report(key, text, place, district, datetime(2024, 3, 1) + timedelta(hours=hours))


def test_pair_rules():
    template = "上述地點前方有1盞路燈故障不亮，敬請儘快派員到場勘查修復。"
    reports = [
        _report("0", "臺北市松山區東榮里012鄰民生東路四段５６號", "松山", 0),
        _report("1", "民生東路四段56號", "松山", 30),  # same place within 72 h
        _report("2", "民生東路四段56號", "松山", 24 * 20),  # same place, weeks later
        _report("3", "光明路129號", "北投", 1, text=template),
        _report("4", "信義路二段86巷", "大安", 2, text=template),  # template, other district
        _report("5", "", "北投", 3, text=template),  # same text, same district, 2 h later
    ]
    data = Reports(reports, ["失明"] * 6, dropped=0)
    pairs = {(p.a, p.b): p.is_duplicate for p in build_pairs(data, window=timedelta(hours=72))}
    assert pairs[(0, 1)] is True and pairs[(3, 5)] is True
    assert pairs[(0, 2)] is False and pairs[(1, 2)] is False and pairs[(3, 4)] is False


def test_reports_from_streetlight_rows_take_first_line_labels():
    columns = {
        "text_col": "故障情形",
        "place_col": "查報地點",
        "district_col": "行政區",
        "time_col": "查報日期",
    }
    rows = read_rows(STREETLIGHT, list(columns.values()))
    data = reports_from_rows(rows, **columns, label_col="故障情形")
    assert len(data.reports) == 400 and data.dropped == 0
    assert "路燈失明" in data.labels and "" in data.labels
    pairs = build_pairs(data, window=timedelta(hours=72))
    assert sum(p.is_duplicate for p in pairs) >= 45

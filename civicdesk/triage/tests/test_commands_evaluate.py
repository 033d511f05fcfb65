import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

DATA = Path(__file__).parent / "data"
STREETLIGHT = str(DATA / "streetlight_sample.csv")
CFPB = str(DATA / "cfpb_sample.csv")


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_evaluate_routing_table():
    out = run(
        "evaluate_routing",
        "--csv",
        STREETLIGHT,
        "--text-col",
        "故障情形",
        "--label-col",
        "故障情形",
    )
    assert "rows used, 8 classes, 5-fold" in out
    assert "dropped" in out and "first line is not a label" in out
    assert "production classifier" in out and "char-bigram baseline" in out
    assert "class-balanced" in out
    assert "classify one case: p50" in out


def test_evaluate_routing_json():
    out = run(
        "evaluate_routing",
        "--csv",
        CFPB,
        "--text-col",
        "Consumer complaint narrative",
        "--label-col",
        "Product",
        "--folds",
        "3",
        "--json",
    )
    report = json.loads(out)
    assert set(report) == {"dataset", "production", "baseline", "baseline_balanced", "timing"}
    assert report["dataset"]["folds"] == 3 and report["dataset"]["rows_used"] == 120
    assert report["production"]["macro_f1"] > report["baseline"]["macro_f1"]
    assert report["timing"]["p95_ms"] < 50


def test_evaluate_routing_missing_column():
    with pytest.raises(
        CommandError, match="no column 'Category'; columns available: 'Complaint ID'"
    ):
        run(
            "evaluate_routing",
            "--csv",
            CFPB,
            "--text-col",
            "Consumer complaint narrative",
            "--label-col",
            "Category",
        )


def test_evaluate_routing_missing_file(tmp_path):
    with pytest.raises(CommandError):
        run(
            "evaluate_routing",
            "--csv",
            str(tmp_path / "none.csv"),
            "--text-col",
            "a",
            "--label-col",
            "b",
        )


def test_evaluate_duplicates_streetlight_defaults():
    out = run("evaluate_duplicates", "--csv", STREETLIGHT)
    assert "400 reports" in out and "duplicate detector" in out and "char-bigram baseline" in out
    assert "with the place" in out


def test_evaluate_duplicates_cfpb_mapping_json():
    out = run(
        "evaluate_duplicates",
        "--csv",
        CFPB,
        "--text-col",
        "Consumer complaint narrative",
        "--place-col",
        "Company",
        "--district-col",
        "State",
        "--time-col",
        "Date received",
        "--label-col",
        "Issue",
        "--json",
    )
    report = json.loads(out)
    assert {"dataset", "production", "baseline", "baseline_with_place", "pairs"} <= set(report)
    assert report["pairs"]["positive"] > 0
    assert report["production"]["f1"] > report["baseline"]["f1"]
    assert report["production"]["throughput"]["reports"] == 120


def test_evaluate_duplicates_missing_column():
    with pytest.raises(
        CommandError, match=r"no column .*'查報地點'.*; columns available: 'Complaint ID'"
    ):
        run("evaluate_duplicates", "--csv", CFPB)


def test_evaluate_duplicates_can_hide_the_place_that_made_the_labels():
    shown = json.loads(run("evaluate_duplicates", "--csv", STREETLIGHT, "--json"))
    hidden = json.loads(run("evaluate_duplicates", "--csv", STREETLIGHT, "--hide-place", "--json"))
    assert (shown["place_hidden"], hidden["place_hidden"]) == (False, True)
    assert hidden["pairs"] == shown["pairs"]  # the same labels, from the place column
    # Without the field the labels came from, the detector finds fewer of them.
    assert hidden["production"]["recall"] < shown["production"]["recall"]
    text = run("evaluate_duplicates", "--csv", STREETLIGHT, "--hide-place")
    assert "place hidden from the detectors" in text and "with the district" in text

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from civicdesk.search.evaluation import BigramTfidf, Judged, char_bigrams, score


def test_scores_by_hand():
    judged = [
        Judged("a", frozenset({"1"})),  # found first
        Judged("b", frozenset({"2", "3"})),  # one of two found third
        Judged("c", frozenset({"4"})),  # nothing returned
    ]
    rankings = {"a": ["1", "9"], "b": ["8", "7", "2"], "c": []}
    result = score(judged, rankings.__getitem__)
    assert result.mrr_at_10 == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert result.p_at_1 == pytest.approx(1 / 3)
    assert result.recall_at_10 == pytest.approx((1 + 0.5 + 0) / 3)
    assert result.zero_result_rate == pytest.approx(1 / 3)


def test_a_hit_past_ten_does_not_count():
    judged = [Judged("q", frozenset({"x"}))]
    result = score(judged, lambda q: [str(i) for i in range(10)] + ["x"])
    assert result.mrr_at_10 == 0
    assert result.recall_at_10 == 0
    assert result.zero_result_rate == 0


def test_char_bigrams_are_plain():
    assert char_bigrams("焚化廠, PM2.5") == ["焚化", "化廠", "pm", "m2", "5"]


def test_baseline_ranks_by_cosine_and_returns_only_matches():
    baseline = BigramTfidf([("a", "焚化廠參訪"), ("b", "游泳池開放"), ("c", "參訪游泳池")])
    assert baseline.rank("焚化廠")[0] == "a"
    assert set(baseline.rank("參訪")) == {"a", "c"}
    assert baseline.rank("飛機") == []


@pytest.fixture
def judged_files(tmp_path):
    docs = [
        {"id": "visit", "title": "焚化廠參訪申請", "body": "學校及團體可申請參觀焚化廠。"},
        {"id": "odour", "title": "臭味陳情", "body": "聞到臭味可以陳情。"},
        {"id": "pool", "title": "游泳池", "body": "回饋設施游泳池開放時間。"},
    ]
    queries = [
        {"query": "參訪", "relevant_ids": ["visit"]},
        {"query": "参观", "relevant_ids": ["visit"]},  # Simplified: the baseline misses it
        {"query": "臭味", "relevant_ids": ["odour"]},
        {"query": "游泳池幾點開", "relevant_ids": ["pool"]},
    ]
    docs_path, queries_path = tmp_path / "docs.json", tmp_path / "queries.json"
    docs_path.write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
    queries_path.write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
    return docs_path, queries_path


def _run(tmp_path, *args):
    """Run the command as an operator would, in its own process, with a site database
    that cannot be opened: if the command touched the site's data it would fail."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/missing/site.sqlite3"
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        server = f"postgres://{s['USER']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/postgres"
        args = (*args, "--database-url", server)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "evaluate_search", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "missing").exists()
    return result.stdout


@pytest.mark.django_db
def test_evaluate_search_prints_both_rows(tmp_path, judged_files):
    out = _run(tmp_path, *judged_files)
    assert f"3 documents, 4 queries, index on {connection.vendor}" in out
    assert "civicdesk search" in out
    assert "bigram TF-IDF baseline" in out


@pytest.mark.django_db
def test_evaluate_search_json(tmp_path, judged_files):
    report = json.loads(_run(tmp_path, *judged_files, "--json"))
    assert report["documents"] == 3
    assert report["queries"] == 4
    assert report["database"] == connection.vendor
    assert report["system"] == {
        "mrr_at_10": 1.0,
        "p_at_1": 1.0,
        "recall_at_10": 1.0,
        "zero_result_rate": 0.0,
    }
    assert report["baseline"]["p_at_1"] == 0.75  # the Simplified query finds nothing
    assert report["baseline"]["zero_result_rate"] == 0.25


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        ('{"id": 1}', "expected a JSON list"),
        ('[{"title": "x"}]', "needs an 'id'"),
        ('[{"id": 1}, {"id": "1"}]', "appears twice"),
        ("not json", "Expecting value"),
    ],
)
def test_evaluate_search_says_what_is_wrong_with_the_input(tmp_path, docs, message):
    docs_path, queries_path = tmp_path / "d.json", tmp_path / "q.json"
    docs_path.write_text(docs, "utf-8")
    queries_path.write_text("[]", "utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("evaluate_search", str(docs_path), str(queries_path))


def test_evaluate_search_checks_the_queries(tmp_path):
    docs_path, queries_path = tmp_path / "d.json", tmp_path / "q.json"
    docs_path.write_text("[]", "utf-8")
    queries_path.write_text('[{"query": "x", "relevant_ids": "a"}]', "utf-8")
    with pytest.raises(CommandError, match="relevant_ids"):
        call_command("evaluate_search", str(docs_path), str(queries_path))


def test_evaluate_search_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("evaluate_search", str(tmp_path / "nope.json"), str(tmp_path / "q.json"))

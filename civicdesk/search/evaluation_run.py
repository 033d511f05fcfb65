"""Loading judged query sets and ranking them with the site's search code path."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connections

from civicdesk.search.backends import Filters
from civicdesk.search.documents import Kind, SearchDocument
from civicdesk.search.evaluation import Judged
from civicdesk.search.models import SearchEntry
from civicdesk.search.selectors import search_run
from civicdesk.search.services import search_index_bulk_load

EVALUATION_LANGUAGE = "zh-hant"


def load_judged(docs_path: Path, queries_path: Path) -> tuple[list[dict[str, str]], list[Judged]]:
    """Read and check DOCS.json and QUERIES.json; ValueError says what is wrong and where."""
    raw_docs = _read_list(docs_path)
    documents: list[dict[str, str]] = []
    seen: set[str] = set()
    for position, item in enumerate(raw_docs):
        if not isinstance(item, dict) or "id" not in item:
            raise ValueError(f"{docs_path}: item {position} needs an 'id'")
        doc_id = str(item["id"])
        if doc_id in seen:
            raise ValueError(f"{docs_path}: id {doc_id!r} appears twice")
        seen.add(doc_id)
        documents.append(
            {
                "id": doc_id,
                "title": str(item.get("title") or ""),
                "body": str(item.get("body") or ""),
            }
        )
    judged: list[Judged] = []
    for position, item in enumerate(_read_list(queries_path)):
        if not isinstance(item, dict) or not isinstance(item.get("query"), str):
            raise ValueError(f"{queries_path}: item {position} needs a 'query' string")
        relevant = item.get("relevant_ids")
        if not isinstance(relevant, list):
            raise ValueError(f"{queries_path}: item {position} needs a 'relevant_ids' list")
        judged.append(Judged(item["query"], frozenset(str(value) for value in relevant)))
    return documents, judged


def _read_list(path: Path) -> list[Any]:
    data = json.loads(path.read_text("utf-8-sig"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list")
    return data


def system_ranker(
    documents: list[dict[str, str]], alias: str
) -> tuple[Callable[[str], list[str]], str]:
    """Index the documents under `alias` and return (query → ids best first, database vendor)."""
    search_index_bulk_load(
        (
            SearchDocument(
                source="evaluation",
                object_id=doc["id"],
                language=EVALUATION_LANGUAGE,
                kind=Kind.PAGE,
                title=doc["title"],
                body=doc["body"],
                url="",
            )
            for doc in documents
        ),
        using=alias,
    )
    object_ids = dict(SearchEntry.objects.using(alias).values_list("id", "object_id"))
    filters = Filters(language=EVALUATION_LANGUAGE)

    def rank(query: str) -> list[str]:
        outcome = search_run(query, filters, using=alias)
        return [object_ids[pk] for pk in outcome.ids[:10]]

    return rank, connections[alias].vendor

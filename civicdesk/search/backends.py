"""Full-text matching per database: FTS5 on SQLite, a tsvector with GIN on PostgreSQL.

Both read the same token columns (core.text), so they find the same entries. The database
only finds candidates, newest first; `ranking.py` orders them, the same way on both.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections

from civicdesk.core.text import Query, Term
from civicdesk.search.fulltext import FTS_TABLE, TABLE, VOCAB_TABLE


@dataclass(frozen=True)
class Filters:
    language: str
    kind: str = ""
    theme: str = ""
    cake: str = ""
    service: str = ""
    unit: str = ""
    disclosure_category: str = ""
    date_from: Any = None
    date_to: Any = None

    def where(self, alias: str) -> tuple[list[str], list[Any]]:
        clauses = [f"{alias}.language = %s"]
        params: list[Any] = [self.language]
        for column in ("kind", "theme", "cake", "service", "unit", "disclosure_category"):
            value = getattr(self, column)
            if value:
                clauses.append(f"{alias}.{column} = %s")
                params.append(value)
        if self.date_from:
            clauses.append(f"{alias}.updated_on >= %s")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{alias}.updated_on <= %s")
            params.append(self.date_to)
        return clauses, params

    @property
    def is_narrowed(self) -> bool:
        return any(
            getattr(self, name)
            for name in (
                "kind",
                "theme",
                "cake",
                "service",
                "unit",
                "disclosure_category",
                "date_from",
                "date_to",
            )
        )


class Backend:
    vendor = ""

    def __init__(self, using: str = "default") -> None:
        self.using = using

    # The query language: how a token, a term and the two connectives are written.
    AND = ""
    OR = ""

    @staticmethod
    def _token(token: str) -> str:
        raise NotImplementedError

    @staticmethod
    def _term(term: Term) -> str:
        raise NotImplementedError

    def expression(self, query: Query, *, require_all: bool) -> str:
        """Every term (each a phrase or its synonyms), or any token and prefix."""
        if require_all:
            return self.AND.join(self._term(term) for term in query.terms)
        parts = [self._token(token) for token in query.all_tokens()]
        parts += [self._term(term) for term in query.terms if term.is_prefix]
        return self.OR.join(parts)

    def candidates(
        self,
        query: Query,
        filters: Filters,
        *,
        require_all: bool,
        limit: int,
        min_id: int | None = None,
    ) -> list[int]:
        """Ids of entries matching every term (or any token), newest first, at most `limit`,
        only among ids ≥ `min_id` when given (the newest part of a very common match)."""
        raise NotImplementedError

    def token_counts(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """(token → number of entries holding it, number of entries), for the ranking."""
        raise NotImplementedError

    def max_id(self) -> int:
        rows = self._fetch(f"SELECT coalesce(max(id), 0) FROM {TABLE}", [])
        return int(rows[0][0])

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())


class SQLiteBackend(Backend):
    vendor = "sqlite"
    AND = " AND "
    OR = " OR "

    @staticmethod
    def _token(token: str) -> str:
        return f'"{token}"'

    @staticmethod
    def _term(term: Term) -> str:
        if term.is_prefix:
            return f'"{term.tokens[0]}"*'
        phrases = ['"' + " ".join(phrase) + '"' for phrase in term.phrases()]
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"

    def candidates(
        self,
        query: Query,
        filters: Filters,
        *,
        require_all: bool,
        limit: int,
        min_id: int | None = None,
    ) -> list[int]:
        clauses, params = filters.where("e")
        if min_id is not None:
            clauses.append(f"{FTS_TABLE}.rowid >= %s")
            params.append(min_id)
        # FTS5 walks its doclists in rowid order and stops at the limit: nothing is scored.
        sql = (
            f"SELECT e.id FROM {FTS_TABLE} JOIN {TABLE} e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {' AND '.join(clauses)} "
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s"
        )
        expression = self.expression(query, require_all=require_all)
        return [int(row[0]) for row in self._fetch(sql, [expression, *params, limit])]

    def token_counts(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        total = int(self._fetch(f"SELECT count(*) FROM {TABLE}", [])[0][0])
        if not tokens:
            return {}, total
        marks = ", ".join(["%s"] * len(tokens))
        rows = self._fetch(f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term IN ({marks})", tokens)
        return {str(term): int(doc) for term, doc in rows}, total


class PostgreSQLBackend(Backend):
    """Token counts come from PostgreSQL's own statistics of the tsvector column (the most
    common elements ANALYZE keeps): no count query per search. Tokens missing from them are
    rarer than the rarest kept, and are counted as such."""

    vendor = "postgresql"
    AND = " & "
    OR = " | "

    @staticmethod
    def _token(token: str) -> str:
        return f"'{token}'"

    @staticmethod
    def _term(term: Term) -> str:
        if term.is_prefix:
            return f"'{term.tokens[0]}':*"
        phrases = ["(" + " <-> ".join(f"'{t}'" for t in phrase) + ")" for phrase in term.phrases()]
        return "(" + " | ".join(phrases) + ")"

    def candidates(
        self,
        query: Query,
        filters: Filters,
        *,
        require_all: bool,
        limit: int,
        min_id: int | None = None,
    ) -> list[int]:
        clauses, params = filters.where("e")
        if min_id is not None:
            clauses.append("e.id >= %s")
            params.append(min_id)
        # A materialised CTE keeps PostgreSQL from walking the primary key backwards and
        # testing every row (measurements.md: 334 ms → 0.5 ms p95).
        sql = (
            f"WITH m AS MATERIALIZED (SELECT e.id FROM {TABLE} e "
            f"WHERE e.search_vector @@ to_tsquery('simple', %s) AND {' AND '.join(clauses)}) "
            "SELECT id FROM m ORDER BY id DESC LIMIT %s"
        )
        expression = self.expression(query, require_all=require_all)
        return [int(row[0]) for row in self._fetch(sql, [expression, *params, limit])]

    def token_counts(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        rows = self._fetch("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
        total = max(int(rows[0][0]), 0) if rows else 0
        if total == 0:  # never analysed: count exactly (a small or brand-new index)
            total = int(self._fetch(f"SELECT count(*) FROM {TABLE}", [])[0][0])
        stats = self._fetch(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = %s AND attname = 'search_vector'",
            [TABLE],
        )
        if not stats or stats[0][0] is None:
            counts = self._exact_counts(tokens)
        else:
            elements, freqs = stats[0]
            known = dict(zip(elements, freqs, strict=False))
            floor = float(freqs[-3]) if len(freqs) >= 3 else 0.0  # the rarest kept element
            counts = {}
            for token in tokens:
                frequency = known.get(token)
                counts[token] = round((frequency if frequency is not None else floor / 2) * total)
        # reltuples can lag the table (a bulk load before autovacuum, or an ANALYZE whose
        # transaction rolled back: it is updated in place). A token in more items than the
        # total would turn its IDF negative and invert the ranking.
        return counts, max(total, *counts.values(), 0)

    def _exact_counts(self, tokens: list[str]) -> dict[str, int]:
        counts = {}
        for token in tokens:
            rows = self._fetch(
                f"SELECT count(*) FROM {TABLE} WHERE search_vector @@ to_tsquery('simple', %s)",
                [self._token(token)],
            )
            counts[token] = int(rows[0][0])
        return counts


STATISTICS_TTL = 60.0
_STATISTICS: dict[tuple[str, str], tuple[float, tuple[int, dict[str, float], float] | None]] = {}


def backend_for(using: str = "default") -> Backend:
    vendor = connections[using].vendor
    if vendor == "sqlite":
        return SQLiteBackend(using)
    if vendor == "postgresql":
        return PostgreSQLBackend(using)
    raise NotImplementedError(f"site search does not support {vendor}")

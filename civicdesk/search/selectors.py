"""Reads of the site search: run a query with facets, browse by facet, suggest alternatives."""

import datetime
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.functions import Substr

from civicdesk.core.text import Query, fold, parse_query
from civicdesk.search.backends import Backend, Filters, backend_for
from civicdesk.search.models import SearchEntry
from civicdesk.search.ranking import SCORED_CHARS, Candidate, rank, term_df

# At most this many matches are ranked (the newest, when more match); nobody pages past them.
MATCH_LIMIT = 200
# When fewer than this many entries hold every term, entries holding any token follow.
RELAX_BELOW = 10
FACETS = ("kind", "theme", "cake", "service", "unit", "disclosure_category")
SORTS = ("relevance", "date")


@dataclass
class SearchOutcome:
    query: Query
    filters: Filters
    sort: str
    ids: list[int] = field(default_factory=list)
    partial_from: int = 0  # ids[partial_from:] matched only some of the terms
    facet_counts: dict[str, Counter[str]] = field(default_factory=dict)
    is_capped: bool = False  # more entries matched than were ranked
    using: str = "default"

    @property
    def total(self) -> int:
        return len(self.ids)

    def hits(self, start: int, stop: int) -> list[SearchEntry]:
        """The entries of one page of results, in result order."""
        page_ids = self.ids[start:stop]
        entries = SearchEntry.objects.using(self.using).in_bulk(page_ids)
        return [entries[pk] for pk in page_ids if pk in entries]


def _estimate(query: Query, counts: dict[str, int], total: int, *, require_all: bool) -> int:
    """An upper bound of how many entries match, from the token counts."""
    if any(term.is_prefix for term in query.terms):
        return total  # a one-character prefix: unknown, assume common
    if require_all:
        return min((term_df(term, counts) for term in query.terms), default=0)
    return min(total, sum(counts.get(token, 0) for token in query.all_tokens()))


def _candidates(
    backend: Backend,
    query: Query,
    filters: Filters,
    *,
    require_all: bool,
    counts: dict[str, int],
    total: int,
) -> list[int]:
    """The newest MATCH_LIMIT matching ids. A very common query is first looked for among
    the newest entries only (a window sized from the token counts), widened until enough are
    found, so its cost stays that of a few thousand rows whatever the index size."""
    estimate = _estimate(query, counts, total, require_all=require_all)
    if estimate <= 2 * MATCH_LIMIT or total == 0:
        return backend.candidates(query, filters, require_all=require_all, limit=MATCH_LIMIT)
    newest = backend.max_id()
    span = math.ceil(newest * 2 * MATCH_LIMIT / estimate)
    while True:
        min_id = newest - span
        ids = backend.candidates(
            query,
            filters,
            require_all=require_all,
            limit=MATCH_LIMIT,
            min_id=min_id if min_id > 0 else None,
        )
        if len(ids) >= MATCH_LIMIT or min_id <= 0:
            return ids
        # Too few in the window: the counts overestimated (a phrase is rarer than its
        # bigrams). Size the next window from the rate actually found, or search everything.
        rate = len(ids) / span
        if rate * newest < 2 * MATCH_LIMIT:
            span = newest
        else:
            span = min(newest, math.ceil(2 * MATCH_LIMIT / rate))


@dataclass(frozen=True)
class _Row:
    candidate: Candidate
    updated_on: datetime.date | None
    facets: tuple[str, ...]


def _rows(ids: list[int], using: str) -> dict[int, _Row]:
    """What ranking, date order and facet counts need, in one query."""
    rows = (
        SearchEntry.objects.using(using)
        .filter(id__in=ids)
        .annotate(head=Substr("body", 1, SCORED_CHARS))
        .values_list("id", "title", "keywords", "head", "updated_on", *FACETS)
    )
    return {
        pk: _Row(
            candidate=Candidate(id=pk, title=fold(f"{title}\n{keywords}"), body=fold(head or "")),
            updated_on=updated_on,
            facets=tuple(facets),
        )
        for pk, title, keywords, head, updated_on, *facets in rows
    }


def search_run(
    raw: str, filters: Filters, *, sort: str = "relevance", using: str = "default"
) -> SearchOutcome:
    """Entries matching every term first; when those are few, entries matching any token after.

    With no usable terms but a facet chosen, every entry of that facet (browsing the
    classification schemes), newest first.
    """
    query = parse_query(raw)
    outcome = SearchOutcome(query=query, filters=filters, sort=sort, using=using)
    if query.is_empty:
        if not filters.is_narrowed:
            return outcome
        entries = _filtered(filters, using).order_by("-updated_on", "title")
        found = list(entries.values_list("id", *FACETS)[: MATCH_LIMIT + 1])
        outcome.is_capped = len(found) > MATCH_LIMIT
        outcome.ids = [row[0] for row in found[:MATCH_LIMIT]]
        outcome.partial_from = len(outcome.ids)
        outcome.facet_counts = _count_facets(row[1:] for row in found[:MATCH_LIMIT])
    else:
        backend = backend_for(using)
        counts, total = backend.token_counts(query.all_tokens())
        strict = _candidates(backend, query, filters, require_all=True, counts=counts, total=total)
        relaxed: list[int] = []
        if len(strict) < RELAX_BELOW and len(query.all_tokens()) > 1:
            seen = set(strict)
            relaxed = [
                pk
                for pk in _candidates(
                    backend, query, filters, require_all=False, counts=counts, total=total
                )
                if pk not in seen
            ][: MATCH_LIMIT - len(strict)]
        outcome.is_capped = len(strict) >= MATCH_LIMIT
        rows = _rows(strict + relaxed, using)
        strict = [pk for pk in strict if pk in rows]
        relaxed = [pk for pk in relaxed if pk in rows]
        if sort == "date":
            strict = _newest_first(strict, rows)
        else:
            strict = _rank(strict, rows, query, counts, total)
        relaxed = _rank(relaxed, rows, query, counts, total)
        outcome.ids = strict + relaxed
        outcome.partial_from = len(strict)
        outcome.facet_counts = _count_facets(row.facets for row in rows.values())
    return outcome


def _filtered(filters: Filters, using: str) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.using(using).filter(language=filters.language)
    for name in FACETS:
        value = getattr(filters, name)
        if value:
            entries = entries.filter(**{name: value})
    if filters.date_from:
        entries = entries.filter(updated_on__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(updated_on__lte=filters.date_to)
    return entries


def _rank(
    ids: list[int], rows: dict[int, _Row], query: Query, counts: dict[str, int], total: int
) -> list[int]:
    return [pk for pk, _ in rank([rows[pk].candidate for pk in ids], query, counts, total)]


def _count_facets(rows: Iterable[Sequence[str]]) -> dict[str, Counter[str]]:
    """How many of the results carry each value of each facet (values in FACETS order)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for row in rows:
        for name, value in zip(FACETS, row, strict=True):
            if value:
                counts[name][value] += 1
    return counts


def _newest_first(ids: list[int], rows: dict[int, _Row]) -> list[int]:
    """Newest update first; undated entries last; ties keep their order (sort is stable)."""
    return sorted(ids, key=lambda pk: -(day.toordinal() if (day := rows[pk].updated_on) else 0))


@dataclass(frozen=True)
class Suggestion:
    """Something to try when nothing was found, with how many results it would give."""

    count: int
    drop_filters: bool = False
    language: str = ""  # search the other language's pages instead


def search_suggestions(outcome: SearchOutcome, *, using: str = "default") -> list[Suggestion]:
    """When nothing matched even in part: the same words without the filters, or in the
    other language's pages (a Chinese word typed on the English site, and the reverse)."""
    suggestions: list[Suggestion] = []
    query = outcome.query
    if query.is_empty:
        return suggestions
    backend = backend_for(using)
    if outcome.filters.is_narrowed:
        wide = Filters(language=outcome.filters.language)
        count = len(backend.candidates(query, wide, require_all=False, limit=MATCH_LIMIT))
        if count:
            suggestions.append(Suggestion(count, drop_filters=True))
    other = "zh-hant" if outcome.filters.language == "en" else "en"
    count = len(
        backend.candidates(query, Filters(language=other), require_all=False, limit=MATCH_LIMIT)
    )
    if count:
        suggestions.append(Suggestion(count, language=other))
    return suggestions


def search_entries_for_export(*, language: str) -> list[SearchEntry]:
    """Every indexed entry of one language, in address order (for judged query sets)."""
    return list(SearchEntry.objects.filter(language=language).order_by("url"))


def search_entries_recent(*, language: str, limit: int = 50) -> list[SearchEntry]:
    """The most recently updated published items of one language (the site's news feed)."""
    return list(
        SearchEntry.objects.filter(language=language, updated_on__isnull=False).order_by(
            "-updated_on", "-indexed_at"
        )[:limit]
    )

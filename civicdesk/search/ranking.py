"""Ranking of search candidates: BM25F over whole query terms, in plain Python.

The database finds the candidates (every term, or any token, matching); this module orders
them. Ranking here rather than in SQL gives both databases the same formula, with an inverse
document frequency that stays positive for words found in most items (SQLite's built-in bm25
floors it at zero, and PostgreSQL's ts_rank has none), phrase-level term frequencies counted
on the folded text, and partial credit for a term present only as some of its bigrams.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

from civicdesk.core.text import Query, Term

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3.0  # an occurrence in the title or keywords counts three times
PARTIAL_CREDIT = 0.5  # a term found only as some of its bigrams
SCORED_CHARS = 5000  # enough of a long body to judge it, bounded in cost


@dataclass(frozen=True)
class Candidate:
    id: int
    title: str  # folded title and keywords
    body: str  # folded body (its first SCORED_CHARS characters)


def idf(df: int, n: int) -> float:
    df = min(df, n)  # counts are estimates: a df above n would make the weight negative
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def _variants(term: Term) -> list[str]:
    return [term.text, *term.alternatives]


def term_df(term: Term, token_df: Mapping[str, int]) -> int:
    """Items holding the term at most: its rarest bigram's count, over its variants."""
    return max(min((token_df.get(t, 0) for t in phrase), default=0) for phrase in term.phrases())


def rank(
    candidates: list[Candidate], query: Query, token_df: Mapping[str, int], n: int
) -> list[tuple[int, float]]:
    """(id, score) best first; ties keep the candidates' order (newest first)."""
    if not candidates:
        return []
    lengths = [len(c.body) + TITLE_WEIGHT * len(c.title) for c in candidates]
    average = sum(lengths) / len(lengths) or 1.0
    weights = [(term, idf(term_df(term, token_df), n)) for term in query.terms]
    token_idf = {token: idf(token_df.get(token, 0), n) for token in query.all_tokens()}
    scored = []
    for position, (candidate, length) in enumerate(zip(candidates, lengths, strict=True)):
        norm = K1 * (1 - B + B * length / average)
        total = 0.0
        for term, weight in weights:
            tf = sum(
                TITLE_WEIGHT * candidate.title.count(v) + candidate.body.count(v)
                for v in _variants(term)
            )
            if tf:
                total += weight * tf * (K1 + 1) / (tf + norm)
            elif len(term.tokens) > 1:
                total += PARTIAL_CREDIT * _partial(candidate, term, token_idf, norm)
        scored.append((candidate.id, total, position))
    scored.sort(key=lambda item: (-item[1], item[2]))
    return [(pk, value) for pk, value, _ in scored]


def _chunks(text: str, title: str, body: str) -> list[str]:
    """The longest pieces (two characters or more) of a query term found in the item, left to
    right: a question typed as one run (事業廢棄物處理費多少) is split where the item's own
    words break it (事業廢棄物 / 處理費)."""
    pieces = []
    start = 0
    while start < len(text) - 1:
        end = start + 2
        if text[start:end] not in title and text[start:end] not in body:
            start += 1
            continue
        while end < len(text) and (text[start : end + 1] in title or text[start : end + 1] in body):
            end += 1
        pieces.append(text[start:end])
        start = end
    return pieces


def _partial(
    candidate: Candidate, term: Term, token_idf: Mapping[str, float], norm: float
) -> float:
    """Credit for a term present only in pieces: each piece weighs the IDF of its bigrams."""
    total = 0.0
    for piece in _chunks(term.text, candidate.title, candidate.body):
        tf = TITLE_WEIGHT * candidate.title.count(piece) + candidate.body.count(piece)
        weight = sum(token_idf.get(piece[i : i + 2], 0.0) for i in range(len(piece) - 1))
        total += weight * tf * (K1 + 1) / (tf + norm)
    return total

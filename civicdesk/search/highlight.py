"""Highlighting a search result: the window of its text around the query's terms, marked."""

from civicdesk.core.text import Query, fold


def _needles(folded: str, query: Query) -> list[str]:
    """What to mark: whole terms where they occur, else a long CJK term's bigrams."""
    needles: list[str] = []
    for term in query.terms:
        whole = [
            variant
            for variant in (term.text, *term.alternatives)
            if term.is_prefix or len(variant) <= 2 or variant in folded
        ]
        needles.extend(whole or term.tokens)
    return needles


def _spans(folded: str, needles: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every needle; overlapping matches merge into one mark."""
    found: list[tuple[int, int]] = []
    for needle in set(needles):
        start = folded.find(needle) if needle else -1
        while start != -1:
            found.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _segments(
    text: str, spans: list[tuple[int, int]], begin: int, end: int
) -> list[tuple[str, bool]]:
    segments: list[tuple[str, bool]] = [("…", False)] if begin > 0 else []
    cursor = begin
    for s, e in spans:
        if e <= begin or s >= end:
            continue
        s, e = max(s, begin), min(e, end)
        if s > cursor:
            segments.append((text[cursor:s], False))
        segments.append((text[s:e], True))
        cursor = e
    if cursor < end:
        segments.append((text[cursor:end], False))
    if end < len(text):
        segments.append(("…", False))
    return segments


def highlight(text: str, query: Query, *, width: int = 120) -> list[tuple[str, bool]]:
    """A window of `text` around the best match, as (segment, is_match) pairs.

    Whole terms are marked where they occur; for a long CJK term that occurs only in part,
    its bigrams are marked instead.
    """
    if not text:
        return []
    folded = fold(text)
    spans = _spans(folded, _needles(folded, query))
    if not spans:
        window = text[:width]
        return [(window + ("…" if len(text) > width else ""), False)]
    begin = max(0, spans[0][0] - width // 4)
    end = min(len(text), begin + width)
    return _segments(text, spans, begin, end)

"""Highlighting a search result: the window of its text around the query's terms, marked."""

from civicdesk.core.text import Query, fold


def highlight(text: str, query: Query, *, width: int = 120) -> list[tuple[str, bool]]:
    """A window of `text` around the best match, as (segment, is_match) pairs.

    Whole terms are marked where they occur; for a long CJK term that occurs only in part,
    its bigrams are marked instead.
    """
    if not text:
        return []
    folded = fold(text)
    needles: list[str] = []
    for term in query.terms:
        whole = [
            variant
            for variant in (term.text, *term.alternatives)
            if term.is_prefix or len(variant) <= 2 or variant in folded
        ]
        needles.extend(whole or term.tokens)
    found: list[tuple[int, int]] = []
    for needle in set(needles):
        start = folded.find(needle) if needle else -1
        while start != -1:
            found.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):  # overlapping matches merge into one mark
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    if not spans:
        window = text[:width]
        return [(window + ("…" if len(text) > width else ""), False)]
    first = spans[0][0]
    begin = max(0, first - width // 4)
    end = min(len(text), begin + width)
    segments: list[tuple[str, bool]] = []
    if begin > 0:
        segments.append(("…", False))
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

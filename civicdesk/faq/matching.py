"""Which FAQ entries may already answer a petition being typed: a score per entry, pure.

A petition is long and a question short, so this is not the site search's BM25: every
distinct token of the petition (CJK bigrams and words, from civicdesk.core.text) that the
entry shares counts once, three times as much when it is in the question or keywords as when
it is only in the answer. Tokens that most entries share (焚化廠, "plant") count a quarter,
filler (請問, "please") not at all. An entry is suggested only when the question itself
matches and the score reaches MIN_SCORE: two words of the question, or one and several of
the answer; a lone shared word is a coincidence, not an answer.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from civicdesk.core.text import tokens

HEAD_WEIGHT = 3.0  # the question (title, full question) and keywords
BODY_WEIGHT = 1.0  # the answer
WORD_WEIGHT = 1.5  # a word of a spaced language says more than one CJK bigram
COMMON_SHARE = 0.5  # a token in more than half the entries (with at least COMMON_MIN_ENTRIES)…
COMMON_MIN_ENTRIES = 4
COMMON_WEIGHT = 0.25  # …counts a quarter
CATEGORY_BONUS = 1.25  # the petition's chosen category is the entry's topic
MIN_SCORE = 6.0
MAX_TEXT = 6000  # characters of the petition looked at

_ENGLISH_STOP = """
a an the and or but to of in on at for by from with about as is are was were be been am it its
this that these those there here i me my we us our you your he she they them their can could
would should will shall may might do doe does did have ha has had not no yes if so than then
please thank thanks hello dear how what when where why who which whom any some all more most
very also just
"""
# Words that carry no topic: politeness and question words in both languages (folded forms,
# as civicdesk.core.text.tokens returns them).
STOP_TOKENS = frozenset(
    tokens(
        "請問 您好 你好 謝謝 感謝 我們 你們 他們 可以 是否 如何 怎麼 什麼 為什麼 甚麼 一下 沒有 "
        "因為 所以 但是 希望 問題 這個 那個 一個 還是 已經 自己 現在 目前 非常 真的 需要 應該 "
        "有關 關於 能否 不能 一直 時候 以及 或是"
    )
) | frozenset(_ENGLISH_STOP.split())


@dataclass(frozen=True)
class Entry:
    """A published FAQ entry as the matcher sees it: plain text, no markup."""

    id: int
    question: str  # the title and the full question
    keywords: str
    answer: str
    category: str = ""  # the petition category's code ("" when none)


@dataclass(frozen=True)
class Match:
    id: int
    score: float


def _is_cjk(token: str) -> bool:
    return token[:1] >= "\u3400"


def _token_set(text: str) -> frozenset[str]:
    return frozenset(tokens(text)) - STOP_TOKENS


def rank(
    entries: Sequence[Entry],
    text: str,
    *,
    category: str = "",
    limit: int = 3,
    min_score: float = MIN_SCORE,
) -> list[Match]:
    """The entries that may answer `text`, best first, at most `limit`."""
    wanted = _token_set(text[:MAX_TEXT])
    if not wanted or not entries or limit <= 0:
        return []
    heads = [_token_set(f"{e.question}\n{e.keywords}") for e in entries]
    bodies = [_token_set(e.answer) for e in entries]
    df: Counter[str] = Counter()
    for head, body in zip(heads, bodies, strict=True):
        df.update((head | body) & wanted)
    n = len(entries)
    common = {t for t, count in df.items() if n >= COMMON_MIN_ENTRIES and count > n * COMMON_SHARE}
    matches = []
    for entry, head, body in zip(entries, heads, bodies, strict=True):
        in_head = head & wanted
        if not in_head:
            continue
        score = 0.0
        for token in in_head | (body & wanted):
            weight = HEAD_WEIGHT if token in in_head else BODY_WEIGHT
            if not _is_cjk(token):
                weight *= WORD_WEIGHT
            score += weight * (COMMON_WEIGHT if token in common else 1.0)
        if category and entry.category == category:
            score *= CATEGORY_BONUS
        if score >= min_score:
            matches.append(Match(entry.id, score))
    matches.sort(key=lambda m: -m.score)  # stable: ties keep the entries' order
    return matches[:limit]

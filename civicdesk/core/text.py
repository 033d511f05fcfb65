"""Folding, tokenising and parsing citizens' text: pure functions, no database.

The site search indexes with them, the FAQ filters and suggests entries with them, and triage
builds its features on them, so a word typed one way meets the same word written another.

Chinese has no spaces, so every run of CJK characters becomes overlapping character bigrams
(see docs/decisions/0005-chinese-site-search.md); words in other scripts are lower-case words
with a light English plural stemmer. Folding is one character for one character, so positions
in the folded text are positions in the original (for highlighting): full-width forms become
half-width, upper case lower case, Traditional characters the Simplified ones of OpenCC's
character table, so 臺/台, 裏/裡 and 噪音/噪音 meet. A query's terms carry the synonyms of
`data/synonyms.txt` (參訪/參觀, 臭味/異味, …).
"""

import functools
import re
from dataclasses import dataclass
from importlib import resources

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_TOKEN = re.compile(rf"([{CJK}]+)|([0-9a-z\u00c0-\u024f]+)")
_OPENCC_TABLES = ("TSCharacters.txt",)


@functools.cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for name in _OPENCC_TABLES:
        text = resources.files("opencc").joinpath("dictionary", name).read_text("utf-8")
        for line in text.splitlines():
            source, _, targets = line.partition("\t")
            target = targets.split(" ")[0] if targets else ""
            if len(source) == 1 and len(target) == 1:
                table[ord(source)] = target
    # Variants OpenCC leaves alone but citizens type interchangeably.
    for variant, common in (("臺", "台"), ("裏", "里"), ("裡", "里")):
        table[ord(variant)] = table.get(ord(common), common)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII forms
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    return table


def fold(text: str) -> str:
    """Same length as `text`; full-width → half-width, lower case, Traditional → Simplified."""
    folded = text.translate(_fold_table())
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def stem(word: str) -> str:
    """A light English stemmer: plurals only, so 'complaints' finds 'complaint'."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Index tokens of a text: CJK bigrams (a lone CJK character stays a unigram), words."""
    out: list[str] = []
    for cjk, word in _TOKEN.findall(fold(text)):
        if cjk:
            if len(cjk) == 1:
                out.append(cjk)
            else:
                out.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
        else:
            out.append(stem(word))
    return out


def token_string(text: str) -> str:
    return " ".join(tokens(text))


def phrase_tokens(folded: str) -> tuple[str, ...]:
    """The tokens a folded query term must match in sequence."""
    out: list[str] = []
    for cjk, word in _TOKEN.findall(folded):
        if cjk:
            out.extend([cjk] if len(cjk) == 1 else [cjk[i : i + 2] for i in range(len(cjk) - 1)])
        else:
            out.append(stem(word))
    return tuple(out)


@functools.cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    """Folded word → the other folded words of its group (data/synonyms.txt)."""
    text = resources.files("civicdesk.core").joinpath("data", "synonyms.txt").read_text("utf-8")
    groups: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        words = [fold(word) for word in line.split()] if not line.startswith("#") else []
        for word in words:
            groups[word] = tuple(dict.fromkeys(w for w in words if w != word))
    return groups


def _alternatives(folded: str, *, limit: int = 8) -> tuple[str, ...]:
    """Other ways to say a query term: the whole term, or one word inside a CJK run,
    replaced by a synonym."""
    synonyms = _synonyms()
    found: list[str] = list(synonyms.get(folded, ()))
    if _TOKEN.fullmatch(folded) and folded[:1] >= "\u3400":
        covered: list[tuple[int, int]] = []  # longest words first; a word inside one is skipped
        for word in sorted(synonyms, key=len, reverse=True):
            start = folded.find(word) if word != folded and len(word) > 1 else -1
            end = start + len(word)
            if start == -1 or any(s < end and start < e for s, e in covered):
                continue
            covered.append((start, end))
            found += [folded[:start] + other + folded[end:] for other in synonyms[word]]
    return tuple(dict.fromkeys(alt for alt in found if alt != folded))[:limit]


@dataclass(frozen=True)
class Term:
    """One unit of a query: a CJK run (matched as a phrase of its bigrams), a single CJK
    character (matched as a prefix of bigrams), or a word; `alternatives` are synonyms
    (folded), any of which may match instead."""

    text: str
    tokens: tuple[str, ...]
    is_prefix: bool = False
    original: str = ""  # as typed, for messages shown back to the citizen
    alternatives: tuple[str, ...] = ()

    def phrases(self) -> list[tuple[str, ...]]:
        """Token sequences any one of which satisfies the term."""
        return [self.tokens, *(phrase_tokens(alt) for alt in self.alternatives)]


@dataclass(frozen=True)
class Query:
    raw: str
    terms: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def all_tokens(self) -> list[str]:
        """Every token of every term and synonym (prefix terms excluded), once."""
        seen: dict[str, None] = {}
        for term in self.terms:
            if term.is_prefix:
                continue
            for phrase in term.phrases():
                for token in phrase:
                    seen.setdefault(token, None)
        return list(seen)


def parse_query(raw: str, *, max_terms: int = 12) -> Query:
    """Split what a citizen typed into terms; punctuation and spaces only separate."""
    terms: dict[str, Term] = {}
    for match in _TOKEN.finditer(fold(raw)):
        cjk, word = match.groups()
        original = raw[match.start() : match.end()]
        if cjk and len(cjk) == 1:
            term = Term(cjk, (cjk,), is_prefix=True, original=original)
        else:
            text = cjk or word
            term = Term(
                text, phrase_tokens(text), original=original, alternatives=_alternatives(text)
            )
        terms.setdefault(term.text, term)
    return Query(raw=raw, terms=tuple(list(terms.values())[:max_terms]))

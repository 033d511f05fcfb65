"""Text features shared by category suggestion, duplicate detection and recurring topics.

Pure functions. Text is folded with `civicdesk.core.text.fold` (full-width → half-width, lower
case, Traditional → Simplified character by character, 臺/台), so every variant a citizen types
meets the same feature; folding keeps positions, so a folded term maps back to the characters
the citizen wrote. Runs of CJK characters become character n-grams (Chinese has no spaces);
words in other scripts stay words, so mixed-script petitions are handled run by run.
"""

import re
from collections import Counter
from collections.abc import Iterator

from civicdesk.core.text import CJK, fold, stem

# Boilerplate tags the petition systems put in front of a text (【單一陳情案件】, 【緊急案件】):
# they say how the case arrived, not what it is about.
_TAG = re.compile(r"【[^】]{1,12}】")
_NULL = re.compile(r"(?:^|[,，\s])null(?=$|[,，\s])", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<!\d)(?:\+?886[-\s]?|0)(?:9\d{2}[-\s]?\d{3}[-\s]?\d{3}|\d{1,2}[-\s]?\d{3,4}[-\s]?\d{4})(?!\d)"
)
_NATIONAL_ID = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][1289]\d{8}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPACE = re.compile(r"\s+")
_RUNS = re.compile(rf"([{CJK}]+)|([0-9a-z\u00c0-\u024f]+)")
_LONG_NUMBER = re.compile(r"\d{3,}")


def clean(text: str) -> str:
    """The petition without boilerplate tags, placeholder 'null's, phone numbers, national ID
    numbers and e-mail addresses (personal data never decides a route or a match), with runs of
    white space collapsed. Still in the citizen's own script."""
    text = _TAG.sub(" ", text)
    text = _NULL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _NATIONAL_ID.sub(" ", text)
    text = _PHONE.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def runs(text: str) -> Iterator[tuple[str, str, bool]]:
    """(folded run, original run, is_cjk) for each CJK run or word of an already cleaned text."""
    folded = fold(text)
    for match in _RUNS.finditer(folded):
        original = text[match.start() : match.end()]
        yield match.group(0), original, match.group(1) is not None


def routing_terms(text: str) -> list[str]:
    """Features for category suggestion: CJK character 1–3-grams, word unigrams and bigrams
    (light plural stemming) for other scripts, long digit runs collapsed (lamp, case and house
    numbers say where, not what)."""
    out: list[str] = []
    previous_word = ""
    for folded, _, is_cjk in runs(clean(text)):
        if is_cjk:
            previous_word = ""
            n = len(folded)
            out.extend(folded)
            out.extend(folded[i : i + 2] for i in range(n - 1))
            out.extend(folded[i : i + 3] for i in range(n - 2))
        else:
            word = "#" if _LONG_NUMBER.fullmatch(folded) else stem(folded)
            out.append(word)
            if previous_word:
                out.append(f"{previous_word} {word}")
            previous_word = word
    return out


def similarity_terms(text: str) -> Counter[str]:
    """Features for comparing two texts: CJK character bigrams (a lone character as itself) and
    words; digits are kept (a lamp-post number is strong evidence of the same matter)."""
    out: Counter[str] = Counter()
    for folded, _, is_cjk in runs(clean(text)):
        if is_cjk:
            if len(folded) == 1:
                out[folded] += 1
            else:
                out.update(folded[i : i + 2] for i in range(len(folded) - 1))
        else:
            out[stem(folded)] += 1
    return out


def topic_terms(text: str) -> list[tuple[str, str]]:
    """(folded term, term as written) pairs for topic clustering and labels: CJK bigrams and
    trigrams, and words (digit-only words dropped)."""
    out: list[tuple[str, str]] = []
    for folded, original, is_cjk in runs(clean(text)):
        if is_cjk:
            for size in (2, 3):
                out.extend(
                    (folded[i : i + size], original[i : i + size])
                    for i in range(len(folded) - size + 1)
                )
        elif not folded.isdigit() and len(folded) > 1:
            out.append((stem(folded), original))
    return out


# --- places ------------------------------------------------------------------------------

_POSTCODE = re.compile(r"^\d{3,6}")
# After folding: optional country, city/county, district, village (里, only before a 鄰 number)
# and neighbourhood (鄰) prefixes of a Taiwanese address.
_ADDRESS_PREFIX = re.compile(
    r"^(?:台湾)?(?:[\u4e00-\u9fff]{2}[市县])?(?:[\u4e00-\u9fff]{1,3}[区乡镇])?"
    r"(?:[\u4e00-\u9fff]{1,3}[里村](?=\d+邻))?(?:\d+邻)?"
)
_PLACE_NOISE = re.compile(r"[\s\-_,，、。:：;；/\\|'\"“”‘’]+")


def normalise_place(place: str) -> str:
    """A place reduced to what distinguishes it: folded (full-width digits, 臺/台, case), white
    space and separators removed, and postal code, city, district, village (里) and
    neighbourhood (鄰) prefixes stripped, so '105台灣台北市松山區民生東路四段56號' and
    '民生東路四段５６號' meet."""
    text = _PLACE_NOISE.sub("", fold(place))
    text = _POSTCODE.sub("", text)
    text = _ADDRESS_PREFIX.sub("", text)
    return _LONG_ZERO.sub(lambda m: m.group(1), text)


# House and lane numbers are written zero-padded in some registers (００８鄰, 0129號).
_LONG_ZERO = re.compile(r"(?<!\d)0+(\d)")


def place_terms(place: str) -> Counter[str]:
    """Character bigrams of a normalised place (a one-character place as itself)."""
    text = normalise_place(place)
    if len(text) <= 1:
        return Counter([text] if text else [])
    return Counter(text[i : i + 2] for i in range(len(text) - 1))

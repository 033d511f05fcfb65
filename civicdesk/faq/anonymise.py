"""Finding and masking personal data in a petition's text before it becomes an FAQ entry.

Pure: no database. Detects Taiwan national ID and resident certificate numbers, phone numbers,
e-mail addresses, street addresses down to the house number, and the names it is given (the
petitioner's and the officers'). It errs on the side of masking; an editor reviews the result
before anything is published (個資法 §5: personal data used only as far as the purpose needs).

Detection runs on a folded copy of the text (full-width digits and letters made half-width,
one character for one), so positions found there are positions in the original.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

NATIONAL_ID = "national_id"
PHONE = "phone"
EMAIL = "email"
ADDRESS = "address"
NAME = "name"
KINDS = (NATIONAL_ID, PHONE, EMAIL, ADDRESS, NAME)

# Masks are written in the language of the text they replace, not the reader's.
MASKS: dict[str, tuple[str, str]] = {
    NATIONAL_ID: ("〔身分證字號〕", "[ID number]"),
    PHONE: ("〔電話〕", "[phone number]"),
    EMAIL: ("〔電子郵件〕", "[e-mail address]"),
    ADDRESS: ("〔地址〕", "[address]"),
    NAME: ("〔姓名〕", "[name]"),
}
# When two findings overlap, the longer one wins; on equal length, the earlier kind here.
_PRIORITY = {kind: order for order, kind in enumerate(KINDS[:3] + (ADDRESS, NAME))}

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")


@dataclass(frozen=True)
class Finding:
    kind: str
    original: str
    start: int
    end: int


@dataclass(frozen=True)
class Anonymised:
    text: str
    findings: tuple[Finding, ...]

    def counts(self) -> dict[str, int]:
        """How many of each kind were masked, in the order of KINDS (kinds with none left out)."""
        found = Counter(finding.kind for finding in self.findings)
        return {kind: found[kind] for kind in KINDS if found[kind]}


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Full-width ASCII to half-width, same length (positions are kept)."""
    return text.translate(_FOLD)


def is_chinese(text: str) -> bool:
    return bool(_CJK_RE.search(text))


# --- National ID (身分證統一編號) and resident certificate numbers (居留證統一證號) -----------

# Letter → two-digit area code of the checksum (內政部 rules; I, O, W, X, Y, Z out of order).
_LETTER_VALUES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))
_NATIONAL_ID_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][12ABCD89]\d{8}(?![A-Za-z0-9])")


def national_id_is_valid(value: str) -> bool:
    """Checksum of a national ID (A123456789), an old resident certificate number (second
    character A–D) or a new one (second digit 8 or 9)."""
    value = fold(value).upper()
    if not re.fullmatch(r"[A-Z][12ABCD89]\d{8}", value):
        return False
    area = _LETTER_VALUES[value[0]]
    second = value[1]
    first_digit = _LETTER_VALUES[second] % 10 if second.isalpha() else int(second)
    digits = [first_digit, *(int(c) for c in value[2:])]
    weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]
    total = area // 10 + (area % 10) * 9 + sum(d * w for d, w in zip(digits, weights, strict=True))
    return total % 10 == 0


# --- Phone numbers ------------------------------------------------------------------------

_SEP = r"[-\s.]?"
_EXTENSION = r"(?:\s?(?:#|分機|轉|ext\.?\s?|x)\s?\d{1,5})?"
_PHONE_RE = re.compile(
    r"(?<![\d+])(?:"
    # international: +886 9xx xxx xxx, +886-7-123-4567, +886 (0)7 1234567
    rf"\+\s?886{_SEP}(?:\(0\){_SEP})?(?:9\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{3}}"
    rf"|[2-8]\d?{_SEP}\d{{3,4}}{_SEP}\d{{4}})"
    # mobile: 0912-345-678, 0912 345 678, 0912345678
    rf"|09\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{3}}"
    # toll-free: 0800-123-456, 0800 123456
    rf"|0800{_SEP}\d{{3}}{_SEP}\d{{3}}"
    # landline with the area code in brackets: (07)123-4567, (02) 2345-6789
    rf"|\(0\d{{1,2}}\)\s?\d{{3,4}}{_SEP}\d{{4}}"
    # landline with a dash after the area code: 07-1234567, 07-123-4567, 02-2345-6789
    rf"|0[2-8]\d?-\d{{3,4}}-?\d{{4}}"
    rf"){_EXTENSION}(?!\d)",
    re.IGNORECASE,
)

# --- E-mail -------------------------------------------------------------------------------

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# --- Street addresses ---------------------------------------------------------------------

# Characters that begin or join a sentence rather than a place name: an address never starts
# with them, so "我住在民生東路…" masks from 民生 on.
_STOP = "在住於至到從的是我你他她家位址近往向距離及與或請問為就去來回經過著了"
_PLACE_CHAR = f"(?:(?![{_STOP}])[{_CJK}])"
_NUMERAL = r"(?:\d+|[一二三四五六七八九十百]+)"
_ZH_ADDRESS_RE = re.compile(
    rf"(?:{_PLACE_CHAR}{{1,3}}[市縣])?"  # city or county: 高雄市
    rf"(?:{_PLACE_CHAR}{{1,3}}[區鄉鎮市])?"  # district or township: 前金區
    rf"(?:{_PLACE_CHAR}{{1,3}}[里村](?:\d+鄰)?)?"  # village and neighbourhood: 文東里5鄰
    rf"{_PLACE_CHAR}{{1,5}}?(?:路|街|大道)"  # road or street: 民生東路, 大中一路
    rf"(?:{_NUMERAL}段)?(?:\d+巷)?(?:\d+弄)?"  # section, lane, alley
    r"(?:\d+(?:[-之]\d+)?號(?:之\d+)?)"  # the house number makes it an address
    r"(?:\s?(?:\d+|[一二三四五六七八九十]+)(?:樓|F|f)(?:之\d+)?)?"  # floor: 3樓, 3樓之2, 5F
)
_EN_ROAD = r"(?:Road|Rd|Street|St|Avenue|Ave|Boulevard|Blvd)\.?"
_EN_PARTS = r"(?:,?\s*(?:Aly|Alley|Ln|Lane|Sec|Section)\.?\s*\d+)*"
_EN_PLACE = (
    r"(?:,\s*[A-Z][A-Za-z'-]+\s(?:Dist|District|Township|Village)\.?)?"
    r"(?:,\s*[A-Z][A-Za-z'-]+\s(?:City|County))?"
)
_EN_ADDRESS_RE = re.compile(
    # Taiwan's postal order: 5F., No. 17, Aly. 3, Ln. 56, Sec. 4, Minsheng E. Rd., Songshan Dist.
    rf"(?:\b\d+F\.?,?\s*)?\bNo\.\s?\d+(?:-\d+)?{_EN_PARTS},?\s*"
    rf"(?:[A-Z0-9][A-Za-z0-9.'-]*\s){{1,4}}{_EN_ROAD}{_EN_PARTS}{_EN_PLACE}"
    # Western order: 17 Minsheng East Road, 100 Dazhong 1st Rd.
    rf"|\b\d+(?:-\d+)?\s(?:[A-Z0-9][A-Za-z0-9.'-]*\s){{1,4}}{_EN_ROAD}{_EN_PLACE}"
)

# --- Names --------------------------------------------------------------------------------

_COMPOUND_SURNAMES: tuple[str, ...] = ("歐陽", "司馬", "諸葛", "上官", "東方", "皇甫")
_COMPOUND_SURNAMES += ("司徒", "夏侯", "張簡", "范姜", "張廖", "周黃")
_HONORIFICS_ZH = "先生|小姐|女士|太太|君|同學|老師"
_TITLES_EN = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+"
_MASKED_NAME_CHARS = "○〇*＊Ｏ"


def split_chinese_name(name: str) -> tuple[str, str]:
    """(surname, given name); compound surnames (歐陽, 張簡) are recognised."""
    for surname in _COMPOUND_SURNAMES:
        if name.startswith(surname) and len(name) > len(surname):
            return surname, name[len(surname) :]
    return name[:1], name[1:]


def _name_patterns(name: str) -> list[re.Pattern[str]]:
    name = " ".join(fold(name).split())
    if not name:
        return []
    if is_chinese(name):
        compact = name.replace(" ", "")
        surname, given = split_chinese_name(compact)
        sources = [re.escape(compact), rf"{re.escape(surname)}(?:{_HONORIFICS_ZH})"]
        if len(given) >= 2 and not any(c in given for c in _MASKED_NAME_CHARS):
            sources.append(re.escape(given))
        return [re.compile(source) for source in sources]
    parts = [part for part in re.split(r"[\s,]+", name) if part]
    if not parts:
        return []
    flexible = [re.escape(part).replace(r"\-", r"[-\s]?") for part in parts]
    between = r"[\s,]+"
    patterns = [
        # the full name in either order (Lin Mei-hua, Mei-hua Lin), any case
        re.compile(r"\b" + between.join(flexible) + r"\b", re.IGNORECASE),
        re.compile(r"\b" + between.join(reversed(flexible)) + r"\b", re.IGNORECASE),
    ]
    for part, pattern in zip(parts, flexible, strict=True):
        if len(part) < 2:
            continue
        # Mr Lin, Ms. Lin (any case); a part alone only capitalised, so "may" is not "May".
        patterns.append(re.compile(rf"\b{_TITLES_EN}{pattern}\b", re.IGNORECASE))
        first, rest = pattern[0], pattern[1:]
        patterns.append(re.compile(rf"\b{first.upper()}(?i:{rest})\b"))
    return patterns


# --- Putting it together --------------------------------------------------------------------


def _finditer(kind: str, pattern: re.Pattern[str], folded: str, text: str) -> Iterable[Finding]:
    for match in pattern.finditer(folded):
        start, end = match.span()
        # A match never ends on trailing spaces or separators.
        while end > start and folded[end - 1] in " -.,":
            end -= 1
        if end > start:
            yield Finding(kind, text[start:end], start, end)


def _literal(kind: str, value: str, folded: str, text: str) -> Iterable[Finding]:
    value = fold(value).strip()
    if len(value) < 3:
        return
    pattern = re.compile(re.escape(value).replace(r"\ ", r"\s*"), re.IGNORECASE)
    yield from _finditer(kind, pattern, folded, text)


def find(
    text: str, *, names: Sequence[str] = (), known: Mapping[str, Sequence[str]] | None = None
) -> list[Finding]:
    """Every piece of personal data in `text`, left to right, without overlaps.

    `names` are people to mask wherever they appear (full name, surname with an honorific,
    given name alone); `known` maps a kind to exact values known to be personal (the
    petitioner's own phone, e-mail and address as recorded), found even when no pattern would.
    """
    folded = fold(text)
    found: list[Finding] = []
    found += _finditer(EMAIL, _EMAIL_RE, folded, text)
    found += _finditer(NATIONAL_ID, _NATIONAL_ID_RE, folded, text)
    found += _finditer(PHONE, _PHONE_RE, folded, text)
    found += _finditer(ADDRESS, _ZH_ADDRESS_RE, folded, text)
    found += _finditer(ADDRESS, _EN_ADDRESS_RE, folded, text)
    for name in names:
        for pattern in _name_patterns(name):
            found += _finditer(NAME, pattern, folded, text)
    for kind, values in (known or {}).items():
        for value in values:
            found += _literal(kind, value, folded, text)
    found.sort(key=lambda f: (f.start, -(f.end - f.start), _PRIORITY[f.kind]))
    kept: list[Finding] = []
    for finding in found:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def anonymise(
    text: str,
    *,
    names: Sequence[str] = (),
    known: Mapping[str, Sequence[str]] | None = None,
    chinese: bool | None = None,
) -> Anonymised:
    """`text` with each finding replaced by a mask in the text's language (〔姓名〕, [name])."""
    findings = find(text, names=names, known=known)
    zh = is_chinese(text) if chinese is None else chinese
    pieces: list[str] = []
    cursor = 0
    for finding in findings:
        pieces.append(text[cursor : finding.start])
        pieces.append(MASKS[finding.kind][0 if zh else 1])
        cursor = finding.end
    pieces.append(text[cursor:])
    return Anonymised("".join(pieces), tuple(findings))

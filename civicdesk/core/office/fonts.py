"""The fonts every PDF is set in, embedded as subsets so that any viewer, now or in an archive
decades on, draws the same glyphs: Chinese in TW-Kai, Latin in DejaVu Sans.

TW-Kai (全字庫正楷體, Debian's fonts-cns11643-kai) is the National Development Council's font
of CNS 11643, the character standard of household registration, so the rare characters of
personal names are there: 堃 喆 犇 in Big5, 㵘 in Extension A, and the Extension B file holds
some 42,700 characters of plane 2 (𥕢, 𡘙). Its Kai (楷書) style is that of official letters,
matching the 標楷體 the ODF files name. Noto CJK is OpenType/CFF, which reportlab cannot embed.
"""

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from reportlab.pdfbase import pdfmetrics, ttfonts

CJK_FONT = "TW-Kai"
CJK_EXT_B_FONT = "TW-Kai-Ext-B"
LATIN_FONT = "DejaVuSans"
_CNS11643 = Path("/usr/share/fonts/truetype/cns11643")
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    CJK_FONT: _CNS11643 / "TW-Kai-98_1.ttf",
    CJK_EXT_B_FONT: _CNS11643 / "TW-Kai-Ext-B-98_1.ttf",
    LATIN_FONT: _DEJAVU / "DejaVuSans.ttf",
}
INSTALL_HINT = "apt-get install fonts-cns11643-kai fonts-dejavu-core"
_PLANE_2 = range(0x20000, 0x30000)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with characters beyond the BMP as UTF-16 surrogate pairs:
    reportlab writes their code point as an odd-length hex string, which readers reject, so a
    name with an Extension B character would be drawn but not found, copied or read aloud."""
    entries = [
        f"<{code:02X}> <{chr(value).encode('utf-16-be').hex().upper()}>"
        for code, value in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class _GlyphWindow:
    """The glyf table as a window onto the font file: reportlab copies the whole table out of
    the file for every subset it embeds, some 50 MB of TW-Kai, though it slices out only the
    few glyphs a document uses."""

    def __init__(self, data: bytes, start: int) -> None:
        self.data, self.start = data, start

    def __getitem__(self, part: slice) -> bytes:
        return self.data[self.start + part.start : self.start + part.stop]


@functools.cache
def _face(name: str) -> ttfonts.TTFont:
    path = FONT_FILES[name]
    if not path.exists():
        raise ImproperlyConfigured(f"PDFs need the font file {path}: {INSTALL_HINT}")
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    font = ttfonts.TTFont(name, str(path))
    face, get_table = font.face, font.face.get_table

    def table(tag: str) -> object:
        if tag == "glyf":
            return _GlyphWindow(face._ttf_data, face.get_table_pos(tag)[0])
        return get_table(tag)

    face.get_table = table
    pdfmetrics.registerFont(font)
    return font


def register_fonts() -> None:
    """Register the Chinese and Latin fonts once per process (reportlab keeps one font per
    name). The Extension B file is registered when a text first needs it: it is large."""
    _face(CJK_FONT)
    _face(LATIN_FONT)


def missing_font_files() -> list[Path]:
    """The font files PDFs need that this machine lacks (a system check reports them)."""
    return [path for path in FONT_FILES.values() if not path.exists()]


def clean_text(text: str) -> str:
    """Unix newlines and no control characters, which XML cannot carry."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def is_latin(character: str) -> bool:
    """Whether the character is drawn in the Latin font: Western European letters, digits and
    punctuation (the Windows-1252 repertoire), where the Kai font's own Latin is uneven."""
    try:
        character.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def font_for(character: str) -> str:
    if character == "\n" or is_latin(character):
        return LATIN_FONT
    if ord(character) in _PLANE_2 and ord(character) not in _face(CJK_FONT).face.charToGlyph:
        _face(CJK_EXT_B_FONT)
        return CJK_EXT_B_FONT
    return CJK_FONT


@dataclass(frozen=True)
class Run:
    font: str
    text: str


def runs(text: str) -> Iterator[Run]:
    """The text cut into runs of one font each."""
    for font, chars in itertools.groupby(clean_text(text), key=font_for):
        yield Run(font, "".join(chars))


def script_markup(text: str) -> str:
    """Paragraph markup for plain text, each run in the font that has its glyphs."""
    register_fonts()
    return "".join(
        f'<font face="{run.font}">{escape(run.text).replace(chr(10), "<br/>")}</font>'
        for run in runs(text)
    )


def string_width(text: str, size: float) -> float:
    """The width of plain text in points, as the PDF sets it (the ODF uses it for indents)."""
    register_fonts()
    return float(sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in runs(text)))


def check_font_files(**kwargs: object) -> list[checks.CheckMessage]:
    """A system check: without its fonts every PDF download fails."""
    return [
        checks.Warning(
            f"The font file {path} that PDFs embed is missing; PDF downloads will fail.",
            hint=INSTALL_HINT,
            id="core.W020",
        )
        for path in missing_font_files()
    ]

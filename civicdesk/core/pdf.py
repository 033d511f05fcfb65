"""Chinese text in reportlab PDFs: the CID font with the CMap of its own collection, and
plain text turned into paragraph markup with each run in the font of its script."""

import itertools
import re
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]

CJK_FONT = "MSung-Light"
LATIN_FONT = "Helvetica"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class TraditionalChineseCIDFont(UnicodeCIDFont):
    """reportlab's MSung-Light, with the CMap of its own character collection.

    reportlab pairs MSung-Light (Adobe-CNS1) with UniGB-UCS2-H, the Simplified Chinese CMap, so
    viewers look the codes up in the wrong collection: poppler draws nothing, others may draw
    wrong characters. reportlab writes the text as UTF-16BE, which is what UniCNS-UTF16-H reads,
    characters beyond the BMP (found in some personal names) included.
    """

    def __init__(self) -> None:
        super().__init__(CJK_FONT)
        self.encodingName = "UniCNS-UTF16-H"


def register_fonts() -> None:
    """Register the font once per process; reportlab keeps one font per name."""
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TraditionalChineseCIDFont())


def clean_text(text: str) -> str:
    """Unix newlines and no control characters, which XML cannot carry."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def is_latin(character: str) -> bool:
    """Whether standard Helvetica (WinAnsi encoding) has a glyph for the character."""
    try:
        character.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def script_markup(text: str) -> str:
    """Paragraph markup for plain text, each run in the font of its script: Helvetica has no
    Chinese glyphs, and Latin letters in the CID font are spaced by its metrics but drawn by
    whatever font the viewer substitutes, which looks uneven."""
    runs = []
    for latin, chars in itertools.groupby(clean_text(text), key=lambda c: c == "\n" or is_latin(c)):
        run = escape("".join(chars)).replace("\n", "<br/>")
        runs.append(f'<font face="{LATIN_FONT if latin else CJK_FONT}">{run}</font>')
    return "".join(runs)

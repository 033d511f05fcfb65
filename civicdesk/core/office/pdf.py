"""A `Document` as a PDF/A-2b text PDF (reportlab): A4, every font embedded as a subset, the
footer with the page number, and a text layer that extracts back to the words set."""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Table as PdfTable

from civicdesk.core.office.blocks import (
    BODY_SIZE,
    SMALL_SIZE,
    Block,
    DataTable,
    Document,
    FieldTable,
    Heading,
    Labelled,
    Lines,
    Text,
    item_number,
    label_text,
    with_gaps,
)
from civicdesk.core.office.fonts import (
    CJK_FONT,
    LATIN_FONT,
    register_fonts,
    script_markup,
    string_width,
)
from civicdesk.core.office.pdfa import PRODUCER, make_archivable

LEFT, RIGHT, TOP, BOTTOM = 2.5 * cm, 2 * cm, 2 * cm, 2 * cm
TEXT_WIDTH = A4[0] - LEFT - RIGHT
SHADE = colors.HexColor("#eeeeee")
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER}


@dataclass(frozen=True)
class _Styles:
    english: bool

    def style(
        self, *, size: float = BODY_SIZE, align: str = "left", **extra: float
    ) -> ParagraphStyle:
        return ParagraphStyle(
            "civicdesk",
            fontName=LATIN_FONT if self.english else CJK_FONT,
            fontSize=size,
            leading=size * 1.5,
            alignment=_ALIGN[align],
            # Chinese has no spaces to break at: break between characters, keeping closing
            # punctuation off the start of a line.
            wordWrap=None if self.english else "CJK",
            **extra,
        )

    def paragraph(self, text: str, style: ParagraphStyle, *, label: str = "") -> Paragraph:
        label = label_text(label, english=self.english) if label else ""
        return Paragraph(script_markup(label) + script_markup(text), style)

    def label_width(self, label: str) -> float:
        return string_width(label_text(label, english=self.english), BODY_SIZE)


def _labelled(styles: _Styles, document: Document, block: Labelled) -> list[Flowable]:
    indent = styles.label_width(block.label)
    hanging = styles.style(leftIndent=indent, firstLineIndent=-indent, spaceAfter=2)
    out: list[Flowable] = [styles.paragraph(block.text, hanging, label=block.label)]
    for index, item in enumerate(block.items):
        number = item_number(document, index)
        hang = styles.label_width(number)
        style = styles.style(leftIndent=indent + hang, firstLineIndent=-hang, spaceAfter=2)
        out.append(styles.paragraph(item, style, label=number))
    return out


def _grid(
    styles: _Styles, rows: Sequence[Sequence[str]], widths: Sequence[float], *, header: bool
) -> list[Flowable]:
    body = styles.style()
    table = PdfTable(
        [[styles.paragraph(value, body) for value in row] for row in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,  # a long petition may run over a page
    )
    shaded = ((0, 0), (-1, 0)) if header else ((0, 0), (0, -1))
    table.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", *shaded, SHADE),
            # A table sets each cell's font, Helvetica unless told, a font it does not embed.
            ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    return [table, Spacer(1, 10)]


def _signatures(styles: _Styles, labels: Sequence[str], date_label: str) -> list[Flowable]:
    body = styles.style()
    count = len(labels)
    gap = 1.5 * cm
    column = (TEXT_WIDTH - gap * (count - 1)) / count

    def row(texts: Sequence[str]) -> list[Any]:
        return with_gaps([styles.paragraph(text, body) for text in texts], lambda: "")

    table = PdfTable(
        [row(labels), row([""] * count), row([date_label] * count)],
        colWidths=with_gaps([column] * count, lambda: gap),
        rowHeights=[None, 1.6 * cm, None],
    )
    lines = [
        ("LINEBELOW", (index * 2, line), (index * 2, line), 0.5, colors.black)
        for index in range(count)
        for line in (1, 2)
    ]
    # The gaps are empty strings, set in the table's font: Helvetica unless told otherwise.
    table.setStyle(
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT), *lines]
    )
    return [Spacer(1, 12), table]


def _block(styles: _Styles, document: Document, block: Block) -> list[Flowable]:
    if isinstance(block, Heading):
        align = "left" if block.level else "center"
        style = styles.style(size=block.size, align=align, spaceBefore=6 if block.level else 0)
        return [styles.paragraph(block.text, style)]
    if isinstance(block, Lines):
        inset = TEXT_WIDTH / 2 if block.inset else 0
        style = styles.style(size=SMALL_SIZE if block.small else BODY_SIZE, leftIndent=inset)
        return [*(styles.paragraph(line, style) for line in block.lines), Spacer(1, 8)]
    if isinstance(block, Text):
        style = styles.style(size=SMALL_SIZE) if block.small else styles.style()
        return [styles.paragraph(block.text, style), Spacer(1, 6)]
    if isinstance(block, Labelled):
        return _labelled(styles, document, block)
    if isinstance(block, FieldTable):
        label_width = block.label_width_cm * cm
        return _grid(styles, block.rows, (label_width, TEXT_WIDTH - label_width), header=False)
    if isinstance(block, DataTable):
        equal = [TEXT_WIDTH / len(block.columns)] * len(block.columns)
        return _grid(styles, [block.columns, *block.rows], equal, header=True)
    return _signatures(styles, block.labels, block.date_label)


def render(document: Document) -> bytes:
    register_fonts()
    out = io.BytesIO()
    language = "en" if document.is_english else "zh-Hant-TW"
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=document.title,
        author=document.author,
        subject=document.subject or document.title,
        creator="civicdesk",
        producer=PRODUCER,
        lang=language,
        # reportlab otherwise starts every page in Helvetica, a font it does not embed.
        initialFontName=LATIN_FONT,
    )
    styles = _Styles(document.is_english)
    footer_style = styles.style(size=9)

    def footer(canvas: Any, doc: Any) -> None:
        if not document.footer:
            return
        canvas.saveState()
        text = Paragraph(script_markup(document.footer), footer_style)
        text.wrap(TEXT_WIDTH, BOTTOM)
        text.drawOn(canvas, LEFT, 1.2 * cm)
        canvas.setFont(LATIN_FONT, 9)
        canvas.drawRightString(A4[0] - RIGHT, 1.2 * cm + 3, str(doc.page))
        canvas.restoreState()

    def first_page(canvas: Any, doc: Any) -> None:
        make_archivable(canvas, language=language)
        footer(canvas, doc)

    story = [flowable for block in document.blocks for flowable in _block(styles, document, block)]
    template.build(story, onFirstPage=first_page, onLaterPages=footer)
    return out.getvalue()

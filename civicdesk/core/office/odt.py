"""A `Document` as ODF text (odfpy): A4, named paragraph styles an officer editing the file
finds in the style list, ruled tables, hanging labels, and the footer with the page number."""

import io
from collections.abc import Sequence
from typing import Any

from odf import teletype
from odf.dc import Title as DcTitle
from odf.opendocument import OpenDocumentText
from odf.style import (
    FontFace,
    Footer,
    FooterStyle,
    HeaderFooterProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TabStop,
    TabStops,
    TextProperties,
)
from odf.table import (
    Table,
    TableCell,
    TableColumn,
    TableHeaderRows,
    TableRow,
)
from odf.text import H, P, PageNumber, Tab

from civicdesk.core.i18n import is_english
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
    Signatures,
    Text,
    item_number,
    label_text,
    with_gaps,
)
from civicdesk.core.office.fonts import clean_text, string_width

# 標楷體 is the typeface of Taiwanese official documents; office suites substitute a Kai font
# where it is missing.
CJK_FONT = "DFKai-SB"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_CM = 16.5  # A4 less the margins below
SIGNATURE_GAP_CM = 1.5


class _Styles:
    """Named paragraph styles and the automatic styles of cells, columns and hanging
    paragraphs, made once each."""

    def __init__(self, doc: OpenDocumentText, language: str) -> None:
        self.doc = doc
        english = is_english(language)
        for name, generic in ((LATIN_FONT, "roman"), (CJK_FONT, "script")):
            doc.fontfacedecls.addElement(
                FontFace(
                    name=name, fontfamily=name, fontfamilygeneric=generic, fontpitch="variable"
                )
            )
        layout = PageLayout(name="A4")
        layout.addElement(
            PageLayoutProperties(
                pagewidth="21cm",
                pageheight="29.7cm",
                printorientation="portrait",
                margintop="2cm",
                marginbottom="1.5cm",
                marginleft="2.5cm",
                marginright="2cm",
            )
        )
        footer_area = FooterStyle()
        footer_area.addElement(HeaderFooterProperties(minheight="0.6cm", margintop="0.4cm"))
        layout.addElement(footer_area)
        doc.automaticstyles.addElement(layout)
        self.base = Style(name="Civicdesk Body", family="paragraph")
        self.base.addElement(
            TextProperties(
                fontname=LATIN_FONT,
                fontnameasian=CJK_FONT,
                fontsize=f"{BODY_SIZE:g}pt",
                fontsizeasian=f"{BODY_SIZE:g}pt",
                language="en" if english else "zh",
                country="GB" if english else "TW",
                languageasian="zh",
                countryasian="TW",
            )
        )
        self.base.addElement(ParagraphProperties(marginbottom="0.1cm", lineheight="130%"))
        doc.styles.addElement(self.base)
        self._made: dict[tuple[Any, ...], Style] = {}
        self.small = self._named("Civicdesk Small", size=SMALL_SIZE)
        # The page number sits at the right margin, after a tab.
        footer_tabs = TabStops()
        footer_tabs.addElement(TabStop(position=f"{TEXT_WIDTH_CM}cm", type="right"))
        footer_style = self._named("Civicdesk Footer", size=9)
        footer_style.getElementsByType(ParagraphProperties)[0].addElement(footer_tabs)
        self.footer = P(stylename=footer_style)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        footer = Footer()
        footer.addElement(self.footer)
        master.addElement(footer)
        doc.masterstyles.addElement(master)

    def _named(self, name: str, *, size: float, align: str = "start", **paragraph: str) -> Style:
        style = Style(name=name, family="paragraph", parentstylename=self.base)
        style.addElement(TextProperties(fontsize=f"{size:g}pt", fontsizeasian=f"{size:g}pt"))
        style.addElement(ParagraphProperties(textalign=align, **paragraph))
        self.doc.styles.addElement(style)
        return style

    def _automatic(self, key: tuple[Any, ...], family: str, *properties: Any) -> Style:
        if key not in self._made:
            style = Style(name=f"Civicdesk{len(self._made)}", family=family)
            if family == "paragraph":
                style.setAttribute("parentstylename", self.base)
            for element in properties:
                style.addElement(element)
            self.doc.automaticstyles.addElement(style)
            self._made[key] = style
        return self._made[key]

    def heading(self, size: int, level: int) -> Style:
        key = ("heading", size, level)
        if key not in self._made:
            name = f"Civicdesk Heading {size}" + (f" level {level}" if level else "")
            self._made[key] = self._named(
                name, size=size, align="start" if level else "center", marginbottom="0.3cm"
            )
        return self._made[key]

    def lines(self, *, inset: bool, small: bool) -> Style:
        size = f"{SMALL_SIZE if small else BODY_SIZE:g}pt"
        return self._automatic(
            ("lines", inset, small),
            "paragraph",
            TextProperties(fontsize=size, fontsizeasian=size),
            ParagraphProperties(
                marginleft=f"{TEXT_WIDTH_CM / 2 if inset else 0:g}cm", marginbottom="0cm"
            ),
        )

    def hanging(self, indent: float, hang: float) -> Style:
        """Lines after the first start at `indent` points; the first starts `hang` points to
        the left of that, and a tab after its label reaches the indent."""
        paragraph = ParagraphProperties(marginleft=f"{indent:.1f}pt", textindent=f"{-hang:.1f}pt")
        stops = TabStops()
        stops.addElement(TabStop(position="0pt"))
        paragraph.addElement(stops)
        return self._automatic(
            ("hanging", round(indent, 1), round(hang, 1)), "paragraph", paragraph
        )

    def cell(self, *, shaded: bool, ruled: str) -> Style:
        properties: dict[str, str] = {"padding": "0.12cm"}
        if ruled == "all":
            properties["border"] = "0.5pt solid #000000"
        elif ruled == "bottom":
            properties["borderbottom"] = "0.5pt solid #000000"
        if shaded:
            properties["backgroundcolor"] = "#eeeeee"
        return self._automatic(
            ("cell", shaded, ruled), "table-cell", TableCellProperties(**properties)
        )

    def column(self, width_cm: float) -> Style:
        return self._automatic(
            ("column", round(width_cm, 2)),
            "table-column",
            TableColumnProperties(columnwidth=f"{width_cm:.2f}cm"),
        )

    def table(self) -> Style:
        return self._automatic(
            ("table",),
            "table",
            TableProperties(width=f"{TEXT_WIDTH_CM}cm", align="left", marginbottom="0.3cm"),
        )


def _paragraph(style: Style, text: str) -> P:
    paragraph = P(stylename=style)
    teletype.addTextToElement(paragraph, clean_text(text))
    return paragraph


def _hanging(style: Style, label: str, text: str) -> P:
    paragraph = P(stylename=style)
    teletype.addTextToElement(paragraph, label)
    paragraph.addElement(Tab())
    teletype.addTextToElement(paragraph, clean_text(text))
    return paragraph


def _label_width(label: str, *, english: bool) -> float:
    return string_width(label_text(label, english=english), BODY_SIZE)


def _cell(styles: _Styles, text: str, *, shaded: bool = False, ruled: str) -> TableCell:
    cell = TableCell(stylename=styles.cell(shaded=shaded, ruled=ruled), valuetype="string")
    cell.addElement(_paragraph(styles.base, text))
    return cell


def _table(
    styles: _Styles,
    widths: Sequence[float],
    rows: Sequence[Sequence[TableCell]],
    *,
    header_rows: int = 0,
) -> Table:
    table = Table(stylename=styles.table())
    for width in widths:
        table.addElement(TableColumn(stylename=styles.column(width)))
    # Header rows repeat on every page the table runs over.
    header = TableHeaderRows() if header_rows else None
    if header is not None:
        table.addElement(header)
    for index, cells in enumerate(rows):
        row = TableRow()
        for cell in cells:
            row.addElement(cell)
        (header if header is not None and index < header_rows else table).addElement(row)
    return table


def _labelled(styles: _Styles, document: Document, block: Labelled) -> list[Any]:
    english = document.is_english
    indent = _label_width(block.label, english=english)
    out = [_hanging(styles.hanging(indent, indent), block.label, block.text)]
    for index, item in enumerate(block.items):
        number = item_number(document, index)
        hang = _label_width(number, english=english)
        out.append(_hanging(styles.hanging(indent + hang, hang), number, item))
    return out


def _signatures(styles: _Styles, block: Signatures) -> list[Any]:
    count = len(block.labels)
    column = (TEXT_WIDTH_CM - SIGNATURE_GAP_CM * (count - 1)) / count
    widths = with_gaps([column] * count, lambda: SIGNATURE_GAP_CM)

    def row(texts: Sequence[str], ruled: str) -> list[TableCell]:
        cells = [_cell(styles, text, ruled=ruled) for text in texts]
        return with_gaps(cells, lambda: _cell(styles, "", ruled="none"))

    rows = [
        row(block.labels, "none"),
        row(["\n\n"] * count, "bottom"),  # room for a signature or a seal
        row([block.date_label] * count, "bottom"),
    ]
    return [_paragraph(styles.base, ""), _table(styles, widths, rows)]


def _block(styles: _Styles, document: Document, block: Block) -> list[Any]:
    if isinstance(block, Heading):
        style = styles.heading(block.size, block.level)
        if block.level:
            heading = H(outlinelevel=block.level, stylename=style)
            teletype.addTextToElement(heading, clean_text(block.text))
            return [heading]
        return [_paragraph(style, block.text)]
    if isinstance(block, Lines):
        style = styles.lines(inset=block.inset, small=block.small)
        lines = [_paragraph(style, line) for line in block.lines]
        return [*lines, _paragraph(styles.small, "")]
    if isinstance(block, Text):
        return [_paragraph(styles.small if block.small else styles.base, block.text)]
    if isinstance(block, Labelled):
        return _labelled(styles, document, block)
    if isinstance(block, FieldTable):
        form = [
            (_cell(styles, label, shaded=True, ruled="all"), _cell(styles, value, ruled="all"))
            for label, value in block.rows
        ]
        columns = (block.label_width_cm, TEXT_WIDTH_CM - block.label_width_cm)
        return [_table(styles, columns, form)]
    if isinstance(block, DataTable):
        header = [_cell(styles, column, shaded=True, ruled="all") for column in block.columns]
        body = [[_cell(styles, value, ruled="all") for value in row] for row in block.rows]
        widths = [TEXT_WIDTH_CM / len(block.columns)] * len(block.columns)
        return [_table(styles, widths, [header, *body], header_rows=1)]
    return _signatures(styles, block)


def render(document: Document) -> bytes:
    doc = OpenDocumentText()
    styles = _Styles(doc, document.language)
    if document.footer:
        teletype.addTextToElement(styles.footer, document.footer)
        styles.footer.addElement(Tab())
        styles.footer.addElement(PageNumber(selectpage="current"))
    for block in document.blocks:
        for element in _block(styles, document, block):
            doc.text.addElement(element)
    doc.meta.addElement(DcTitle(text=document.title))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()

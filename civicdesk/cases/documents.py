"""Printable petition documents: the oral petition record and the reply letter, as ODF and PDF.

Each document is described once, as a short list of layout blocks in the case's language, then
rendered twice: to ODF text (editable, odfpy) and to PDF (read-only, reportlab). The PDF keeps a
real text layer; Chinese is set in reportlab's built-in CID font MSung-Light, which the PDF names
but does not embed, so each viewer draws it with its own Traditional Chinese font.
"""

import datetime
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from odf import teletype  # type: ignore[import-untyped]
from odf.dc import Title as DcTitle  # type: ignore[import-untyped]
from odf.opendocument import OpenDocumentText  # type: ignore[import-untyped]
from odf.style import (  # type: ignore[import-untyped]
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
from odf.table import Table as OdfTable  # type: ignore[import-untyped]
from odf.table import TableCell, TableColumn, TableRow
from odf.text import P, PageNumber, Tab  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer  # type: ignore[import-untyped]
from reportlab.platypus import Table as PdfTable

from civicdesk.accounts.models import Agency
from civicdesk.cases.models import Case, Reply
from civicdesk.cases.selectors import PetitionerView
from civicdesk.core.i18n import is_english, localized
from civicdesk.core.pdf import (
    CJK_FONT,
    LATIN_FONT,
    clean_text,
    is_latin,
    register_fonts,
    script_markup,
)
from civicdesk.core.rocdate import format_roc_date

T = TypeVar("T")

# --- What the documents say --------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    size: int  # points


@dataclass(frozen=True)
class Lines:
    """Short lines set together: an addressee, or (inset into the right half of the page, as
    official letters place it) the letterhead's contact block."""

    lines: tuple[str, ...]
    inset: bool = False
    small: bool = False


@dataclass(frozen=True)
class FieldTable:
    """A ruled form of label and value rows."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Labelled:
    """`主旨：text…`, the text hanging after the label; numbered `items` hang below it."""

    label: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Text:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Signatures:
    """Signature lines side by side: each label above a line to sign on and a date line."""

    labels: tuple[str, ...]
    date_label: str


Block = Heading | Lines | FieldTable | Labelled | Text | Signatures


@dataclass(frozen=True)
class Document:
    title: str
    language: str
    author: str
    footer: str
    blocks: tuple[Block, ...]

    @property
    def is_english(self) -> bool:
        return is_english(self.language)


_CHINESE_NUMERALS = "一二三四五六七八九十"


def _item_number(document: Document, index: int) -> str:
    """一、二、… in Chinese official letters (文書處理手冊), `1.` in English."""
    if not document.is_english and index < len(_CHINESE_NUMERALS):
        return f"{_CHINESE_NUMERALS[index]}、"
    return f"{index + 1}."


def _date(value: datetime.date) -> str:
    if is_english():
        return formats.date_format(value, "j F Y")
    return format_roc_date(value)


def _letter_date(value: datetime.date) -> str:
    # Official letters write the era out: 中華民國115年11月23日.
    return _date(value) if is_english() else f"中華民國{format_roc_date(value)}"


def _received(case: Case) -> str:
    """When the petition was received, with the time if it was recorded that same day."""
    submitted = timezone.localtime(case.submitted_at)
    if case.received_on is None or case.received_on == submitted.date():
        return f"{_date(submitted.date())} {submitted:%H:%M}"
    return _date(case.received_on)


def _staff_profile(user: User | None) -> Any:
    return getattr(user, "staff_profile", None) if user is not None else None


def _staff_name(user: User | None) -> str:
    if user is None:
        return ""
    profile = _staff_profile(user)
    if profile is not None:
        return str(profile.display_name)
    return f"{user.last_name}{user.first_name}" or user.get_username()


def _staff_signature(user: User | None) -> str:
    """Name, job title and unit, the unit left out where the title already names it."""
    profile = _staff_profile(user)
    if profile is None:
        return _staff_name(user)
    title = localized(profile, "job_title")
    unit = profile.unit.display_name
    if unit and unit not in title:
        title = _("%(title)s, %(unit)s") % {"title": title, "unit": unit} if title else unit
    if not title:
        return _staff_name(user)
    return _("%(name)s, %(title)s") % {"name": _staff_name(user), "title": title}


def _oral_record(case: Case, petitioner: PetitionerView, officer: User | None) -> Document:
    agency = case.unit.agency
    number = case.number or ""
    rows = [
        (_("Case number"), number),
        (_("Channel"), str(case.get_channel_display())),
        (_("Received at"), _received(case)),
        (_("Petitioner's name"), petitioner.name),
        (_("Phone"), petitioner.phone),
        (_("E-mail"), petitioner.email),
        (_("Postal address"), petitioner.address),
    ]
    if petitioner.is_confidential:
        rows.append((_("Identity confidential"), _("Yes (Administrative Procedure Act, art. 170)")))
    rows += [
        (_("Subject"), case.subject),
        (_("Content of the petition"), case.content),
        (_("Place concerned"), case.location),
        (_("Recording officer"), _staff_signature(officer)),
    ]
    notes: list[Block] = []
    if petitioner.is_redacted:
        notes.append(
            Text(
                _(
                    "The petitioner asked for confidentiality (art. 170 §2); only the privacy "
                    "officer sees the identity."
                ),
                small=True,
            )
        )
    return Document(
        title=_("Record of an oral petition %(number)s") % {"number": number},
        language=case.language,
        author=agency.display_name,
        footer=_("Case %(number)s") % {"number": number},
        blocks=(
            Heading(agency.display_name, 14),
            Heading(_("Record of an oral petition"), 18),
            FieldTable(tuple(rows)),
            *notes,
            Text(
                # 行政程序法 art. 169: the record is read to the petitioner (or read by them) and
                # signed; objections are corrected.
                _(
                    "The above record was read to the petitioner, or read by the petitioner, who "
                    "confirmed it as correct; any objection raised has been corrected "
                    "(Administrative Procedure Act, art. 169)."
                )
            ),
            Signatures(
                (_("Petitioner's signature or seal"), _("Recording officer's signature or seal")),
                _("Date:"),
            ),
        ),
    )


def _reply_letter(case: Case, reply: Reply, petitioner: PetitionerView, agency: Agency) -> Document:
    number = case.number or ""
    officer = reply.drafted_by
    profile = _staff_profile(officer)
    officer_phone = str(profile.phone) if profile is not None else ""
    phone = officer_phone or case.unit.phone or agency.phone
    english = is_english()
    address = localized(agency, "address")
    if not english and agency.postcode:
        address = f"{agency.postcode}{address}"
    letterhead = [
        _label(_("Address:"), english=english) + address,
        _label(_("Phone:"), english=english) + agency.phone,
        *([_label(_("Fax:"), english=english) + agency.fax] if agency.fax else []),
        _label(_("E-mail:"), english=english) + agency.email,
        _("Contact person: %(name)s, phone %(phone)s")
        % {"name": _staff_name(officer), "phone": phone},
    ]
    dated = timezone.localdate(reply.sent_at) if reply.sent_at else timezone.localdate()
    petitioned = case.received_on or timezone.localdate(case.submitted_at)
    explanation = (
        _("This replies to your petition of %(date)s (case %(number)s).")
        % {"date": _date(petitioned), "number": number},
        reply.body,
        _("Legal basis: %(basis)s") % {"basis": reply.legal_basis},
        _("For questions, please contact %(officer)s of the %(unit)s, phone %(phone)s.")
        % {"officer": _staff_name(officer), "unit": case.unit.display_name, "phone": phone},
    )
    addressee = tuple(line for line in (petitioner.address, petitioner.name) if line)
    return Document(
        title=_("Reply to petition %(number)s") % {"number": number},
        language=case.language,
        author=agency.display_name,
        footer=_("Case %(number)s") % {"number": number},
        blocks=(
            # Translators: the heading of a reply letter. In Chinese: the agency's name, then
            # "　函" (the document type).
            Heading(pgettext("letter heading", "%(agency)s") % {"agency": agency.display_name}, 18),
            Lines(tuple(letterhead), inset=True, small=True),
            Lines(addressee),
            Labelled(_("To:"), petitioner.name),
            Labelled(_("Date:"), _letter_date(dated)),
            Labelled(_("Case number:"), number),
            Labelled(
                _("Subject:"),
                _("Reply to your petition “%(subject)s”.") % {"subject": case.subject},
            ),
            Labelled(_("Explanation:"), items=explanation),
        ),
    )


# --- Shared by both renderers ------------------------------------------------------------------

BODY_SIZE = 12.0
SMALL_SIZE = 10.0


def _with_gaps(items: Sequence[T], gap: Callable[[], T]) -> list[T]:
    """`a, b` → `a, gap, b`: columns of signatures with space between them."""
    out: list[T] = []
    for index, item in enumerate(items):
        out += [gap(), item] if index else [item]
    return out


def _label(label: str, *, english: bool) -> str:
    # A space after a Latin label; Chinese labels end in a full-width colon or 、 already.
    return f"{label} " if english else label


def _font_for(character: str) -> str:
    return LATIN_FONT if is_latin(character) else CJK_FONT


def _label_width(label: str, *, english: bool) -> float:
    """The width of a label in points, for text hanging after it (both formats use it)."""
    register_fonts()
    text = _label(label, english=english)
    return float(sum(pdfmetrics.stringWidth(c, _font_for(c), BODY_SIZE) for c in text))


# --- ODF -----------------------------------------------------------------------------------------

# 標楷體 is the typeface of Taiwanese official documents; office suites substitute a Kai font
# where it is missing.
ODF_CJK_FONT = "DFKai-SB"
ODF_LATIN_FONT = "Times New Roman"
_ODF_TEXT_WIDTH_CM = 16.5  # A4 less the margins below
_ODF_LABEL_WIDTH_CM = 4.0
_ODF_SIGNATURE_GAP_CM = 1.5


class _OdfStyles:
    """Named paragraph styles (an officer editing the file finds them in the style list) and
    the automatic styles of cells, columns and hanging paragraphs, made once each."""

    def __init__(self, doc: OpenDocumentText, language: str) -> None:
        self.doc = doc
        english = is_english(language)
        for name, generic in ((ODF_LATIN_FONT, "roman"), (ODF_CJK_FONT, "script")):
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
                fontname=ODF_LATIN_FONT,
                fontnameasian=ODF_CJK_FONT,
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
        footer_tabs.addElement(TabStop(position=f"{_ODF_TEXT_WIDTH_CM}cm", type="right"))
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

    def heading(self, size: int) -> Style:
        key = ("heading", size)
        if key not in self._made:
            self._made[key] = self._named(
                f"Civicdesk Heading {size}", size=size, align="center", marginbottom="0.3cm"
            )
        return self._made[key]

    def lines(self, *, inset: bool, small: bool) -> Style:
        size = f"{SMALL_SIZE if small else BODY_SIZE:g}pt"
        return self._automatic(
            ("lines", inset, small),
            "paragraph",
            TextProperties(fontsize=size, fontsizeasian=size),
            ParagraphProperties(
                marginleft=f"{_ODF_TEXT_WIDTH_CM / 2 if inset else 0:g}cm", marginbottom="0cm"
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
            TableProperties(width=f"{_ODF_TEXT_WIDTH_CM}cm", align="left", marginbottom="0.3cm"),
        )


def _odf_paragraph(style: Style, text: str) -> P:
    paragraph = P(stylename=style)
    teletype.addTextToElement(paragraph, clean_text(text))
    return paragraph


def _odf_hanging(style: Style, label: str, text: str) -> P:
    paragraph = P(stylename=style)
    teletype.addTextToElement(paragraph, label)
    paragraph.addElement(Tab())
    teletype.addTextToElement(paragraph, clean_text(text))
    return paragraph


def _odf_cell(styles: _OdfStyles, text: str, *, shaded: bool = False, ruled: str) -> TableCell:
    cell = TableCell(stylename=styles.cell(shaded=shaded, ruled=ruled), valuetype="string")
    cell.addElement(_odf_paragraph(styles.base, text))
    return cell


def _odf_table(
    styles: _OdfStyles, widths: Sequence[float], rows: Sequence[Sequence[TableCell]]
) -> OdfTable:
    table = OdfTable(stylename=styles.table())
    for width in widths:
        table.addElement(TableColumn(stylename=styles.column(width)))
    for cells in rows:
        row = TableRow()
        for cell in cells:
            row.addElement(cell)
        table.addElement(row)
    return table


def _odf_block(styles: _OdfStyles, document: Document, block: Block) -> list[Any]:
    english = document.is_english
    if isinstance(block, Heading):
        return [_odf_paragraph(styles.heading(block.size), block.text)]
    if isinstance(block, Lines):
        style = styles.lines(inset=block.inset, small=block.small)
        lines = [_odf_paragraph(style, line) for line in block.lines]
        return [*lines, _odf_paragraph(styles.small, "")]
    if isinstance(block, Text):
        return [_odf_paragraph(styles.small if block.small else styles.base, block.text)]
    if isinstance(block, Labelled):
        indent = _label_width(block.label, english=english)
        out = [_odf_hanging(styles.hanging(indent, indent), block.label, block.text)]
        for index, item in enumerate(block.items):
            number = _item_number(document, index)
            hang = _label_width(number, english=english)
            out.append(_odf_hanging(styles.hanging(indent + hang, hang), number, item))
        return out
    if isinstance(block, FieldTable):
        form = [
            (
                _odf_cell(styles, label, shaded=True, ruled="all"),
                _odf_cell(styles, value, ruled="all"),
            )
            for label, value in block.rows
        ]
        columns = (_ODF_LABEL_WIDTH_CM, _ODF_TEXT_WIDTH_CM - _ODF_LABEL_WIDTH_CM)
        return [_odf_table(styles, columns, form)]
    count = len(block.labels)
    column = (_ODF_TEXT_WIDTH_CM - _ODF_SIGNATURE_GAP_CM * (count - 1)) / count
    widths = _with_gaps([column] * count, lambda: _ODF_SIGNATURE_GAP_CM)

    def row(texts: Sequence[str], ruled: str) -> list[TableCell]:
        cells = [_odf_cell(styles, text, ruled=ruled) for text in texts]
        return _with_gaps(cells, lambda: _odf_cell(styles, "", ruled="none"))

    rows = [
        row(block.labels, "none"),
        row(["\n\n"] * count, "bottom"),  # room for a signature or a seal
        row([block.date_label] * count, "bottom"),
    ]
    return [_odf_paragraph(styles.base, ""), _odf_table(styles, widths, rows)]


def _render_odt(document: Document) -> bytes:
    doc = OpenDocumentText()
    styles = _OdfStyles(doc, document.language)
    teletype.addTextToElement(styles.footer, document.footer)
    styles.footer.addElement(Tab())
    styles.footer.addElement(PageNumber(selectpage="current"))
    for block in document.blocks:
        for element in _odf_block(styles, document, block):
            doc.text.addElement(element)
    doc.meta.addElement(DcTitle(text=document.title))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


# --- PDF -----------------------------------------------------------------------------------------

_PDF_LEFT, _PDF_RIGHT, _PDF_TOP, _PDF_BOTTOM = 2.5 * cm, 2 * cm, 2 * cm, 2 * cm
_PDF_TEXT_WIDTH = A4[0] - _PDF_LEFT - _PDF_RIGHT
_PDF_ALIGN = {"left": TA_LEFT, "center": TA_CENTER}


@dataclass(frozen=True)
class _PdfStyles:
    english: bool

    def style(
        self, *, size: float = BODY_SIZE, align: str = "left", **extra: float
    ) -> ParagraphStyle:
        return ParagraphStyle(
            "civicdesk",
            fontName=LATIN_FONT if self.english else CJK_FONT,
            fontSize=size,
            leading=size * 1.5,
            alignment=_PDF_ALIGN[align],
            # Chinese has no spaces to break at: break between characters, keeping closing
            # punctuation off the start of a line.
            wordWrap=None if self.english else "CJK",
            **extra,
        )

    def paragraph(self, text: str, style: ParagraphStyle, *, label: str = "") -> Paragraph:
        label = _label(label, english=self.english) if label else ""
        return Paragraph(script_markup(label) + script_markup(text), style)


def _pdf_block(styles: _PdfStyles, document: Document, block: Block) -> list[Flowable]:
    body = styles.style()
    if isinstance(block, Heading):
        return [styles.paragraph(block.text, styles.style(size=block.size, align="center"))]
    if isinstance(block, Lines):
        inset = _PDF_TEXT_WIDTH / 2 if block.inset else 0
        style = styles.style(size=SMALL_SIZE if block.small else BODY_SIZE, leftIndent=inset)
        return [*(styles.paragraph(line, style) for line in block.lines), Spacer(1, 8)]
    if isinstance(block, Text):
        style = styles.style(size=SMALL_SIZE) if block.small else body
        return [styles.paragraph(block.text, style), Spacer(1, 6)]
    if isinstance(block, Labelled):
        indent = _label_width(block.label, english=styles.english)
        hanging = styles.style(leftIndent=indent, firstLineIndent=-indent, spaceAfter=2)
        out: list[Flowable] = [styles.paragraph(block.text, hanging, label=block.label)]
        for index, item in enumerate(block.items):
            number = _item_number(document, index)
            hang = _label_width(number, english=styles.english)
            style = styles.style(leftIndent=indent + hang, firstLineIndent=-hang, spaceAfter=2)
            out.append(styles.paragraph(item, style, label=number))
        return out
    if isinstance(block, FieldTable):
        label_width = 4 * cm
        table = PdfTable(
            [
                [styles.paragraph(label, body), styles.paragraph(value, body)]
                for label, value in block.rows
            ],
            colWidths=[label_width, _PDF_TEXT_WIDTH - label_width],
            splitInRow=1,  # a long petition may run over a page
        )
        table.setStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
        return [table, Spacer(1, 10)]
    count = len(block.labels)
    gap = 1.5 * cm
    column = (_PDF_TEXT_WIDTH - gap * (count - 1)) / count

    def row(texts: Sequence[str]) -> list[Any]:
        return _with_gaps([styles.paragraph(text, body) for text in texts], lambda: "")

    table = PdfTable(
        [row(block.labels), row([""] * count), row([block.date_label] * count)],
        colWidths=_with_gaps([column] * count, lambda: gap),
        rowHeights=[None, 1.6 * cm, None],
    )
    lines = [
        ("LINEBELOW", (index * 2, line), (index * 2, line), 0.5, colors.black)
        for index in range(count)
        for line in (1, 2)
    ]
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *lines])
    return [Spacer(1, 12), table]


def _render_pdf(document: Document) -> bytes:
    register_fonts()
    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=_PDF_LEFT,
        rightMargin=_PDF_RIGHT,
        topMargin=_PDF_TOP,
        bottomMargin=_PDF_BOTTOM,
        title=document.title,
        author=document.author,
        creator="civicdesk",
        lang="en" if document.is_english else "zh-Hant-TW",
    )
    styles = _PdfStyles(document.is_english)
    footer_style = styles.style(size=9)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        text = Paragraph(script_markup(document.footer), footer_style)
        text.wrap(_PDF_TEXT_WIDTH, _PDF_BOTTOM)
        text.drawOn(canvas, _PDF_LEFT, 1.2 * cm)
        canvas.setFont(LATIN_FONT, 9)
        canvas.drawRightString(A4[0] - _PDF_RIGHT, 1.2 * cm + 3, str(doc.page))
        canvas.restoreState()

    story = [
        flowable for block in document.blocks for flowable in _pdf_block(styles, document, block)
    ]
    template.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


# --- The builders ------------------------------------------------------------------------------


def _in_language(language: str, build: Callable[[], Document]) -> Document:
    with translation.override(language):
        return build()


def oral_record_odt(case: Case, petitioner_view: PetitionerView, officer: User | None) -> bytes:
    """言詞陳情紀錄 (行政程序法 art. 169): made by staff, read back and signed by the petitioner."""
    document = _in_language(case.language, lambda: _oral_record(case, petitioner_view, officer))
    return _render_odt(document)


def oral_record_pdf(case: Case, petitioner_view: PetitionerView, officer: User | None) -> bytes:
    document = _in_language(case.language, lambda: _oral_record(case, petitioner_view, officer))
    return _render_pdf(document)


def reply_letter_odt(
    case: Case, reply: Reply, petitioner_view: PetitionerView, agency: Agency
) -> bytes:
    """函復: the approved reply as the agency's letter, in the case's language."""
    document = _in_language(
        case.language, lambda: _reply_letter(case, reply, petitioner_view, agency)
    )
    return _render_odt(document)


def reply_letter_pdf(
    case: Case, reply: Reply, petitioner_view: PetitionerView, agency: Agency
) -> bytes:
    document = _in_language(
        case.language, lambda: _reply_letter(case, reply, petitioner_view, agency)
    )
    return _render_pdf(document)

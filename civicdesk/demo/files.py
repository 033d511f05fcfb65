"""The demo plant's downloadable files, written at load time as an office suite would:
forms as ODF text or spreadsheets (odfpy), documents to read as text PDF (reportlab).

A file is described once as a small dict (heading, paragraphs, sections, a table of fields or
data) and rendered to each format the document offers. PDFs keep a real text layer: Chinese is
set in reportlab's CID font MSung-Light (named, not embedded), as `civicdesk.core.pdf`
does, with its own character collection's CMap so every viewer finds the glyphs.
"""

import io
from collections.abc import Iterable
from typing import Any

from odf.opendocument import (  # type: ignore[import-untyped]
    OpenDocumentSpreadsheet,
    OpenDocumentText,
)
from odf.style import (  # type: ignore[import-untyped]
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow  # type: ignore[import-untyped]
from odf.text import H, P  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Table as PdfTable

from civicdesk.core.pdf import CJK_FONT, register_fonts, script_markup

AUTHOR = "高雄市政府環境保護局中區資源回收廠"

Spec = dict[str, Any]


def render(spec: Spec, extension: str) -> bytes:
    if extension == "odt":
        return odt(spec)
    if extension == "ods":
        return ods(spec)
    if extension == "pdf":
        return pdf(spec)
    raise ValueError(f"No demo renderer for .{extension}")


def variant(spec: Spec, *, replace: dict[str, str], drop: list[str]) -> Spec:
    """An earlier version of a file: strings replaced, and list entries (paragraphs, fields,
    rows) that mention any of `drop` left out."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            for old, new in replace.items():
                value = value.replace(old, new)
            return value
        if isinstance(value, list):
            kept = [item for item in value if not any(word in _flat(item) for word in drop)]
            return [walk(item) for item in kept]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    result: Spec = walk(spec)
    return result


def _flat(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(_flat(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flat(item) for item in value.values())
    return ""


def _sections(spec: Spec) -> Iterable[tuple[str, list[str]]]:
    yield "", list(spec.get("paragraphs", []))
    for section in spec.get("sections", []):
        yield section["heading"], list(section.get("paragraphs", []))


# --- ODF ---------------------------------------------------------------------------------------


def odt(spec: Spec) -> bytes:
    document = OpenDocumentText()
    bold = Style(name="Label", family="table-cell")
    bold.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    document.automaticstyles.addElement(bold)
    wide = Style(name="Wide", family="table-column")
    wide.addElement(TableColumnProperties(columnwidth="12cm"))
    narrow = Style(name="Narrow", family="table-column")
    narrow.addElement(TableColumnProperties(columnwidth="4.5cm"))
    centred = Style(name="Centred", family="paragraph")
    centred.addElement(ParagraphProperties(textalign="center"))
    centred.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    for style in (wide, narrow, centred):
        document.automaticstyles.addElement(style)
    document.text.addElement(H(outlinelevel=1, stylename=centred, text=spec["heading"]))
    for heading, paragraphs in _sections(spec):
        if heading:
            document.text.addElement(H(outlinelevel=2, text=heading))
        for text in paragraphs:
            document.text.addElement(P(text=text))
    fields = spec.get("fields", [])
    if fields:
        table = Table(name="Form")
        table.addElement(TableColumn(stylename=narrow))
        table.addElement(TableColumn(stylename=wide))
        for label, hint in fields:
            row = TableRow()
            for text in (label, hint):
                cell = TableCell(stylename=bold, valuetype="string")
                cell.addElement(P(text=text))
                row.addElement(cell)
            table.addElement(row)
        document.text.addElement(table)
    for text in spec.get("footer", []):
        document.text.addElement(P(text=text))
    return _save(document)


def ods(spec: Spec) -> bytes:
    document = OpenDocumentSpreadsheet()
    data = spec.get("table") or {
        "columns": ["項目", "填寫內容"],
        "rows": [[label, ""] for label, _hint in spec.get("fields", [])],
    }
    table = Table(name=spec.get("sheet", "工作表1"))
    table.addElement(_row([spec["heading"]]))
    for text in spec.get("paragraphs", []):
        table.addElement(_row([text]))
    table.addElement(_row(data["columns"]))
    for values in data["rows"]:
        table.addElement(_row(values))
    document.spreadsheet.addElement(table)
    return _save(document)


def _row(values: list[Any]) -> Any:
    row = TableRow()
    for value in values:
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell = TableCell(valuetype="float", value=value)
        else:
            cell = TableCell(valuetype="string")
        cell.addElement(P(text=str(value)))
        row.addElement(cell)
    return row


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------------


def _style(size: float, *, center: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        "demo",
        fontName=CJK_FONT,
        fontSize=size,
        leading=size * 1.5,
        alignment=1 if center else 0,
        wordWrap="CJK",
        spaceAfter=size * 0.4,
    )


def pdf(spec: Spec) -> bytes:
    register_fonts()
    body = _style(11)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title=spec["heading"],
        author=AUTHOR,
        creator="civicdesk demo",
        lang="zh-Hant-TW",
    )
    story: list[Any] = [Paragraph(script_markup(spec["heading"]), _style(16, center=True))]
    for heading, paragraphs in _sections(spec):
        if heading:
            story.append(Paragraph(script_markup(heading), _style(13)))
        story.extend(Paragraph(script_markup(text), body) for text in paragraphs)
    width = A4[0] - 5 * cm
    fields = spec.get("fields", [])
    data = spec.get("table")
    if fields:
        story.extend(_grid([[label, hint] for label, hint in fields], [4.5 * cm, width - 4.5 * cm]))
    if data:
        columns = len(data["columns"])
        rows = [data["columns"], *data["rows"]]
        story.extend(_grid(rows, [width / columns] * columns, header=True))
    story.extend(Paragraph(script_markup(text), body) for text in spec.get("footer", []))
    template.build(story)
    return buffer.getvalue()


def _grid(rows: list[list[Any]], widths: list[float], *, header: bool = False) -> list[Any]:
    cell = _style(10)
    table = PdfTable(
        [[Paragraph(script_markup(str(value)), cell) for value in row] for row in rows],
        colWidths=widths,
        repeatRows=1 if header else 0,
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    else:
        style.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")))
    table.setStyle(style)
    return [Spacer(1, 6), table, Spacer(1, 10)]

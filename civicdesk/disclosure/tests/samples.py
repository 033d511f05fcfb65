"""Real files for the tests, made the way an office suite would: ODF with odfpy, PDF with
reportlab (a text PDF, and a "scan" that is only a drawing), and Office Open XML."""

import io
import zipfile

from django.core.files.base import ContentFile
from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from civicdesk.core.office.fonts import CJK_FONT as FONT
from civicdesk.core.office.fonts import register_fonts

# The same embedded fonts as the site's own PDFs: reportlab keeps one font per name for the
# whole process.
register_fonts()


def odt(*paragraphs: str, heading: str = "申請書") -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def ods(*rows: tuple[str, ...]) -> bytes:
    document = OpenDocumentSpreadsheet()
    table = Table(name="表單")
    for row in rows:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odp() -> bytes:
    buffer = io.BytesIO()
    OpenDocumentPresentation().save(buffer)
    return buffer.getvalue()


def pdf(*lines: str, pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    for _page in range(pages):
        sheet.setFont(FONT, 12)
        for number, line in enumerate(lines):
            sheet.drawString(72, 760 - 18 * number, line)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """What a scanner makes, as far as text goes: pages of pictures and no text layer."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    for _page in range(pages):
        for row in range(40):
            sheet.rect(60, 780 - row * 18, 470, 10, fill=1)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(data: bytes, name: str) -> ContentFile[bytes]:
    return ContentFile(data, name=name)

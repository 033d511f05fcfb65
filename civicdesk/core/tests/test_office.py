"""The office kit: PDF/A-2b structure, embedded fonts and rare characters, ODF text and
spreadsheets with typed cells. veraPDF is not packaged for Debian, so the archival
requirements are checked one by one."""

import datetime
import io
import re
import zipfile

import pytest
from odf import teletype
from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import load
from odf.table import Table, TableCell, TableHeaderRows, TableRow
from odf.text import H, P
from pypdf import PdfReader

from civicdesk.core.office import odt, pdf
from civicdesk.core.office.blocks import (
    DataTable,
    Document,
    FieldTable,
    Heading,
    Labelled,
    Lines,
    Signatures,
    Text,
)
from civicdesk.core.office.fonts import CJK_EXT_B_FONT, CJK_FONT, LATIN_FONT, font_for, runs
from civicdesk.core.office.ods import Sheet, sheet_name, spreadsheet

# Characters of personal names the old CID font could not show everywhere: Big5 (堃 喆 犇),
# Extension A (㵘) and Extension B (𥕢 𡘙), all in CNS 11643 and so in TW-Kai.
RARE = "堃喆犇㵘𥕢𡘙"


def sample(*, language="zh-hant", footer="案號 1150001"):
    return Document(
        title=f"測試文件 {RARE}",
        language=language,
        author="高雄市政府環境保護局",
        footer=footer,
        blocks=(
            Heading("高雄市政府環境保護局", 18),
            Heading("一、說明", 13, level=1),
            Lines(("807高雄市三民區", "林美華"), inset=True, small=True),
            Labelled("主旨：", f"答復 {RARE} 君陳情案", items=("第一點", "第二點")),
            FieldTable((("姓名", f"林{RARE}"), ("E-mail", "mary@example.tw"))),
            DataTable(("項目", "數量"), (("回收", "12"),)),
            Text("Reply in English, with 中文 inside."),
            Signatures(("陳情人簽名", "紀錄人簽名"), "日期："),
        ),
    )


def text_of(content):
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def fonts_of(content):
    reader = PdfReader(io.BytesIO(content))
    return [font for page in reader.pages for font in page["/Resources"]["/Font"].values()]


def test_runs_pick_the_font_that_has_the_glyph():
    assert font_for("A") == LATIN_FONT
    assert font_for("林") == CJK_FONT
    assert font_for("㵘") == CJK_FONT  # Extension A is in the main file
    assert font_for("𥕢") == CJK_EXT_B_FONT
    assert [run.font for run in runs("Mr 林𡘙華")] == [
        LATIN_FONT,
        CJK_FONT,
        CJK_EXT_B_FONT,
        CJK_FONT,
    ]


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_pdf_text_extracts_back_with_rare_characters(language):
    text = text_of(pdf.render(sample(language=language)))
    assert f"林{RARE}" in text
    assert "ReplyinEnglish,with中文inside." in text
    assert "案號1150001" in text and "mary@example.tw" in text


def test_every_font_is_embedded_as_a_subset_with_a_unicode_map():
    fonts = fonts_of(pdf.render(sample()))
    names = {font["/BaseFont"].split("+", 1)[1] for font in fonts}
    assert names == {"TW-Kai-98_1", "TW-Kai-Ext-B-98_1", "DejaVuSans"}
    for font in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+.+", font["/BaseFont"])  # a subset
        assert "/FontFile2" in font["/FontDescriptor"]
        assert "/ToUnicode" in font


def test_pdf_declares_pdfa_2b_with_an_srgb_output_intent():
    content = pdf.render(sample())
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    metadata = root["/Metadata"].get_object()
    assert "/Filter" not in metadata  # PDF/A: the XMP stays readable without a PDF parser
    xmp = metadata.get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    info = reader.metadata
    assert f'<rdf:li xml:lang="x-default">{info.title}</rdf:li>' in xmp
    assert f"<rdf:li>{info.author}</rdf:li>" in xmp
    assert f"<pdf:Producer>{info.producer}</pdf:Producer>" in xmp
    created = info.creation_date
    assert f"<xmp:CreateDate>{created.isoformat()}</xmp:CreateDate>" in xmp
    (intent,) = root["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    assert profile.get_data()[36:40] == b"acsp"  # an ICC profile
    assert content.startswith(b"%PDF-1.") and max(content[9:15]) > 127  # binary comment
    assert "/ID" in reader.trailer
    assert root["/Lang"] == "zh-Hant-TW"


def test_no_standard_font_is_left_unembedded():
    content = pdf.render(sample(footer=""))
    assert b"Helvetica" not in content


def test_a_long_table_runs_over_pages_with_its_header():
    rows = tuple((f"第{n}項", str(n)) for n in range(120))
    document = Document(
        title="長表", language="zh-hant", author="機關", blocks=(DataTable(("項目", "數量"), rows),)
    )
    reader = PdfReader(io.BytesIO(pdf.render(document)))
    assert len(reader.pages) > 1
    assert all("項目" in page.extract_text() for page in reader.pages)


def test_odt_holds_the_same_words():
    content = odt.render(sample())
    assert zipfile.ZipFile(io.BytesIO(content)).read("mimetype") == (
        b"application/vnd.oasis.opendocument.text"
    )
    document = load(io.BytesIO(content))
    paragraphs = "\n".join(teletype.extractText(p) for p in document.getElementsByType(P))
    headings = [teletype.extractText(h) for h in document.getElementsByType(H)]
    assert headings == ["一、說明"]
    assert f"林{RARE}" in paragraphs and "主旨：" in paragraphs and "第二點" in paragraphs
    assert "案號 1150001" in paragraphs  # the footer
    assert len(document.getElementsByType(TableHeaderRows)) == 1  # the data table's header


def test_ods_cells_keep_their_type():
    day = datetime.date(2026, 3, 1)
    content = spreadsheet(
        [
            Sheet("Figures: 2026/03", [["Figure", "Value"], ["Cases", 12], ["Rate", 0.5]]),
            Sheet("Figures: 2026/03", [["Day", "Open"], [day, True], ["", None]], header_row=None),
        ]
    )
    document = load(io.BytesIO(content))
    tables = document.spreadsheet.getElementsByType(Table)
    assert [t.getAttrNS(TABLENS, "name") for t in tables] == [
        "Figures 2026 03",
        "Figures 2026 03 2",
    ]
    first = [row.getElementsByType(TableCell) for row in tables[0].getElementsByType(TableRow)]
    assert first[1][1].getAttrNS(OFFICENS, "value-type") == "float"
    assert first[1][1].getAttrNS(OFFICENS, "value") == "12"
    second = [row.getElementsByType(TableCell) for row in tables[1].getElementsByType(TableRow)]
    assert second[1][0].getAttrNS(OFFICENS, "date-value") == "2026-03-01"
    assert second[1][1].getAttrNS(OFFICENS, "value-type") == "string"  # a boolean is text
    assert second[2][1].getAttrNS(OFFICENS, "value-type") is None  # empty


def test_sheet_names_are_what_spreadsheets_accept():
    taken: set[str] = set()
    assert sheet_name("a" * 40, taken) == "a" * 31
    assert sheet_name("a" * 40, taken) == "a" * 28 + " 2"
    assert sheet_name("[]", taken) == "Sheet"


def test_a_missing_font_file_is_reported(monkeypatch, tmp_path):
    from civicdesk.core.office import fonts

    monkeypatch.setitem(fonts.FONT_FILES, CJK_EXT_B_FONT, tmp_path / "missing.ttf")
    (warning,) = fonts.check_font_files()
    assert warning.id == "core.W020" and "missing.ttf" in warning.msg

"""Upload checks: the type from the content, ODF and text PDF only, size, and extracted text."""

import pytest

from civicdesk.core.testing import EICAR
from civicdesk.disclosure import files
from civicdesk.disclosure.tests import samples


@pytest.mark.parametrize(
    ("data", "content_type", "extension"),
    [
        (samples.odt("噪音陳情"), files.ODF_TEXT, "odt"),
        (samples.ods(("參訪日期", "人數")), files.ODF_SPREADSHEET, "ods"),
        (samples.odp(), files.ODF_PRESENTATION, "odp"),
        (samples.pdf("戴奧辛檢測報告（第1季）"), files.PDF, "pdf"),
    ],
)
def test_accepted_types_are_sniffed_from_the_content(data, content_type, extension):
    checked = files.check_file(data, name="whatever.bin")
    assert checked.content_type == content_type
    assert checked.extension == extension
    assert checked.size == len(data)
    assert len(checked.sha256) == 64


def test_the_file_name_does_not_decide_the_type():
    assert files.sniff(samples.pdf("焚化")) == files.PDF
    with pytest.raises(files.FileRejected):
        files.check_file(b"just text pretending", name="form.odt")


def test_text_is_extracted_from_odf_in_document_order():
    checked = files.check_file(
        samples.odt("第一段 噪音", "第二段 臭味", heading="陳情書"), name="a.odt"
    )
    assert checked.text.splitlines() == ["陳情書", "第一段 噪音", "第二段 臭味"]


def test_text_is_extracted_from_spreadsheet_cells():
    checked = files.check_file(samples.ods(("團體名稱", "參訪人數")), name="a.ods")
    assert "團體名稱" in checked.text and "參訪人數" in checked.text


def test_text_is_extracted_from_a_pdf():
    checked = files.check_file(samples.pdf("戴奧辛 0.1 ng-TEQ/Nm3", "焚化爐"), name="a.pdf")
    assert "戴奧辛" in checked.text and "焚化爐" in checked.text


def test_a_scanned_pdf_is_rejected_with_advice():
    with pytest.raises(files.FileRejected, match="no text layer"):
        files.check_file(samples.scanned_pdf(), name="scan.pdf")


def test_a_pdf_with_text_on_few_of_its_pages_counts_as_a_scan():
    # Text on one page in three (a cover typed over a scanned body).
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (samples.pdf("封面 焚化廠年報"), samples.scanned_pdf(pages=2)):
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(files.FileRejected, match="no text layer"):
        files.check_file(buffer.getvalue(), name="mixed.pdf")


@pytest.mark.parametrize("data", [samples.docx(), files.OLE2_MAGIC + b"\0" * 600])
def test_word_and_excel_files_are_rejected_with_how_to_save_as_odf(data):
    with pytest.raises(files.FileRejected, match="Save As"):
        files.check_file(data, name="form.docx")


@pytest.mark.parametrize("data", [b"", b"GIF89a....", b"PK\x03\x04broken zip"])
def test_other_or_broken_files_are_rejected(data):
    with pytest.raises(files.FileRejected):
        files.check_file(data, name="x")


def test_a_broken_pdf_is_rejected():
    with pytest.raises(files.FileRejected, match="could not be read"):
        files.check_file(b"%PDF-1.7\nnot really", name="broken.pdf")


def test_size_limit_comes_from_the_setting(settings):
    settings.DISCLOSURE_MAX_UPLOAD_MB = 1
    big = samples.pdf("大檔案") + b"%" * (1024 * 1024)
    with pytest.raises(files.FileRejected, match="larger than 1 MB"):
        files.check_file(big, name="big.pdf")
    with pytest.raises(files.FileRejected, match="larger than 1 MB"):
        files.read_upload(samples.upload(big, "big.pdf"))


def test_default_size_limit_is_20_mb():
    assert files.max_upload_bytes() == 20 * 1024 * 1024


def test_a_form_version_needs_an_odf_file():
    pdf = files.check_file(samples.pdf("團體參訪申請表（PDF版）"), name="a.pdf")
    odt = files.check_file(samples.odt("參訪申請表"), name="a.odt")
    with pytest.raises(files.FileRejected, match="ODF"):
        files.check_version_files([pdf], is_form=True)
    files.check_version_files([odt, pdf], is_form=True)
    files.check_version_files([pdf], is_form=False)


def test_a_pdf_with_only_a_few_characters_counts_as_a_scan():
    with pytest.raises(files.FileRejected, match="no text layer"):
        files.check_file(samples.pdf("第1頁"), name="a.pdf")


def test_a_version_has_files_and_at_most_one_of_each_format():
    pdf = files.check_file(samples.pdf("營運月報 115年3月"), name="a.pdf")
    with pytest.raises(files.FileRejected):
        files.check_version_files([], is_form=False)
    with pytest.raises(files.FileRejected, match="one file of each format"):
        files.check_version_files([pdf, pdf], is_form=False)


@pytest.mark.parametrize(
    ("size", "label"), [(100, "1 KB"), (250_000, "244 KB"), (3 * 1024 * 1024, "3.0 MB")]
)
def test_human_size(size, label):
    assert files.human_size(size) == label


def test_library_files_are_scanned_for_viruses(clamd):
    clean = samples.odt("申請人姓名")
    assert files.check_file(clean, name="申請書.odt").is_odf
    with pytest.raises(files.FileRejected, match="virus scanner"):
        files.check_file(samples.odt("申請人姓名") + EICAR, name="bad.odt")
    assert clamd.received[0] == clean


def test_scanner_down_the_library_refuses_rather_than_publish_unscanned(settings):
    from civicdesk.notifications.testing import free_port

    settings.CORE_CLAMAV_ADDRESS = f"127.0.0.1:{free_port()}"
    with pytest.raises(files.FileRejected, match="could not be checked"):
        files.check_file(samples.odt("申請人姓名"), name="申請書.odt")

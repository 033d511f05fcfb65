import io
import socket
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from civicdesk.cases.attachments import AttachmentRejected, sniff, validate_upload
from civicdesk.core.testing import EICAR

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 20


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
DOCX = zipped({"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"})
JAR = zipped({"META-INF/MANIFEST.MF": "Main-Class: x"})


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PDF, "application/pdf"),
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (ODT, "application/vnd.oasis.opendocument.text"),
        (DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (JAR, None),
        (b"MZ\x90\x00 windows executable", None),
        (b"<html><script>alert(1)</script>", None),
        (b"PK\x03\x04 not really a zip", None),
    ],
)
def test_type_comes_from_the_content(data, expected):
    assert sniff(data) == expected


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/pdf")  # the claim is ignored


def test_a_renamed_executable_is_refused():
    with pytest.raises(AttachmentRejected, match="not a PDF"):
        validate_upload(upload("photo.pdf", b"MZ\x90\x00" + b"\0" * 100))


def test_size_limit(settings):
    settings.CASES_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(AttachmentRejected, match="larger than"):
        validate_upload(upload("big.pdf", PDF + b"\0" * 2000))


def test_empty_files_are_refused():
    with pytest.raises(AttachmentRejected, match="empty"):
        validate_upload(upload("empty.pdf", b""))


def test_clean_files_pass_the_scanner(clamd):
    _data, content_type = validate_upload(upload("scan.pdf", PDF))
    assert content_type == "application/pdf"
    assert clamd.received == [PDF]


def test_infected_files_are_refused(clamd):
    eicar = PDF + EICAR
    with pytest.raises(AttachmentRejected, match="virus scanner"):
        validate_upload(upload("bad.pdf", eicar))


def test_scanner_down_fails_closed(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CORE_CLAMAV_ADDRESS = f"127.0.0.1:{port}"
    with pytest.raises(AttachmentRejected, match="could not be checked"):
        validate_upload(upload("x.pdf", PDF))

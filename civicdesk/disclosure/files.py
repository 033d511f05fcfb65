"""Files of the document library: the type sniffed from the bytes, the formats and size the
government asks for (editable forms in ODF, read-only documents as text PDF), and their text.

No database here: the services and the admin form call these checks, so no path bypasses them.
"""

import hashlib
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from civicdesk.core.virusscan import VirusScanRefused, scan_for_viruses

ODF_TEXT = "application/vnd.oasis.opendocument.text"
ODF_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
ODF_PRESENTATION = "application/vnd.oasis.opendocument.presentation"
PDF = "application/pdf"
ODF_TYPES = frozenset({ODF_TEXT, ODF_SPREADSHEET, ODF_PRESENTATION})
EXTENSIONS = {ODF_TEXT: "odt", ODF_SPREADSHEET: "ods", ODF_PRESENTATION: "odp", PDF: "pdf"}
CONTENT_TYPES = {extension: content_type for content_type, extension in EXTENSIONS.items()}
# Short names citizens recognise, shown beside each download link.
FORMAT_LABELS = {"odt": "ODT", "ods": "ODS", "odp": "ODP", "pdf": "PDF"}

OOXML = "ooxml"  # Word, Excel or PowerPoint 2007+ (a zip with [Content_Types].xml)
OLE2 = "ole2"  # Word, Excel or PowerPoint 97–2003
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

DEFAULT_MAX_UPLOAD_MB = 20
# A PDF exported from a word processor carries text on almost every page; a scan carries none,
# or only a stamped page number. Below these, the PDF is treated as a scan.
MIN_PDF_CHARACTERS = 10
MIN_PDF_PAGES_WITH_TEXT = 0.5
MAX_TEXT_CHARACTERS = 1_000_000  # what is kept for the search index


class FileRejected(ValueError):
    """The file may not be offered to the public; the message says why, in the active language."""


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed every check, with what the library stores about it."""

    name: str
    data: bytes
    content_type: str
    sha256: str
    text: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def is_odf(self) -> bool:
        return self.content_type in ODF_TYPES


def max_upload_bytes() -> int:
    megabytes = int(getattr(settings, "DISCLOSURE_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))
    return megabytes * 1024 * 1024


def sniff(data: bytes) -> str | None:
    """The content type from the bytes themselves, never from the file name.

    Returns one of the ODF types or PDF, `OOXML`/`OLE2` for Microsoft Office files (so the
    message can tell their users what to do), or None.
    """
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(OLE2_MAGIC):
        return OLE2
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                    return mimetype if mimetype in ODF_TYPES else None
                if "[Content_Types].xml" in names:
                    return OOXML
        except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
            return None
    return None


def read_upload(upload: Any) -> bytes:
    """Read an uploaded file, refusing it before reading more than the size limit."""
    limit = max_upload_bytes()
    name = _display_name(upload)
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise FileRejected(_too_large(name, limit))
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise FileRejected(_too_large(name, limit))
    return bytes(data)


def check_file(data: bytes, *, name: str) -> CheckedFile:
    """Accept an ODF (odt/ods/odp) or a text PDF within the size limit, or raise FileRejected."""
    limit = max_upload_bytes()
    if len(data) > limit:
        raise FileRejected(_too_large(name, limit))
    if not data:
        raise FileRejected(_("%(name)s is empty.") % {"name": name})
    content_type = sniff(data)
    if content_type in (OOXML, OLE2):
        raise FileRejected(
            _(
                "%(name)s is a Microsoft Office file. Forms are published in the open ODF "
                "format: in Word or Excel choose File > Save As and pick “OpenDocument Text "
                "(.odt)” or “OpenDocument Spreadsheet (.ods)”; for a read-only document, "
                "export a PDF."
            )
            % {"name": name}
        )
    if content_type not in EXTENSIONS:
        raise FileRejected(
            _(
                "%(name)s is not an ODF file (.odt, .ods, .odp) or a PDF. Only these formats "
                "can be published."
            )
            % {"name": name}
        )
    try:
        scan_for_viruses(data)
    except VirusScanRefused as exc:
        raise FileRejected(f"{name}: {exc}") from exc
    text = extract_text(data, content_type, name=name)
    return CheckedFile(
        name=name,
        data=data,
        content_type=content_type,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text[:MAX_TEXT_CHARACTERS],
    )


def check_upload(upload: Any) -> CheckedFile:
    return check_file(read_upload(upload), name=_display_name(upload))


def check_version_files(files: Sequence[CheckedFile], *, is_form: bool) -> None:
    """The files of one version: at least one, one per format, and a form offered in ODF."""
    if not files:
        raise FileRejected(_("Upload at least one file for the new version."))
    types = [checked.content_type for checked in files]
    if len(set(types)) != len(types):
        raise FileRejected(_("Upload at most one file of each format in a version."))
    if is_form and not any(checked.is_odf for checked in files):
        raise FileRejected(
            _(
                "A blank form must be offered in ODF (.odt/.ods) so that citizens can fill it "
                "in; add the ODF file (a PDF may accompany it)."
            )
        )


def extract_text(data: bytes, content_type: str, *, name: str = "") -> str:
    if content_type == PDF:
        return _pdf_text(data, name)
    return _odf_text(data, name)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileRejected(
                _("%(name)s is password-protected. Publish the PDF without a password.")
                % {"name": name}
            )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except FileRejected:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise FileRejected(_("%(name)s could not be read as a PDF.") % {"name": name}) from exc
    text = "\n".join(page for page in pages if page)
    characters = sum(1 for char in text if not char.isspace())
    with_text = sum(1 for page in pages if page)
    if characters < MIN_PDF_CHARACTERS or with_text < len(pages) * MIN_PDF_PAGES_WITH_TEXT:
        raise FileRejected(
            _(
                "%(name)s has no text layer — it looks like a scan. Export the PDF from the "
                "word processor, or run text recognition (OCR) on it, so that everyone, "
                "including screen-reader users, can read and search it."
            )
            % {"name": name}
        )
    return text


def _odf_text(data: bytes, name: str) -> str:
    from odf import opendocument

    try:
        document = opendocument.load(io.BytesIO(data))
        lines = list(_odf_paragraphs(document.body))
    except Exception as exc:  # odfpy raises whatever its XML parser or zipfile raises
        raise FileRejected(
            _("%(name)s could not be read as an ODF file.") % {"name": name}
        ) from exc
    return "\n".join(line for line in lines if line.strip())


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
PARAGRAPHS = {(TEXT_NS, "p"), (TEXT_NS, "h")}


def _odf_paragraphs(element: Any) -> Iterable[str]:
    """Paragraphs and headings in document order (teletype alone would run them together)."""
    from odf import teletype

    for child in element.childNodes:
        if getattr(child, "qname", None) in PARAGRAPHS:
            yield teletype.extractText(child)
        elif child.nodeType == child.ELEMENT_NODE:
            yield from _odf_paragraphs(child)


def _display_name(upload: Any) -> str:
    return str(getattr(upload, "name", "") or _("the file")).rsplit("/", 1)[-1]


def _too_large(name: str, limit: int) -> str:
    return _("%(name)s is larger than %(limit)d MB.") % {
        "name": name,
        "limit": limit // (1024 * 1024),
    }


def human_size(size: int) -> str:
    """`245 KB`, `1.2 MB`: the size shown beside a download link."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"

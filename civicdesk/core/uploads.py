"""Uploaded files staff and citizens attach to records (petitions, evidence, inspection photos,
suggestions): a size limit, a type whitelist checked by content, and the virus-scan hook.

Every app that accepts a file validates it here, so one rule holds everywhere: the type comes
from the bytes, never from the name the sender gave.
"""

import io
import zipfile

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from civicdesk.core.virusscan import VirusScanRefused, scan_for_viruses

ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
OOXML_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_TYPES = frozenset({"image/jpeg", "image/png"})
DOCUMENT_TYPES = frozenset({"application/pdf", *IMAGE_TYPES, *ODF_TYPES, *OOXML_TYPES.values()})


class UploadRejected(ValueError):
    """The file may not be attached; the message says why, in the active language."""


def sniff(data: bytes) -> str | None:
    """The content type from the bytes themselves, never from the name the sender gave."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                    return mimetype if mimetype in ODF_TYPES else None
                if "[Content_Types].xml" in names:
                    for prefix, mimetype in OOXML_TYPES.items():
                        if any(name.startswith(prefix) for name in names):
                            return mimetype
        except zipfile.BadZipFile:
            return None
    return None


def upload_name(upload: UploadedFile, default: str = "attachment") -> str:
    """The sender's file name without any path, cut to fit a 200-character column."""
    return (upload.name or default).replace("\\", "/").rsplit("/", 1)[-1][:200]


def validate_upload(
    upload: UploadedFile, *, max_bytes: int, allowed: frozenset[str] = DOCUMENT_TYPES
) -> tuple[bytes, str]:
    """Return (content, content type) or raise UploadRejected with a clear message."""
    too_big = _("%(name)s is larger than %(limit)d MB.") % {
        "name": upload.name,
        "limit": max_bytes // (1024 * 1024),
    }
    if upload.size is not None and upload.size > max_bytes:
        raise UploadRejected(too_big)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRejected(too_big)
    if not data:
        raise UploadRejected(_("%(name)s is empty.") % {"name": upload.name})
    content_type = sniff(data)
    if content_type not in allowed:
        if allowed == IMAGE_TYPES:
            message = _("%(name)s is not a JPEG or PNG image.")
        else:
            message = _("%(name)s is not a PDF, JPEG, PNG, ODF or Office document.")
        raise UploadRejected(message % {"name": upload.name})
    try:
        scan_for_viruses(data)
    except VirusScanRefused as exc:
        raise UploadRejected(str(exc)) from exc
    return data, content_type
